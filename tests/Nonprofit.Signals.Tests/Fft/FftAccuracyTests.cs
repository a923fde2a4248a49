namespace Nonprofit.Signals.Tests.Transforms;

/// <summary>
/// Every power-of-two length 1 … 2^16 and a set of Bluestein lengths against a plain O(N²) double-precision
/// DFT: forward, inverse (of the exact spectrum), round trip and the real-input transform, each to a relative
/// RMS error below 1e-5.
/// </summary>
public sealed class FftAccuracyTests
{
    private const double MaxRelativeRms = 1e-5;

    public static TheoryData<int> PowersOfTwo => new([.. Enumerable.Range(0, 17).Select(b => 1 << b)]);

    public static TheoryData<int> OtherLengths => new(3, 5, 6, 7, 9, 12, 15, 17, 31, 33, 100, 127, 243, 255, 257, 1000, 1023, 1025, 3000, 4097);

    [Theory]
    [MemberData(nameof(PowersOfTwo))]
    [MemberData(nameof(OtherLengths))]
    public void AllTransforms_MatchNaiveDft(int n)
    {
        var random = new Random(n);
        var re = new float[n];
        var im = new float[n];
        for (var k = 0; k < n; k++)
        {
            re[k] = (float)((random.NextDouble() * 2) - 1);
            im[k] = (float)((random.NextDouble() * 2) - 1);
        }

        var (er, ei) = NaiveDft(re, im);
        var plan = FftPlan.Get(n);

        float[] fr = [.. re], fi = [.. im];
        plan.Forward(fr, fi);
        AssertClose(er, ei, fr, fi, n, "forward");

        plan.Inverse(fr, fi);
        AssertClose(ToDouble(re), ToDouble(im), fr, fi, n, "round trip");

        float[] ir = [.. er.Select(v => (float)v)], ii = [.. ei.Select(v => (float)v)];
        plan.Inverse(ir, ii);
        AssertClose(ToDouble(re), ToDouble(im), ir, ii, n, "inverse of the exact spectrum");

        // The spectrum of the real part alone: (X[k] + conj X[N − k]) / 2.
        var bins = (n / 2) + 1;
        var rr = new double[bins];
        var ri = new double[bins];
        for (var k = 0; k < bins; k++)
        {
            var mirror = (n - k) % n;
            rr[k] = (er[k] + er[mirror]) / 2;
            ri[k] = (ei[k] - ei[mirror]) / 2;
        }

        float[] outRe = new float[bins], outIm = new float[bins];
        Fft.ForwardReal(re, outRe, outIm);
        AssertClose(rr, ri, outRe, outIm, n, "forward real");
    }

    private static double[] ToDouble(float[] values) => [.. values.Select(v => (double)v)];

    private static void AssertClose(double[] expectedRe, double[] expectedIm, float[] re, float[] im, int n, string what)
    {
        double error = 0, norm = 0;
        for (var k = 0; k < expectedRe.Length; k++)
        {
            var dr = expectedRe[k] - re[k];
            var di = expectedIm[k] - im[k];
            error += (dr * dr) + (di * di);
            norm += (expectedRe[k] * expectedRe[k]) + (expectedIm[k] * expectedIm[k]);
        }

        var relative = Math.Sqrt(error / norm);
        Assert.True(relative < MaxRelativeRms, $"n {n}, {what}: relative RMS error {relative:E2}");
    }

    /// <summary>
    /// X[k] = Σ_t x[t] · e^(−2πi·kt/N), summed in double. The factors e^(−2πi·kt/N) of a bin advance by one
    /// complex multiplication per t and restart from an exact table (index kt mod N) every 64 terms, so they stay
    /// within about 1e-14; the bins go in vectors (two at a time) only to keep 2^16 points quick.
    /// </summary>
    private static (double[] Re, double[] Im) NaiveDft(float[] re, float[] im)
    {
        const int Resync = 64;
        var n = re.Length;
        var cos = new double[n];
        var sin = new double[n];
        for (var j = 0; j < n; j++)
        {
            cos[j] = Math.Cos(-2 * Math.PI * j / n);
            sin[j] = Math.Sin(-2 * Math.PI * j / n);
        }

        var lanes = System.Numerics.Vector<double>.Count;
        var block = 2 * lanes;
        var padded = ((n + block - 1) / block) * block;
        var outRe = new double[padded];
        var outIm = new double[padded];
        for (var k0 = 0; k0 < n; k0 += block)
        {
            var (stepR0, stepI0) = Factors(cos, sin, k0, 1);
            var (stepR1, stepI1) = Factors(cos, sin, k0 + lanes, 1);
            System.Numerics.Vector<double> accR0 = default, accI0 = default, accR1 = default, accI1 = default;
            System.Numerics.Vector<double> cr0 = default, ci0 = default, cr1 = default, ci1 = default;
            for (var t = 0; t < n; t++)
            {
                if (t % Resync == 0)
                {
                    (cr0, ci0) = Factors(cos, sin, k0, t);
                    (cr1, ci1) = Factors(cos, sin, k0 + lanes, t);
                }

                var xr = new System.Numerics.Vector<double>(re[t]);
                var xi = new System.Numerics.Vector<double>(im[t]);
                accR0 += (xr * cr0) - (xi * ci0);
                accI0 += (xr * ci0) + (xi * cr0);
                accR1 += (xr * cr1) - (xi * ci1);
                accI1 += (xr * ci1) + (xi * cr1);
                (cr0, ci0) = ((cr0 * stepR0) - (ci0 * stepI0), (cr0 * stepI0) + (ci0 * stepR0));
                (cr1, ci1) = ((cr1 * stepR1) - (ci1 * stepI1), (cr1 * stepI1) + (ci1 * stepR1));
            }

            accR0.CopyTo(outRe, k0);
            accI0.CopyTo(outIm, k0);
            accR1.CopyTo(outRe, k0 + lanes);
            accI1.CopyTo(outIm, k0 + lanes);
        }

        return (outRe[..n], outIm[..n]);
    }

    /// <summary>The exact factors e^(−2πi·kt/N) of bins k0 … k0 + lanes − 1 at term t.</summary>
    private static (System.Numerics.Vector<double> Re, System.Numerics.Vector<double> Im) Factors(double[] cos, double[] sin, int k0, int t)
    {
        var n = cos.Length;
        var lanes = System.Numerics.Vector<double>.Count;
        var r = new double[lanes];
        var i = new double[lanes];
        for (var j = 0; j < lanes; j++)
        {
            var index = (int)((long)(k0 + j) * t % n);
            r[j] = cos[index];
            i[j] = sin[index];
        }

        return (new System.Numerics.Vector<double>(r), new System.Numerics.Vector<double>(i));
    }
}
