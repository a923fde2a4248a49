namespace Nonprofit.Monitoring;

/// <summary>An episode of high or low variation (Dawes-Redman): minutes <see cref="StartMinute"/> to <see cref="EndMinute"/> (exclusive) of the analysed record.</summary>
/// <param name="StartMinute">The first minute of the episode (0-based).</param>
/// <param name="EndMinute">The minute after the last one.</param>
/// <param name="MeanRangeMs">The mean minute range (long-term variation), in ms, over the episode's analysed minutes.</param>
public readonly record struct VariationEpisode(int StartMinute, int EndMinute, double MeanRangeMs)
{
    /// <summary>Gets the duration in minutes.</summary>
    public int DurationMinutes => EndMinute - StartMinute;
}
