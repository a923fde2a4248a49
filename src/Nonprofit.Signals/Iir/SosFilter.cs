using System;

namespace Nonprofit.Signals;

/// <summary>
/// A streaming cascade of second-order sections: feed chunks of any size with <see cref="Process(ReadOnlySpan{float}, Span{float})"/>
/// and get exactly the output <see cref="SignalFilters.Sos(ReadOnlySpan{float}, ReadOnlySpan{Biquad}, Span{float})"/> gives on the concatenated input. Not thread-safe.
/// </summary>
public sealed class SosFilter
{
    private readonly Biquad[] _sections;
    private readonly double[] _coefficients;
    private readonly double[] _state;
    private int _phase;

    /// <summary>Initializes a filter with zero state.</summary>
    /// <param name="sections">The cascade, applied in order.</param>
    /// <exception cref="ArgumentException">A coefficient is not finite.</exception>
    public SosFilter(ReadOnlySpan<Biquad> sections)
    {
        foreach (var s in sections)
        {
            s.ThrowIfNotFinite(nameof(sections));
        }

        _sections = sections.ToArray();
        _coefficients = new double[SosBlockKernel.CoefficientStride * _sections.Length];
        if (SosBlockKernel.IsSupported)
        {
            SosBlockKernel.Precompute(_sections, _coefficients);
        }

        _state = new double[SosBlockKernel.StateStride * _sections.Length];
    }

    /// <summary>Gets the number of sections.</summary>
    public int SectionCount => _sections.Length;

    /// <summary>Filters a chunk, continuing from the previous one.</summary>
    /// <param name="input">The next samples.</param>
    /// <param name="destination">Receives as many filtered samples (in place allowed).</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short or partly overlaps <paramref name="input"/>.</exception>
    public void Process(ReadOnlySpan<float> input, Span<float> destination) => ProcessCore(input, destination);

    /// <summary>
    /// Filters a chunk of double-precision samples, continuing from the previous chunk (float and double chunks may
    /// be mixed: the state is double either way); equal to <see cref="SignalFilters.Sos(ReadOnlySpan{double}, ReadOnlySpan{Biquad}, Span{double})"/> on the concatenated input.
    /// </summary>
    /// <param name="input">The next samples.</param>
    /// <param name="destination">Receives as many filtered samples (in place allowed).</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short or partly overlaps <paramref name="input"/>.</exception>
    public void Process(ReadOnlySpan<double> input, Span<double> destination) => ProcessCore(input, destination);

    /// <summary>Filters one double-precision sample.</summary>
    /// <param name="sample">The next sample.</param>
    /// <returns>The filtered sample.</returns>
    public double Process(double sample)
    {
        Span<double> one = [sample];
        ProcessCore<double>(one, one);
        return one[0];
    }

    private void ProcessCore<T>(ReadOnlySpan<T> input, Span<T> destination)
        where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
    {
        var y = SignalFilters.CheckDestination(input, destination);
        if (_sections.Length > 0)
        {
            SignalFilters.SosCascade(input, y, _sections, _coefficients, _state, ref _phase);
        }
        else
        {
            input.CopyTo(y);
        }
    }

    /// <summary>Filters one sample.</summary>
    /// <param name="sample">The next sample.</param>
    /// <returns>The filtered sample.</returns>
    public float Process(float sample)
    {
        Span<float> one = [sample];
        ProcessCore<float>(one, one);
        return one[0];
    }

    /// <summary>Clears the state, as if no sample had been processed.</summary>
    public void Reset()
    {
        Array.Clear(_state);
        _phase = 0;
    }
}
