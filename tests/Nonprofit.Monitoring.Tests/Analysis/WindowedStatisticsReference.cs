namespace Nonprofit.Monitoring.Tests.Analysis;

/// <summary>
/// The first, plain version of <see cref="WindowedStatistics"/> (as of the commit before branch ctg-speed), kept
/// unchanged (except <c>FillGaps</c>, which the speed work left as it was and is shared) as the oracle the optimised
/// one must match bit for bit (<see cref="WindowedStatisticsTests"/>).
/// </summary>
internal static class WindowedStatisticsReference
{
    /// <summary>
    /// Weighted moving mean over a centred box of <paramref name="window"/> samples (clipped at the ends):
    /// <c>Σ w·x / Σ w</c>; where the window holds no weight, <paramref name="fallback"/> (or NaN when it is empty).
    /// </summary>
    public static void Mean(ReadOnlySpan<float> x, ReadOnlySpan<float> w, int window, Span<float> destination, ReadOnlySpan<float> fallback, double[] prefixWx, double[] prefixW)
    {
        var n = x.Length;
        Prefix(x, w, prefixWx, prefixW);
        var half = window / 2;
        for (var i = 0; i < n; i++)
        {
            var lo = Math.Max(0, i - half);
            var hi = Math.Min(n, i - half + window);
            var sw = prefixW[hi] - prefixW[lo];
            destination[i] = sw > 1e-9 ? (float)((prefixWx[hi] - prefixWx[lo]) / sw) : fallback.IsEmpty ? float.NaN : fallback[i];
        }
    }

    /// <summary>
    /// Weighted moving mean with a triangular kernel of about <paramref name="window"/> samples (two boxes of half the
    /// length): numerator and denominator are each smoothed twice, so masked samples are left out exactly.
    /// </summary>
    public static void TriangularMean(ReadOnlySpan<float> x, ReadOnlySpan<float> w, int window, Span<float> destination, ReadOnlySpan<float> fallback, double[] a, double[] b, double[] c, double[] d)
    {
        var n = x.Length;
        var box = Math.Max(1, window / 2);
        Prefix(x, w, a, b);

        // c = box(w·x), d = box(w), as prefix sums again.
        var half = box / 2;
        c[0] = 0;
        d[0] = 0;
        for (var i = 0; i < n; i++)
        {
            var lo = Math.Max(0, i - half);
            var hi = Math.Min(n, i - half + box);
            c[i + 1] = c[i] + (a[hi] - a[lo]);
            d[i + 1] = d[i] + (b[hi] - b[lo]);
        }

        for (var i = 0; i < n; i++)
        {
            var lo = Math.Max(0, i - half);
            var hi = Math.Min(n, i - half + box);
            var sw = d[hi] - d[lo];
            destination[i] = sw > 1e-9 ? (float)((c[hi] - c[lo]) / sw) : fallback.IsEmpty ? float.NaN : fallback[i];
        }
    }

    /// <summary>
    /// Weighted quantile over a centred window of <paramref name="window"/> samples, evaluated every
    /// <paramref name="step"/> samples from a sliding histogram (bins of <paramref name="binWidth"/> from
    /// <paramref name="min"/>, linear within a bin) and linearly interpolated between those points.
    /// </summary>
    /// <returns><see langword="false"/> when no sample has weight (the destination is then NaN).</returns>
    public static bool Quantile(
        ReadOnlySpan<float> x, ReadOnlySpan<float> w, int window, int step, double quantile, float min, float binWidth, Span<double> histogram, Span<float> grid, Span<float> destination)
    {
        var n = x.Length;
        var bins = histogram.Length;
        histogram.Clear();
        var half = window / 2;
        var points = ((n - 1) / step) + 1;
        var inLo = 0;
        var inHi = 0;
        var total = 0.0;
        var any = false;

        // A cursor bin with the weight below it, moved a few bins per point instead of scanning from the bottom.
        var cursor = 0;
        var below = 0.0;
        for (var k = 0; k < points; k++)
        {
            var centre = k * step;
            var lo = Math.Max(0, centre - half);
            var hi = Math.Min(n, centre - half + window);
            for (; inHi < hi; inHi++)
            {
                var bin = Add(x[inHi], w[inHi], 1, min, binWidth, histogram, out var added);
                total += added;
                below += bin >= 0 && bin < cursor ? added : 0;
            }

            for (; inLo < lo; inLo++)
            {
                var bin = Add(x[inLo], w[inLo], -1, min, binWidth, histogram, out var removed);
                total -= removed;
                below -= bin >= 0 && bin < cursor ? removed : 0;
            }

            if (total <= 1e-6)
            {
                grid[k] = float.NaN;
                continue;
            }

            any = true;
            var target = total * quantile;
            while (cursor > 0 && below >= target)
            {
                cursor--;
                below -= histogram[cursor];
            }

            while (cursor < bins - 1 && below + Math.Max(0, histogram[cursor]) < target)
            {
                below += histogram[cursor];
                cursor++;
            }

            var hb = Math.Max(1e-12, histogram[cursor]);
            grid[k] = (float)(min + (binWidth * (cursor + Math.Clamp((target - below) / hb, 0, 1))));
        }

        if (!any)
        {
            destination.Fill(float.NaN);
            return false;
        }

        WindowedStatistics.FillGaps(grid[..points]); // unchanged by the speed work: shared
        for (var i = 0; i < n; i++)
        {
            var k = i / step;
            var f = (float)(i - (k * step)) / step;
            destination[i] = k + 1 < points ? grid[k] + ((grid[k + 1] - grid[k]) * f) : grid[k];
        }

        return true;
    }

    private static int Add(float value, float weight, int sign, float min, float binWidth, Span<double> histogram, out double added)
    {
        if (!(weight > 0) || float.IsNaN(value))
        {
            added = 0;
            return -1;
        }

        var bin = Math.Clamp((int)((value - min) / binWidth), 0, histogram.Length - 1);
        histogram[bin] += sign * weight;
        added = weight;
        return bin;
    }

    private static void Prefix(ReadOnlySpan<float> x, ReadOnlySpan<float> w, double[] prefixWx, double[] prefixW)
    {
        prefixWx[0] = 0;
        prefixW[0] = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var wi = float.IsNaN(x[i]) ? 0 : w[i];
            prefixWx[i + 1] = prefixWx[i] + (wi == 0 ? 0 : (double)wi * x[i]);
            prefixW[i + 1] = prefixW[i] + wi;
        }
    }
}
