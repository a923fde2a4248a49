using System;
using System.Buffers;

namespace Nonprofit.Signals;

/// <summary>
/// Rational resampling by up/down (for example 4 Hz ← 1 kHz is 1/250, 44.1 kHz → 48 kHz is 160/147) with a
/// polyphase windowed-sinc anti-alias filter (Kaiser, β = 8, 10 zero crossings per side, cutoff at 0.45 of the
/// lower of the two rates). Streaming: chunks of any size give exactly the offline output
/// (<see cref="SignalFilters.Resample"/>). Output m is the filtered up-sampled signal at m · down; the filter
/// delay is (taps − 1) / 2 samples of the up-sampled rate. Not thread-safe.
/// </summary>
public sealed class Resampler
{
    private const int ZeroCrossings = 10;

    private readonly float[] _taps;
    private readonly float[] _history;
    private long _inputCount;
    private long _outputCount;

    /// <summary>Initializes a resampler.</summary>
    /// <param name="up">The up-sampling factor, 1 to 1000.</param>
    /// <param name="down">The down-sampling factor, 1 to 1000.</param>
    /// <exception cref="ArgumentOutOfRangeException">A factor is out of range.</exception>
    public Resampler(int up, int down)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(up, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(down, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(up, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(down, 1000);
        var g = Gcd(up, down);
        Up = up / g;
        Down = down / g;
        var factor = Math.Max(Up, Down);
        var tapCount = (2 * ZeroCrossings * factor) + 1;
        _taps = FirDesign.LowPass(tapCount, 0.45 / factor, 1, WindowKind.Kaiser, 8);
        for (var i = 0; i < _taps.Length; i++)
        {
            _taps[i] *= Up; // zero stuffing divides the level by the up factor
        }

        _history = new float[((tapCount - 1) / Up) + 1];
    }

    /// <summary>Gets the reduced up-sampling factor.</summary>
    public int Up { get; }

    /// <summary>Gets the reduced down-sampling factor.</summary>
    public int Down { get; }

    /// <summary>Gets the number of filter taps (at the up-sampled rate).</summary>
    public int TapCount => _taps.Length;

    /// <summary>Gets the largest number of outputs a chunk of <paramref name="inputLength"/> samples can produce.</summary>
    /// <param name="inputLength">The chunk length.</param>
    /// <returns>A safe destination length.</returns>
    public int MaxOutputLength(int inputLength) => (int)((((long)inputLength * Up) + Down - 1) / Down) + 1;

    /// <summary>Resamples a chunk, continuing from the previous one.</summary>
    /// <param name="input">The next samples.</param>
    /// <param name="destination">Receives the outputs; at least <see cref="MaxOutputLength(int)"/> long to be safe.</param>
    /// <returns>The number of outputs written.</returns>
    /// <exception cref="ArgumentException">The destination is too short for this chunk's outputs.</exception>
    public int Process(ReadOnlySpan<float> input, Span<float> destination)
    {
        var h = _history.Length;
        var scratch = ArrayPool<float>.Shared.Rent(h + input.Length);
        try
        {
            // scratch[i] holds input sample (_inputCount - h + i); samples before the first are zero.
            var s = scratch.AsSpan(0, h + input.Length);
            _history.CopyTo(s);
            input.CopyTo(s[h..]);
            var total = _inputCount + input.Length;
            var first = _inputCount - h;
            var written = 0;
            while ((_outputCount * Down) / Up < total)
            {
                if (written == destination.Length)
                {
                    throw new ArgumentException(
                        $"The destination is too short for this chunk's outputs; size it with MaxOutputLength({input.Length}).", nameof(destination));
                }

                var t = _outputCount * Down;
                var phase = (int)(t % Up);
                var baseIndex = (t / Up) - first;
                var acc = 0f;
                for (int k = phase, j = 0; k < _taps.Length; k += Up, j++)
                {
                    var index = baseIndex - j;
                    if (index < 0)
                    {
                        break;
                    }

                    acc = MathF.FusedMultiplyAdd(_taps[k], s[(int)index], acc);
                }

                destination[written++] = acc;
                _outputCount++;
            }

            _inputCount = total;
            s[^h..].CopyTo(_history);
            return written;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>Forgets every sample.</summary>
    public void Reset()
    {
        Array.Clear(_history);
        _inputCount = 0;
        _outputCount = 0;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
