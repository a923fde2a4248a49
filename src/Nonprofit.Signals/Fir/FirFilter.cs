using System;
using System.Buffers;

namespace Nonprofit.Signals;

/// <summary>
/// A streaming FIR filter: feed chunks of any size and get bit-for-bit the output of
/// <see cref="SignalFilters.Fir(System.ReadOnlySpan{float}, System.ReadOnlySpan{float}, System.Span{float})"/> on the concatenated input. Not thread-safe; no allocation per chunk.
/// </summary>
public sealed class FirFilter
{
    private readonly float[] _taps;
    private readonly float[] _history;

    /// <summary>Initializes a filter with zero history.</summary>
    /// <param name="taps">The impulse response, at least one finite tap.</param>
    /// <exception cref="ArgumentException">No taps, or a tap is not finite.</exception>
    public FirFilter(ReadOnlySpan<float> taps)
    {
        SignalFilters.ValidateTaps(taps);
        _taps = taps.ToArray();
        _history = new float[_taps.Length - 1];
    }

    /// <summary>Gets the number of taps.</summary>
    public int TapCount => _taps.Length;

    /// <summary>Filters a chunk, continuing from the previous one.</summary>
    /// <param name="input">The next samples.</param>
    /// <param name="destination">Receives as many filtered samples; must not overlap <paramref name="input"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short or overlaps <paramref name="input"/>.</exception>
    public void Process(ReadOnlySpan<float> input, Span<float> destination)
    {
        if (destination.Length < input.Length)
        {
            throw new ArgumentException($"The destination has {destination.Length} elements but the input has {input.Length}.", nameof(destination));
        }

        if (input.Overlaps(destination))
        {
            throw new ArgumentException("The destination overlaps the input.", nameof(destination));
        }

        var h = _history.Length;
        var scratch = ArrayPool<float>.Shared.Rent(h + input.Length);
        try
        {
            var p = scratch.AsSpan(0, h + input.Length);
            _history.CopyTo(p);
            input.CopyTo(p[h..]);
            SignalFilters.FirCore(p, _taps, destination[..input.Length]);
            p[^h..].CopyTo(_history);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>Filters one sample.</summary>
    /// <param name="sample">The next sample.</param>
    /// <returns>The filtered sample.</returns>
    public float Process(float sample)
    {
        Span<float> output = stackalloc float[1];
        Process([sample], output);
        return output[0];
    }

    /// <summary>Clears the history, as if no sample had been processed.</summary>
    public void Reset() => Array.Clear(_history);
}
