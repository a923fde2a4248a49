using System;
using System.Numerics.Tensors;
using Nonprofit.Signals;

namespace Nonprofit.Monitoring;

/// <summary>
/// The online form of <see cref="DopplerHeartRateEstimator"/>: feed audio chunks of any size with
/// <see cref="Process"/>, then call <see cref="Complete"/> at the end; the concatenated outputs equal the offline
/// <see cref="DopplerHeartRateEstimator.Estimate(ReadOnlySpan{float}, double)"/> on the concatenated audio, bit for bit.
/// Not thread-safe; create one per audio stream.
/// </summary>
/// <remarks>
/// Sample k (the rate at k × 0.25 s) is emitted as soon as the audio up to the end of its window (k × 0.25 s + half the
/// window, <see cref="LatencySeconds"/>) has arrived. <see cref="Complete"/> emits the last samples, whose windows the end
/// of the audio cuts short. Once a chunk is split into blocks nothing is allocated: the filter state, the envelope buffer
/// and the autocorrelation scratch are allocated once.
/// </remarks>
public sealed class StreamingDopplerHeartRateEstimator
{
    private const int BlockSize = 4096;
    private const int BandPassOrder = 4;
    private const int EnvelopeOrder = 2;
    private const int MaxCandidates = 32;

    /// <summary>A peak within this share of the previous estimate's lag counts as continuing it.</summary>
    private const double ContinuityTolerance = 0.12;

    /// <summary>The share of the highest peak a peak continuing the previous estimate needs to be preferred.</summary>
    private const float ContinuityRatio = 0.6f;

    /// <summary>How long, in output samples, an estimate serves as the previous one (2 s).</summary>
    private const int ContinuitySamples = 8;

    private readonly double _sampleRateHz;
    private readonly int _decimation;
    private readonly double _envelopeRateHz;
    private readonly SosFilter _bandPass;
    private readonly EnvelopeFollower _envelope;
    private readonly int _window;
    private readonly int _half;
    private readonly int _minimumWindow;
    private readonly int _minLag;
    private readonly int _maxLag;
    private readonly double _minBpm;
    private readonly double _maxBpm;
    private readonly float _minPeak;
    private readonly float _fundamentalRatio;
    private readonly float[] _block = new float[BlockSize];
    private readonly float[] _buffer;
    private readonly float[] _frame;
    private readonly float[] _acf;
    private readonly int[] _candidateLag = new int[MaxCandidates];
    private readonly float[] _candidateHeight = new float[MaxCandidates];
    private long _bufferStart;
    private int _bufferCount;
    private long _audioCount;
    private long _emitted;
    private float _previousBpm = float.NaN;
    private long _previousIndex;
    private bool _completed;

