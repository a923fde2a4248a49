using System;

namespace Nonprofit.Signals;

/// <summary>
/// Linear-phase FIR design by the windowed-sinc method: the ideal impulse response truncated to the tap count
/// and multiplied by a window, normalised to unit gain at DC (low-pass, band-stop) or at the band centre
/// (band-pass) or Nyquist (high-pass).
/// </summary>
public static class FirDesign
{
    /// <summary>Designs a low-pass FIR filter.</summary>
    /// <param name="taps">The number of taps, 1 to 65536 (odd gives a type I filter with an integer delay).</param>
    /// <param name="cutoffHz">The cutoff (−6 dB point for windowed sinc), between 0 and half the sample rate.</param>
    /// <param name="sampleRateHz">The sample rate.</param>
    /// <param name="window">The window.</param>
    /// <param name="kaiserBeta">β for <see cref="WindowKind.Kaiser"/>.</param>
    /// <returns>The taps, symmetric.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or frequency is out of range.</exception>
    public static float[] LowPass(int taps, double cutoffHz, double sampleRateHz, WindowKind window = WindowKind.Hamming, double kaiserBeta = 0)
    {
        var fc = Normalised(cutoffHz, sampleRateHz, nameof(cutoffHz));
        var h = Sinc(taps, fc, window, kaiserBeta);
        Normalise(h, 0);
        return h;
    }

    /// <summary>
    /// Designs a high-pass FIR filter: the ideal high-pass response (a unit impulse minus the ideal low-pass) times
    /// the window, scaled to unit gain at Nyquist — scipy's <c>firwin(taps, cutoff, pass_zero=False)</c>. Needs an odd tap count.
    /// </summary>
    /// <param name="taps">An odd number of taps, 1 to 65535.</param>
    /// <param name="cutoffHz">The cutoff, between 0 and half the sample rate.</param>
    /// <param name="sampleRateHz">The sample rate.</param>
    /// <param name="window">The window.</param>
    /// <param name="kaiserBeta">β for <see cref="WindowKind.Kaiser"/>.</param>
    /// <returns>The taps.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The tap count is even or a value is out of range.</exception>
    public static float[] HighPass(int taps, double cutoffHz, double sampleRateHz, WindowKind window = WindowKind.Hamming, double kaiserBeta = 0)
    {
        if (taps % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(taps), taps, "A high-pass FIR filter needs an odd number of taps (an even one has a zero at Nyquist).");
        }

        var h = Sinc(taps, Normalised(cutoffHz, sampleRateHz, nameof(cutoffHz)), window, kaiserBeta, highPass: true);
        Normalise(h, 0.5);
        return h;
    }

    /// <summary>Designs a band-pass FIR filter as the difference of two low-pass responses.</summary>
    /// <param name="taps">The number of taps, 1 to 65536.</param>
    /// <param name="lowHz">The lower edge.</param>
    /// <param name="highHz">The upper edge, above <paramref name="lowHz"/>, below half the sample rate.</param>
    /// <param name="sampleRateHz">The sample rate.</param>
    /// <param name="window">The window.</param>
    /// <param name="kaiserBeta">β for <see cref="WindowKind.Kaiser"/>.</param>
    /// <returns>The taps, with unit gain at the band centre.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or frequency is out of range.</exception>
    public static float[] BandPass(int taps, double lowHz, double highHz, double sampleRateHz, WindowKind window = WindowKind.Hamming, double kaiserBeta = 0)
    {
        var f1 = Normalised(lowHz, sampleRateHz, nameof(lowHz));
        var f2 = Normalised(highHz, sampleRateHz, nameof(highHz));
        if (f2 <= f1)
        {
            throw new ArgumentOutOfRangeException(nameof(highHz), highHz, "The upper edge must be above the lower edge.");
        }

        var high = Sinc(taps, f2, window, kaiserBeta);
        var low = Sinc(taps, f1, window, kaiserBeta);
        for (var i = 0; i < high.Length; i++)
        {
            high[i] -= low[i];
        }

        Normalise(high, (f1 + f2) / 2);
        return high;
    }

    // Cutoff as a fraction of the sample rate (0 … 0.5).
    private static double Normalised(double hz, double sampleRateHz, string paramName)
    {
        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz, "The sample rate must be a positive finite number.");
        }

        if (!double.IsFinite(hz) || hz <= 0 || hz >= sampleRateHz / 2)
        {
            throw new ArgumentOutOfRangeException(paramName, hz, $"The frequency must be between 0 and half the sample rate ({sampleRateHz / 2} Hz), exclusive.");
        }

        return hz / sampleRateHz;
    }

    // The ideal low-pass (or high-pass: unit impulse minus low-pass) impulse response times the window.
    private static float[] Sinc(int taps, double fc, WindowKind window, double kaiserBeta, bool highPass = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(taps, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(taps, 65536);
        var w = new float[taps];
        Windows.Fill(window, w, kaiserBeta);
        var h = new float[taps];
        var centre = (taps - 1) / 2.0;
        for (var i = 0; i < taps; i++)
        {
            var t = i - centre;
            var ideal = t == 0 ? 2 * fc : Math.Sin(2 * Math.PI * fc * t) / (Math.PI * t);
            if (highPass)
            {
                ideal = (t == 0 ? 1 : 0) - ideal;
            }

            h[i] = (float)(ideal * w[i]);
        }

        return h;
    }

    // Scales the taps to unit magnitude at a normalised frequency f (cycles per sample).
    private static void Normalise(float[] h, double f)
    {
        double re = 0, im = 0;
        for (var i = 0; i < h.Length; i++)
        {
            re += h[i] * Math.Cos(2 * Math.PI * f * i);
            im -= h[i] * Math.Sin(2 * Math.PI * f * i);
        }

        var gain = Math.Sqrt((re * re) + (im * im));
        if (gain > 0)
        {
            for (var i = 0; i < h.Length; i++)
            {
                h[i] = (float)(h[i] / gain);
            }
        }
    }
}
