namespace Fetosense.Monitor.Scenarios;

/// <summary>The simulated clinical situations the device simulator can play.</summary>
internal enum ScenarioKind
{
    /// <summary>Baseline 140 bpm, normal variability, accelerations, mild contractions.</summary>
    Reassuring,

    /// <summary>A deceleration after every contraction (nadir after its peak) with reduced variability.</summary>
    LateDecelerations,

    /// <summary>A fall from 140 to about 85 bpm at 12 minutes, about 6 minutes below the baseline, then recovery.</summary>
    ProlongedBradycardia,

    /// <summary>The probe slips from the fetal heart onto a maternal artery: the trace follows the mother's pulse.</summary>
    MaternalPulse,

    /// <summary>The probe slips off the abdomen three times: the audio is noise only.</summary>
    ProbeSlipping,
}
