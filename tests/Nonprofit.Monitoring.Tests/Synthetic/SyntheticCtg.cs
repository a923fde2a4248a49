namespace Nonprofit.Monitoring.Tests.Synthetic;

/// <summary>The kinds of event the generator places, named as in the FIGO 2015 consensus.</summary>
internal enum SyntheticEventKind
{
    Acceleration,
    EarlyDeceleration,
    LateDeceleration,
    VariableDeceleration,
    ProlongedDeceleration,
}

/// <summary>Samples <c>[Start, End)</c>.</summary>
internal readonly record struct SampleInterval(int Start, int End)
{
    public int Length => End - Start;

    public bool Overlaps(SampleInterval other, int margin = 0) => Start < other.End + margin && other.Start < End + margin;
}

/// <summary>One placed event: where, how deep (bpm below or above baseline), and the contraction it belongs to.</summary>
internal sealed record SyntheticEvent(SyntheticEventKind Kind, SampleInterval Interval, double AmplitudeBpm, int? ContractionIndex);

/// <summary>A generated recording and its ground truth.</summary>
/// <param name="Recording">FHR (NaN where lost, halved in halving episodes), MHR and uterine activity.</param>
/// <param name="Baseline">The true baseline at each sample (wander only).</param>
/// <param name="TrueFhr">Baseline + variability + events, before noise, halving and loss.</param>
/// <param name="Events">Accelerations and decelerations, in time order.</param>
/// <param name="Contractions">Contraction intervals, in time order.</param>
/// <param name="Lost">True where the recording has no FHR value.</param>
/// <param name="Halved">Intervals where the recorded FHR is half the true one.</param>
internal sealed record SyntheticCtg(
    CtgRecording Recording,
    float[] Baseline,
    float[] TrueFhr,
    IReadOnlyList<SyntheticEvent> Events,
    IReadOnlyList<SampleInterval> Contractions,
    bool[] Lost,
    IReadOnlyList<SampleInterval> Halved);