    internal StreamingDopplerHeartRateEstimator(DopplerHeartRateOptions options, double sampleRateHz)
    {
        _sampleRateHz = sampleRateHz;
        _decimation = Math.Max(1, (int)Math.Round(sampleRateHz / options.EnvelopeRateHz));
        _envelopeRateHz = sampleRateHz / _decimation;
        var high = Math.Min(options.BandHighHz, 0.45 * sampleRateHz);
        if (high <= options.BandLowHz || options.EnvelopeCutoffHz >= 0.5 * _envelopeRateHz)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "The sample rate is too low for the Doppler band and envelope rate of the options.");
        }

        _bandPass = new SosFilter(FilterDesign.ButterworthBandPass(BandPassOrder, options.BandLowHz, high, sampleRateHz));
        _envelope = new EnvelopeFollower(options.EnvelopeCutoffHz, sampleRateHz, EnvelopeOrder);
        _window = Math.Max(4, (int)Math.Round(options.WindowSeconds * _envelopeRateHz));
        _half = _window / 2;
        _minLag = Math.Max(2, (int)Math.Floor(60 * _envelopeRateHz / options.MaximumBpm));
        _maxLag = (int)Math.Ceiling(60 * _envelopeRateHz / options.MinimumBpm);
        _minimumWindow = _window;
        _minBpm = options.MinimumBpm;
        _maxBpm = options.MaximumBpm;
        _minPeak = (float)options.MinimumPeakHeight;
        _fundamentalRatio = (float)options.FundamentalRatio;
        var hop = (int)Math.Ceiling(_envelopeRateHz / CtgRecording.StandardSampleRateHz);
        _buffer = new float[_window + (BlockSize / _decimation) + hop + 8];
        _frame = new float[_window];
        _acf = new float[_maxLag + 2];
    }

    /// <summary>Gets the audio sample rate this stream expects, in hertz.</summary>
    public double SampleRateHz => _sampleRateHz;

    /// <summary>Gets how long after its time a sample is emitted: half the autocorrelation window, in seconds.</summary>
    public double LatencySeconds => (_window - _half) / _envelopeRateHz;

    /// <summary>Gets the number of samples emitted so far (the index of the next one).</summary>
    public long EmittedCount => _emitted;

    /// <summary>Returns how many samples the next <see cref="Process"/> call with <paramref name="audioLength"/> samples (or <see cref="Complete"/>, with 0) can emit at most.</summary>
    /// <param name="audioLength">The length of the next chunk.</param>
    /// <returns>The largest number of samples that call writes.</returns>
    public int MaxOutputLength(int audioLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(audioLength);
        return (int)Math.Max(0, TotalOutputs(_audioCount + audioLength) - _emitted);
    }

    /// <summary>Processes the next chunk of audio and writes the samples whose windows it completes.</summary>
    /// <param name="audio">The next audio samples (finite, any scale).</param>
    /// <param name="bpm">Receives the heart rates (NaN where none is valid); at least <see cref="MaxOutputLength"/> long.</param>
    /// <param name="confidence">Receives the confidences in [0, 1]; as long as <paramref name="bpm"/> needs to be.</param>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException">A sample is not finite, or a destination is too short.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was called (call <see cref="Reset"/> first).</exception>
    public int Process(ReadOnlySpan<float> audio, Span<float> bpm, Span<float> confidence)
    {
        CheckOutputs(MaxOutputLength(audio.Length), bpm, confidence);
        if (!float.IsFinite(TensorPrimitives.SumOfMagnitudes(audio)))
        {
            throw new ArgumentException("Every audio sample must be a finite number (and the chunk's total magnitude below the float range).", nameof(audio));
        }

        var written = 0;
        while (!audio.IsEmpty)
        {
            var length = Math.Min(BlockSize, audio.Length);
            var block = _block.AsSpan(0, length);
            _bandPass.Process(audio[..length], block);
            _envelope.Process(block, block);
            var first = (int)((_decimation - (_audioCount % _decimation)) % _decimation);
            for (var i = first; i < length; i += _decimation)
            {
                Append(block[i]);
            }

            _audioCount += length;
            audio = audio[length..];
            written += EmitReady(bpm[written..], confidence[written..]);
        }

        return written;
    }

    /// <summary>Ends the audio: writes the remaining samples (windows cut short by the end; NaN where too short).</summary>
    /// <param name="bpm">Receives the heart rates; at least <see cref="MaxOutputLength"/>(0) long.</param>
    /// <param name="confidence">Receives the confidences.</param>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException">A destination is too short.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was already called.</exception>
    public int Complete(Span<float> bpm, Span<float> confidence)
    {
        var count = MaxOutputLength(0);
        CheckOutputs(count, bpm, confidence);
        var available = _bufferStart + _bufferCount;
        for (var i = 0; i < count; i++)
        {
            var (start, end) = Window(_emitted);
            Estimate(_emitted, Math.Max(0, start), Math.Min(end, available), out bpm[i], out confidence[i]);
            _emitted++;
        }

        _completed = true;
        return count;
    }

    /// <summary>Forgets all audio: the stream starts again at sample 0.</summary>
    public void Reset()
    {
        _bandPass.Reset();
        _envelope.Reset();
        _bufferStart = 0;
        _bufferCount = 0;
        _audioCount = 0;
        _emitted = 0;
        _previousBpm = float.NaN;
        _previousIndex = 0;
        _completed = false;
    }

    private long TotalOutputs(long audioSamples) => (long)Math.Floor((audioSamples * CtgRecording.StandardSampleRateHz / _sampleRateHz) + 1e-9);

    private void CheckOutputs(int needed, Span<float> bpm, Span<float> confidence)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The stream is complete; call Reset to start again.");
        }

        if (bpm.Length < needed)
        {
            throw new ArgumentException("The destination is shorter than MaxOutputLength.", nameof(bpm));
        }

        if (confidence.Length < needed)
        {
            throw new ArgumentException("The destination is shorter than MaxOutputLength.", nameof(confidence));
        }
    }

    /// <summary>The envelope-sample window [start, end) of output sample k (start may be negative).</summary>
    private (long Start, long End) Window(long k)
    {
        var start = (long)Math.Round(k * _envelopeRateHz / CtgRecording.StandardSampleRateHz) - _half;
        return (start, start + _window);
    }

    private void Append(float value)
    {
        if (_bufferCount == _buffer.Length)
        {
            // Drop what no pending window needs any more.
            var keepFrom = Math.Clamp(Window(_emitted).Start, _bufferStart, _bufferStart + _bufferCount);
            var drop = (int)(keepFrom - _bufferStart);
            _buffer.AsSpan(drop, _bufferCount - drop).CopyTo(_buffer);
            _bufferCount -= drop;
            _bufferStart = keepFrom;
        }

        _buffer[_bufferCount++] = value;
    }

    private int EmitReady(Span<float> bpm, Span<float> confidence)
    {
        var written = 0;
        var available = _bufferStart + _bufferCount;
        while (true)
        {
            var (start, end) = Window(_emitted);
            if (end > available)
            {
                return written;
            }

            Estimate(_emitted, Math.Max(0, start), end, out bpm[written], out confidence[written]);
            written++;
            _emitted++;
        }
    }

    /// <summary>Whether <paramref name="lag"/> is close to 2 or 3 times <paramref name="fundamental"/>.</summary>
    private static bool IsMultiple(double lag, int fundamental)
    {
        var ratio = lag / fundamental;
        return Math.Abs(ratio - Math.Round(ratio)) < ContinuityTolerance && Math.Round(ratio) >= 2;
    }

    /// <summary>Estimates the rate over envelope samples [start, end) for output sample k.</summary>
    private void Estimate(long k, long start, long end, out float bpm, out float confidence)
    {
        bpm = float.NaN;
        confidence = 0;
        var m = (int)(end - start);
        if (m < _minimumWindow)
        {
            return;
        }

        var frame = _frame.AsSpan(0, m);
        var source = _buffer.AsSpan((int)(start - _bufferStart), m);
        TensorPrimitives.Subtract(source, TensorPrimitives.Sum(source) / m, frame);
        var acf = _acf.AsSpan();
        Fft.AutoCorrelation(frame, acf);
        var r0 = acf[0];
        if (!(r0 > 0) || !float.IsFinite(r0))
        {
            return;
        }

        // Unbiased, normalised autocorrelation: a periodic envelope gives the same height at every multiple of its period.
        for (var lag = 1; lag < acf.Length; lag++)
        {
            acf[lag] = acf[lag] / r0 * m / (m - lag);
        }

        acf[0] = 1;

        // Peaks in the plausible lag range, with their depth below the lowest value at shorter lags (a slow
        // artefact bump decays without a trough, a heartbeat's autocorrelation dips between beats).
        var count = 0;
        var highest = float.NegativeInfinity;
        var trough = float.PositiveInfinity;
        for (var lag = 1; lag <= _maxLag; lag++)
        {
            trough = Math.Min(trough, acf[lag]);
            if (lag >= _minLag && acf[lag] > acf[lag - 1] && acf[lag] >= acf[lag + 1] && acf[lag] - trough >= _minPeak && count < MaxCandidates)
            {
                _candidateLag[count] = lag;
                _candidateHeight[count] = acf[lag];
                highest = Math.Max(highest, acf[lag]);
                count++;
            }
        }

        if (count == 0 || highest < _minPeak)
        {
            return;
        }

        // The fundamental: the shortest lag whose peak is nearly as high as the highest (a peak at twice the period is
        // as high as the period's in an unbiased autocorrelation, so the highest alone would halve the rate).
        var chosen = -1;
        for (var c = 0; c < count && chosen < 0; c++)
        {
            if (_candidateHeight[c] >= _fundamentalRatio * highest)
            {
                chosen = c;
            }
        }

        // Continuity: when the fundamental jumps away from the estimate of the last 2 s and a peak near that estimate's lag
        // is not much lower, keep the continuing peak, unless it is a multiple of the fundamental's lag (then the previous
        // estimate was the halved rate and the fundamental corrects it).
        if (!float.IsNaN(_previousBpm) && k - _previousIndex <= ContinuitySamples)
        {
            var previousLag = 60 * _envelopeRateHz / _previousBpm;
            var fundamental = _candidateLag[chosen];
            if (Math.Abs(fundamental - previousLag) > ContinuityTolerance * previousLag && !IsMultiple(previousLag, fundamental))
            {
                var nearest = -1;
                for (var c = 0; c < count; c++)
                {
                    if (Math.Abs(_candidateLag[c] - previousLag) <= ContinuityTolerance * previousLag && _candidateHeight[c] >= ContinuityRatio * highest
                        && (nearest < 0 || Math.Abs(_candidateLag[c] - previousLag) < Math.Abs(_candidateLag[nearest] - previousLag)))
                    {
                        nearest = c;
                    }
                }

                chosen = nearest >= 0 ? nearest : chosen;
            }
        }

        // Parabolic interpolation of the peak.
        var p = _candidateLag[chosen];
        var (a, b, g) = (acf[p - 1], acf[p], acf[p + 1]);
        var curvature = a - (2 * b) + g;
        var delta = curvature < 0 ? Math.Clamp(0.5f * (a - g) / curvature, -0.5f, 0.5f) : 0;
        var height = b - (0.25f * (a - g) * delta);
        var rate = 60 * _envelopeRateHz / (p + delta);
        if (rate < _minBpm || rate > _maxBpm)
        {
            return;
        }

        var score = Math.Clamp(height, 0, 1);
        if (!float.IsNaN(_previousBpm) && k - _previousIndex <= ContinuitySamples)
        {
            var jump = Math.Abs(rate - _previousBpm);
            score *= (float)Math.Clamp(1 - ((jump - 10) / 40), 0.5, 1);
        }

        bpm = (float)rate;
        confidence = score;
        _previousBpm = bpm;
        _previousIndex = k;
    }
}
