namespace Nonprofit.Impact;

/// <summary>Totals over the measurements matching a <see cref="MeasurementQuery"/>, computed by the store.</summary>
/// <param name="Count">How many measurements matched.</param>
/// <param name="Sum">The sum of their values (0 when none matched).</param>
/// <param name="Min">The smallest value, or <see langword="null"/> when none matched.</param>
/// <param name="Max">The largest value, or <see langword="null"/> when none matched.</param>
public sealed record MeasurementSummary(long Count, double Sum, double? Min, double? Max)
{
    /// <summary>Gets the mean value, or <see langword="null"/> when none matched.</summary>
    public double? Mean => Count == 0 ? null : Sum / Count;
}
