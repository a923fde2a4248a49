namespace Nonprofit.Monitoring.Tests.Doppler;

/// <summary>Hand-made Doppler-like test signals with an exactly known rate.</summary>
internal static class DopplerSignals
{
    /// <summary>
    /// Tone bursts at a constant rate: per beat a 50 ms Hann-windowed 400 Hz burst of amplitude <paramref name="amplitudes"/>[beat
    /// mod length], and optionally a second burst at <paramref name="secondAt"/> of the period with relative amplitude <paramref name="secondRatio"/>.
    /// </summary>
    public static float[] ToneBursts(double bpm, double seconds, int sampleRateHz = 4000, double secondAt = 0, double secondRatio = 0, double[]? amplitudes = null)
    {
        amplitudes ??= [1.0];
        var x = new float[(int)(seconds * sampleRateHz)];
        var period = 60 / bpm;
        var beat = 0;
        for (var t = 0.1; t < seconds; t += period, beat++)
        {
            Burst(x, sampleRateHz, t, 0.05, 400, 0.5 * amplitudes[beat % amplitudes.Length]);
            if (secondRatio > 0)
            {
                Burst(x, sampleRateHz, t + (secondAt * period), 0.05, 400, 0.5 * secondRatio * amplitudes[beat % amplitudes.Length]);
            }
        }

        return x;
    }

    /// <summary>Adds seeded white noise of the given RMS.</summary>
    public static void AddNoise(Span<float> x, double rms, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < x.Length; i++)
        {
            var g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            x[i] += (float)(rms * g);
        }
    }

    private static void Burst(float[] x, int fs, double start, double duration, double hz, double amplitude)
    {
        var first = (int)(start * fs);
        var n = (int)(duration * fs);
        for (var i = 0; i < n && first + i < x.Length; i++)
        {
            var window = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / n));
            x[first + i] += (float)(amplitude * window * Math.Sin(2 * Math.PI * hz * i / fs));
        }
    }
}
