namespace Nonprofit.Monitoring;

/// <summary>
/// An episode where the fetal heart rate leaves its baseline: an acceleration (<see cref="FhrAcceleration"/>) or a
/// deceleration (<see cref="FhrDeceleration"/>). Sample indices refer to the analysed recording; times are seconds from
/// its start.
/// </summary>
public abstract class FhrEvent
{
    /// <summary>Initializes an event (only <see cref="FhrAcceleration"/> and <see cref="FhrDeceleration"/> derive from it).</summary>
    private protected FhrEvent()
    {
    }

    /// <summary>Gets the first sample of the event.</summary>
    public int StartIndex { get; init; }

    /// <summary>Gets the sample after the last one of the event (exclusive end).</summary>
    public int EndIndex { get; init; }

    /// <summary>Gets the sample where the heart rate is furthest from the baseline (the peak of an acceleration, the nadir of a deceleration).</summary>
    public int ExtremumIndex { get; init; }

    /// <summary>Gets the start, in seconds from the start of the recording.</summary>
    public double StartSeconds { get; init; }

    /// <summary>Gets the (exclusive) end, in seconds from the start of the recording.</summary>
    public double EndSeconds { get; init; }

    /// <summary>Gets the time of <see cref="ExtremumIndex"/>, in seconds from the start of the recording.</summary>
    public double ExtremumSeconds { get; init; }

    /// <summary>Gets the duration in seconds (<see cref="EndSeconds"/> − <see cref="StartSeconds"/>).</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;

    /// <summary>Gets the distance from the baseline to the peak or nadir, in bpm (positive for both kinds).</summary>
    public double AmplitudeBpm { get; init; }

    /// <summary>Gets the fraction (0-1) of the event's samples that had no measured value (interpolated over signal loss).</summary>
    /// <remarks>
    /// Events with more than <see cref="CtgAnalyzerOptions.MaximumEventSignalLoss"/> (33%, as in the FHRMA evaluation,
    /// Boudet et al. 2019) are left out of the analysis unless <see cref="CtgAnalyzerOptions.KeepUnreliableEvents"/> is set.
    /// </remarks>
    public double SignalLossFraction { get; init; }
}

/// <summary>
/// An acceleration: an abrupt rise of the fetal heart rate above the baseline, of more than 15 bpm lasting more than
/// 15 s and less than 10 minutes (FIGO 2015: Ayres-de-Campos et al., Int J Gynecol Obstet 131:13-24, 2015; before 32
/// weeks, 10 bpm for 10 s, see <see cref="CtgAnalyzerOptions.PretermBefore32Weeks"/>).
/// </summary>
public sealed class FhrAcceleration : FhrEvent
{
}

/// <summary>
/// A deceleration: a fall of the fetal heart rate below the baseline of more than 15 bpm lasting more than 15 s
/// (FIGO 2015), with its type against the uterine contractions.
/// </summary>
public sealed class FhrDeceleration : FhrEvent
{
    /// <summary>Gets the type (early, late, variable, prolonged; <see cref="DecelerationType.Unknown"/> when it cannot be told).</summary>
    public DecelerationType Type { get; init; }

    /// <summary>Gets the seconds from the onset (where the heart rate leaves the baseline) to the nadir; under 30 s is an abrupt onset (FIGO 2015).</summary>
    public double OnsetToNadirSeconds { get; init; }

    /// <summary>Gets the index in <see cref="CtgAnalysis.Contractions"/> of the contraction the deceleration is related to, or <see langword="null"/>.</summary>
    public int? ContractionIndex { get; init; }

    /// <summary>Gets the seconds from that contraction's peak to the deceleration's nadir (positive: nadir after the peak), or <see langword="null"/> without a contraction.</summary>
    public double? NadirLagSeconds { get; init; }
}
