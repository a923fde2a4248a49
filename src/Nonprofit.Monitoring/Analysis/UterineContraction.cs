namespace Nonprofit.Monitoring;

/// <summary>
/// A uterine contraction found in the uterine activity (TOCO or intrauterine pressure) channel: a rise above the
/// resting tone. Sample indices refer to the analysed recording; times are seconds from its start.
/// </summary>
public sealed class UterineContraction
{
    /// <summary>Gets the first sample of the contraction (where the activity leaves the resting tone).</summary>
    public int StartIndex { get; init; }

    /// <summary>Gets the sample of the contraction's peak (acme).</summary>
    public int PeakIndex { get; init; }

    /// <summary>Gets the sample after the last one of the contraction (exclusive end).</summary>
    public int EndIndex { get; init; }

    /// <summary>Gets the start, in seconds from the start of the recording.</summary>
    public double StartSeconds { get; init; }

    /// <summary>Gets the time of the peak, in seconds from the start of the recording.</summary>
    public double PeakSeconds { get; init; }

    /// <summary>Gets the (exclusive) end, in seconds from the start of the recording.</summary>
    public double EndSeconds { get; init; }

    /// <summary>Gets the duration in seconds.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;

    /// <summary>Gets the height of the peak above the resting tone, in the channel's units (TOCO units or mmHg).</summary>
    public double AmplitudeAboveTone { get; init; }
}
