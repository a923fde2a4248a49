namespace Nonprofit.Monitoring.Tests.Classification;

/// <summary>Hand-built FHR series with known variability, at 4 Hz.</summary>
internal static class FhrSignals
{
    public const double Rate = 4;
    public const int PerMinute = 240;

    public static float[] Constant(double minutes, float bpm) => Enumerable.Repeat(bpm, (int)Math.Round(minutes * PerMinute)).ToArray();

    /// <summary>A square wave around <paramref name="centre"/>: every minute's peak-to-trough bandwidth is exactly <paramref name="bandwidth"/>.</summary>
    public static void Square(float[] fhr, int fromMinute, int toMinute, float centre, float bandwidth)
    {
        for (var i = fromMinute * PerMinute; i < Math.Min(fhr.Length, toMinute * PerMinute); i++)
        {
            fhr[i] = centre + ((i / 20 % 2 == 0 ? 0.5f : -0.5f) * bandwidth);
        }
    }

    /// <summary>A sine of <paramref name="peakToTrough"/> bpm at <paramref name="cyclesPerMinute"/>.</summary>
    public static void Sine(float[] fhr, int fromSample, int toSample, float centre, double peakToTrough, double cyclesPerMinute)
    {
        for (var i = fromSample; i < toSample; i++)
        {
            fhr[i] = centre + (float)(peakToTrough / 2 * Math.Sin(2 * Math.PI * cyclesPerMinute * i / PerMinute));
        }
    }

    public static float[] Noise(double minutes, float centre, double halfWidth, int seed)
    {
        var random = new Random(seed);
        var fhr = Constant(minutes, centre);
        for (var i = 0; i < fhr.Length; i++)
        {
            fhr[i] += (float)(((random.NextDouble() * 2) - 1) * halfWidth);
        }

        return fhr;
    }

    public static FhrSegment[] Mask(int length) => new FhrSegment[length];

    public static float[] Baseline(int length, float bpm) => Enumerable.Repeat(bpm, length).ToArray();
}
