using System;
using System.Collections.Generic;

namespace Nonprofit.Monitoring;

/// <summary>
/// The result of <see cref="CtgAnalyzer.Analyze(CtgRecording, System.Threading.CancellationToken)"/>: baseline, accelerations, decelerations with their type,
/// contractions, tachycardia, bradycardia, tachysystole and signal loss of one recording.
/// </summary>
/// <remarks>
/// <para>Holds patient data (the baseline and the cleaned heart rate); nothing in this package logs it.</para>
/// <para>
/// The command-line contract (<c>nonprofit ctg</c>) serialises it as
/// <c>{"samples":<see cref="Length"/>,"signal_loss_pct":<see cref="SignalLossPercent"/>,"baseline_bpm":<see cref="BaselineBpm"/>,
/// "stv_ms":…,"ltv_bpm":…,"accelerations":[{"start_s":<see cref="FhrEvent.StartSeconds"/>,"end_s":<see cref="FhrEvent.EndSeconds"/>}],
/// "decelerations":[{"start_s":…,"end_s":…,"type":"late"}],"figo":{…}}</c>. Variability (STV, LTV), the FIGO category
/// and the Dawes-Redman criteria come from the classification (<c>Classification/</c>), computed on
/// <see cref="Preprocessed"/>, <see cref="Baseline"/> and the events here.
/// </para>
/// </remarks>
public sealed class CtgAnalysis
{
    /// <summary>Gets the number of samples analysed (the recording's length).</summary>
    public int Length { get; init; }

    /// <summary>Gets the sample rate in Hz (the recording's).</summary>
    public double SampleRateHz { get; init; }

    /// <summary>Gets the percentage (0-100) of samples with no valid measured fetal heart rate (see <see cref="PreprocessedFhr.SignalLossPercent"/>).</summary>
    public double SignalLossPercent { get; init; }

    /// <summary>Gets the cleaned fetal heart rate the analysis ran on, with each sample's status.</summary>
    public required PreprocessedFhr Preprocessed { get; init; }

    /// <summary>Gets the method the baseline was estimated with.</summary>
    public BaselineMethod BaselineMethod { get; init; }

    /// <summary>Gets the baseline at each sample, in bpm (at <see cref="SampleRateHz"/>; NaN only when the recording has no valid sample at all).</summary>
    public ReadOnlyMemory<float> Baseline { get; init; }

    /// <summary>Gets the baseline of the recording, in bpm, unrounded: the mean of <see cref="Baseline"/> over the measured samples outside accelerations and decelerations (NaN when there is none).</summary>
    public double BaselineBpm { get; init; }

    /// <summary>Gets <see cref="BaselineBpm"/> rounded to the nearest 5 bpm, as FIGO 2015 reports it ("expressed in beats per minute, rounded to increments of 5"); NaN when there is no baseline.</summary>
    public double ClinicalBaselineBpm { get; init; }

    /// <summary>Gets the accelerations, in time order.</summary>
    public IReadOnlyList<FhrAcceleration> Accelerations { get; init; } = [];

    /// <summary>Gets the decelerations, in time order, each with its type.</summary>
    public IReadOnlyList<FhrDeceleration> Decelerations { get; init; } = [];

    /// <summary>Gets a value indicating whether the recording had a uterine activity channel (without one there are no contractions and decelerations are only variable, prolonged or <see cref="DecelerationType.Unknown"/>).</summary>
    public bool HasUterineActivity { get; init; }

    /// <summary>Gets the uterine contractions, in time order (empty without a uterine activity channel).</summary>
    public IReadOnlyList<UterineContraction> Contractions { get; init; } = [];

    /// <summary>Gets the mean number of contractions per 10 minutes over the whole recording (0 without uterine activity).</summary>
    public double ContractionsPer10Minutes { get; init; }

    /// <summary>Gets the highest number of contractions per 10 minutes averaged over any 30-minute period (over the whole recording when it is shorter).</summary>
    public double MaximumContractionsPer10Minutes { get; init; }

    /// <summary>Gets a value indicating whether there is tachysystole: more than 5 contractions per 10 minutes averaged over a 30-minute period (FIGO 2015).</summary>
    public bool Tachysystole { get; init; }

    /// <summary>Gets a value indicating whether the baseline stays above 160 bpm for 10 minutes or more (FIGO 2015 tachycardia).</summary>
    public bool Tachycardia { get; init; }

    /// <summary>Gets a value indicating whether the baseline stays below 110 bpm for 10 minutes or more (FIGO 2015 bradycardia).</summary>
    public bool Bradycardia { get; init; }

    /// <summary>Gets the total time, in seconds, the baseline spends in tachycardia episodes (runs above the threshold of 10 minutes or more).</summary>
    public double TachycardiaSeconds { get; init; }

    /// <summary>Gets the total time, in seconds, the baseline spends in bradycardia episodes (runs below the threshold of 10 minutes or more).</summary>
    public double BradycardiaSeconds { get; init; }
}
