using System;
using System.Numerics;
using Nonprofit.Signals;

namespace Nonprofit.Monitoring;

/// <summary>Decides whether a window of FHR looks sinusoidal (see <see cref="VariabilityAnalyzer"/> for the rule). Not thread-safe: owns scratch.</summary>
internal sealed class SinusoidalDetector
{
    private const double MinimumReliableFraction = 0.9;

    /// <summary>How far, in cycles/min, the estimated frequency may sit outside the band (estimation error of the interpolated peak).</summary>
    private const double FrequencyToleranceCpm = 0.05;
    private readonly VariabilityOptions _options;
    private readonly double _sampleRateHz;
    private readonly int _windowLength;
    private readonly float[] _x;
    private readonly float[] _hann;
    private readonly float[] _padded;
    private readonly float[] _re;
    private readonly float[] _im;
    private readonly float[] _lags;

    public SinusoidalDetector(VariabilityOptions options, double sampleRateHz)
    {
        _options = options;
        _sampleRateHz = sampleRateHz;
        _windowLength = 2 * (int)Math.Round(60 * sampleRateHz);
        _x = new float[_windowLength];
        _hann = new float[_windowLength];
        Windows.Fill(WindowKind.Hann, _hann);
        var fftLength = (int)BitOperations.RoundUpToPowerOf2((uint)(4 * _windowLength));
        _padded = new float[fftLength];
        _re = new float[(fftLength / 2) + 1];
        _im = new float[(fftLength / 2) + 1];
        var longestPeriod = (int)Math.Ceiling(60 * sampleRateHz / options.SinusoidalMinimumCyclesPerMinute);
        _lags = new float[Math.Min(_windowLength, longestPeriod + 2)];
    }

    /// <summary>Returns whether samples [start, end) look sinusoidal, or <see langword="null"/> when they cannot be judged (too little reliable signal, or an acceleration).</summary>
    public bool? Detect(ReadOnlySpan<float> fhr, ReadOnlySpan<float> baseline, ReadOnlySpan<FhrSegment> segments, int start, int end)
    {
        // Shift a window that runs off either end of the record back inside it.
        if (start < 0)
        {
            end -= start;
            start = 0;
        }

        if (end > fhr.Length)
        {
            start = Math.Max(0, start - (end - fhr.Length));
            end = fhr.Length;
        }

        var n = end - start;
        if (n < _windowLength)
        {
            return null;
        }

        if (!Detrend(fhr, baseline, segments, start))
        {
            return null;
        }

        var x = _x.AsSpan();
        var o = _options;
        var peakCpm = SpectralPeak(out var concentration);
        if (peakCpm < o.SinusoidalMinimumCyclesPerMinute - FrequencyToleranceCpm || peakCpm > o.SinusoidalMaximumCyclesPerMinute + FrequencyToleranceCpm
            || concentration < o.SinusoidalMinimumSpectralConcentration)
        {
            return false;
        }

        // Peak-to-trough of the in-band component: a sine's is 2√2 × its RMS, and the band holds `concentration` of the power.
        double sumSquares = 0;
        foreach (var v in x)
        {
            sumSquares += (double)v * v;
        }

        var amplitude = 2 * Math.Sqrt(2 * concentration * sumSquares / x.Length);
        if (amplitude < o.SinusoidalMinimumAmplitudeBpm || amplitude > o.SinusoidalMaximumAmplitudeBpm)
        {
            return false;
        }

        var lag = (int)Math.Round(60 * _sampleRateHz / peakCpm);
        if (lag >= _lags.Length)
        {
            return false;
        }

        Fft.AutoCorrelation(x, _lags, normalize: true);
        return _lags[lag] >= o.SinusoidalMinimumAutocorrelation;
    }

    /// <summary>Fills <see cref="_x"/> with FHR − baseline, linear trend removed, unreliable samples 0; false when the window has an acceleration or too little reliable signal.</summary>
    private bool Detrend(ReadOnlySpan<float> fhr, ReadOnlySpan<float> baseline, ReadOnlySpan<FhrSegment> segments, int start)
    {
        var x = _x.AsSpan();
        double st = 0, sx = 0, stt = 0, stx = 0;
        var count = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var s = segments[start + i];
            if ((s & FhrSegment.Acceleration) != 0)
            {
                return false;
            }

            var d = fhr[start + i] - baseline[start + i];
            if ((s & FhrSegment.Unreliable) != 0 || !float.IsFinite(d))
            {
                x[i] = float.NaN;
                continue;
            }

            x[i] = d;
            count++;
            st += i;
            sx += d;
            stt += (double)i * i;
            stx += i * (double)d;
        }

        if (count < MinimumReliableFraction * x.Length)
        {
            return false;
        }

        var denominator = (count * stt) - (st * st);
        var slope = denominator == 0 ? 0 : ((count * stx) - (st * sx)) / denominator;
        var intercept = (sx - (slope * st)) / count;
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = float.IsNaN(x[i]) ? 0 : (float)(x[i] - intercept - (slope * i));
        }

        return true;
    }

    /// <summary>The frequency (cycles/min) of the largest bin above 1 cycle/min, and the share of that power within the band widened by the main lobe.</summary>
    private double SpectralPeak(out double concentration)
    {
        var padded = _padded.AsSpan();
        padded.Clear();
        for (var i = 0; i < _x.Length; i++)
        {
            padded[i] = _x[i] * _hann[i];
        }

        Fft.ForwardReal(padded, _re, _im);
        var cpmPerBin = 60 * _sampleRateHz / padded.Length;
        var mainLobeCpm = 2 * 60 * _sampleRateHz / _x.Length;
        var low = _options.SinusoidalMinimumCyclesPerMinute - mainLobeCpm;
        var high = _options.SinusoidalMaximumCyclesPerMinute + mainLobeCpm;
        double total = 0, band = 0, peak = -1;
        var peakBin = 0;
        for (var k = 0; k < _re.Length; k++)
        {
            var cpm = k * cpmPerBin;
            if (cpm < 1)
            {
                continue;
            }

            var p = ((double)_re[k] * _re[k]) + ((double)_im[k] * _im[k]);
            total += p;
            band += cpm >= low && cpm <= high ? p : 0;
            if (p > peak)
            {
                peak = p;
                peakBin = k;
            }
        }

        concentration = total > 0 ? band / total : 0;
        return Refine(peakBin) * cpmPerBin;
    }

    /// <summary>The peak position in bins, refined by a parabola through the log power of the peak bin and its neighbours (Gaussian interpolation).</summary>
    private double Refine(int k)
    {
        if (k < 1 || k >= _re.Length - 1)
        {
            return k;
        }

        double Log(int i) => Math.Log(((double)_re[i] * _re[i]) + ((double)_im[i] * _im[i]) + 1e-30);
        var (a, b, c) = (Log(k - 1), Log(k), Log(k + 1));
        var denominator = a - (2 * b) + c;
        return denominator >= 0 ? k : k + (0.5 * (a - c) / denominator);
    }
}
