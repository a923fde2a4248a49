using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// A cleaned fetal heart rate series from <see cref="CtgPreprocessor"/>: same length and sample rate as the input, with a
/// per-sample record of what was removed, corrected or interpolated and why.
/// </summary>
public sealed class PreprocessedFhr
{
    private readonly float[] _fhr;
    private readonly FhrSampleStatus[] _flags;

    internal PreprocessedFhr(float[] fhr, FhrSampleStatus[] flags, double sampleRateHz, double signalLossPercent)
    {
        _fhr = fhr;
        _flags = flags;
        SampleRateHz = sampleRateHz;
        SignalLossPercent = signalLossPercent;
    }

    /// <summary>Gets the number of samples (the input's).</summary>
    public int Length => _fhr.Length;

    /// <summary>Gets the sample rate in Hz (the input's).</summary>
    public double SampleRateHz { get; }

    /// <summary>Gets the cleaned fetal heart rate in bpm: measured or corrected values, interpolated gaps, and NaN only where a gap could not be filled.</summary>
    public ReadOnlyMemory<float> FetalHeartRate => _fhr;

    /// <summary>Gets, for each sample, what was done and why; a sample is measured when it has none of the removal flags.</summary>
    public ReadOnlyMemory<FhrSampleStatus> Status => _flags;

    /// <summary>Gets the percentage (0-100) of samples with no valid measured value after artefact rejection, before interpolation.</summary>
    public double SignalLossPercent { get; }

    /// <summary>Gets the time of sample <paramref name="index"/> from the start.</summary>
    /// <param name="index">The sample index, 0 to <see cref="Length"/>.</param>
    /// <returns><paramref name="index"/> / <see cref="SampleRateHz"/> seconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or beyond <see cref="Length"/>.</exception>
    public TimeSpan TimeOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Length);
        return TimeSpan.FromSeconds(index / SampleRateHz);
    }

    /// <summary>Gets a value indicating whether sample <paramref name="index"/> is a measured (possibly halving/doubling-corrected) value rather than a removed or missing one.</summary>
    /// <param name="index">The sample index.</param>
    /// <returns><see langword="true"/> when the sample was kept.</returns>
    public bool IsMeasured(int index) => (_flags[index] & CtgPreprocessor.Removed) == 0;
}
