using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nonprofit.Monitoring;

/// <summary>
/// Centred, weighted window statistics on whole series (the trailing, unweighted kernels of Nonprofit.Signals do not
/// take per-sample weights, which the baseline needs to leave out events and signal loss).
/// </summary>
/// <remarks>
/// Written for speed (issue 5; docs/monitoring.md, "Speed") with the exact arithmetic of the first, plain version, which
/// the tests keep as a reference (<c>WindowedStatisticsReference</c>) and compare bit for bit: running sums are kept in
/// registers instead of re-read from the prefix arrays, a series' prefix sums and histogram bins can be computed once and
/// shared by several windows or passes, and the quantile's interpolation runs point by point without a division per
/// sample.
/// </remarks>
internal static class WindowedStatistics
{
    /// <summary>
    /// Weighted moving mean over a centred box of <paramref name="window"/> samples (clipped at the ends):
    /// <c>Σ w·x / Σ w</c>; where the window holds no weight, <paramref name="fallback"/> (or NaN when it is empty).
    /// </summary>
    public static void Mean(ReadOnlySpan<float> x, ReadOnlySpan<float> w, int window, Span<float> destination, ReadOnlySpan<float> fallback, double[] prefixWx, double[] prefixW)
    {
        Prefix(x, w, prefixWx, prefixW);
        MeanFromPrefix(prefixWx, prefixW, x.Length, window, destination, fallback);
    }

    /// <summary>
    /// <see cref="Mean"/> from the prefix sums <see cref="Prefix"/> left in <paramref name="prefixWx"/> and
    /// <paramref name="prefixW"/> (<paramref name="n"/> + 1 values each), so several windows share one pass over the series.
    /// </summary>
    public static void MeanFromPrefix(ReadOnlySpan<double> prefixWx, ReadOnlySpan<double> prefixW, int n, int window, Span<float> destination, ReadOnlySpan<float> fallback)
    {
        prefixWx = prefixWx[..(n + 1)];
        prefixW = prefixW[..(n + 1)];
        destination = destination[..n];
        var half = window / 2;
        var hasFallback = !fallback.IsEmpty;

        // Unclipped windows (lo = i - half, hi = lo + window) four at a time: the same IEEE operations per lane.
        var first = Math.Min(n, half);
        var last = Math.Max(first, n - window + half + 1);
        var i = 0;
        for (; i < first; i++)
        {
            destination[i] = MeanAt(prefixWx, prefixW, n, i, half, window, hasFallback, fallback);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            ref var wxRef = ref MemoryMarshal.GetReference(prefixWx);
            ref var wRef = ref MemoryMarshal.GetReference(prefixW);
            ref var dstRef = ref MemoryMarshal.GetReference(destination);
            var minimum = Vector256.Create(1e-9);
            var nan = Vector128.Create(float.NaN);
            for (; i + 4 <= last; i += 4)
            {
                var lo = (nuint)(i - half);
                var hi = lo + (nuint)window;
                var sw = Vector256.LoadUnsafe(ref wRef, hi) - Vector256.LoadUnsafe(ref wRef, lo);
                var mean = (Vector256.LoadUnsafe(ref wxRef, hi) - Vector256.LoadUnsafe(ref wxRef, lo)) / sw;
                var narrowed = Vector256.Narrow(mean, mean).GetLower();
                var valid = Vector256.Narrow(Vector256.GreaterThan(sw, minimum).AsInt64(), Vector256<long>.Zero).GetLower().AsSingle();
                var otherwise = hasFallback ? Vector128.Create(fallback.Slice(i, 4)) : nan;
                Vector128.ConditionalSelect(valid, narrowed, otherwise).StoreUnsafe(ref dstRef, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            destination[i] = MeanAt(prefixWx, prefixW, n, i, half, window, hasFallback, fallback);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float MeanAt(ReadOnlySpan<double> prefixWx, ReadOnlySpan<double> prefixW, int n, int i, int half, int window, bool hasFallback, ReadOnlySpan<float> fallback)
    {
        var lo = Math.Max(0, i - half);
        var hi = Math.Min(n, i - half + window);
        var sw = prefixW[hi] - prefixW[lo];
        return sw > 1e-9 ? (float)((prefixWx[hi] - prefixWx[lo]) / sw) : hasFallback ? fallback[i] : float.NaN;
    }

    /// <summary>
    /// Weighted moving mean with a triangular kernel of about <paramref name="window"/> samples (two boxes of half the
    /// length): numerator and denominator are each smoothed twice, so masked samples are left out exactly.
    /// </summary>
    public static void TriangularMean(ReadOnlySpan<float> x, ReadOnlySpan<float> w, int window, Span<float> destination, ReadOnlySpan<float> fallback, double[] a, double[] b, double[] c, double[] d)
    {
        var n = x.Length;
        var box = Math.Max(1, window / 2);
        w = w[..n];

        // a, b = prefix sums of w·x and w; c, d = prefix sums of box(w·x) and box(w). One loop, c and d trailing a and
        // b by the box's lead (hi - i), so the four running sums are independent chains; the sums and their order are
        // those of a prefix pass followed by a second one.
        var half = box / 2;
        var lead = box - half;
        var pa = a.AsSpan(0, n + 1);
        var pb = b.AsSpan(0, n + 1);
        var pc = c.AsSpan(0, n + 1);
        var pd = d.AsSpan(0, n + 1);
        pa[0] = 0;
        pb[0] = 0;
        pc[0] = 0;
        pd[0] = 0;
        double sa = 0, sb = 0, sc = 0, sd = 0;
        var i = 1 - lead;
        for (var j = 0; j < n; j++, i++)
        {
            var xj = x[j];
            var wj = float.IsNaN(xj) ? 0 : w[j];
            sa += wj == 0 ? 0 : (double)wj * xj;
            sb += wj;
            pa[j + 1] = sa;
            pb[j + 1] = sb;
            if (i >= 0)
            {
                var lo = Math.Max(0, i - half);
                var hi = i + lead; // = j + 1 <= n
                sc += pa[hi] - pa[lo];
                sd += pb[hi] - pb[lo];
                pc[i + 1] = sc;
                pd[i + 1] = sd;
            }
        }

        for (i = Math.Max(0, i); i < n; i++)
        {
            var lo = Math.Max(0, i - half);
            var hi = Math.Min(n, i + lead);
            sc += pa[hi] - pa[lo];
            sd += pb[hi] - pb[lo];
            pc[i + 1] = sc;
            pd[i + 1] = sd;
        }

        MeanFromPrefix(pc, pd, n, box, destination, fallback);
    }

    /// <summary>
    /// Weighted quantile over a centred window of <paramref name="window"/> samples, evaluated every
    /// <paramref name="step"/> samples from a sliding histogram (bins of <paramref name="binWidth"/> from
    /// <paramref name="min"/>, linear within a bin) and linearly interpolated between those points.
    /// </summary>
    /// <returns><see langword="false"/> when no sample has weight (the destination is then NaN).</returns>
    public static bool Quantile(
        ReadOnlySpan<float> x, ReadOnlySpan<float> w, int window, int step, double quantile, float min, float binWidth, Span<double> histogram, Span<float> grid, Span<float> destination, Span<int> bins)
    {
        Bins(x, min, binWidth, histogram.Length, bins);
        return Quantile(bins[..x.Length], w, window, step, quantile, min, binWidth, histogram, grid, destination);
    }

    /// <summary>Each sample's histogram bin for <see cref="Quantile(ReadOnlySpan{int}, ReadOnlySpan{float}, int, int, double, float, float, Span{double}, Span{float}, Span{float})"/> (-1 for NaN), computed once for several passes over the same series.</summary>
    public static void Bins(ReadOnlySpan<float> x, float min, float binWidth, int count, Span<int> bins)
    {
        bins = bins[..x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var value = x[i];
            bins[i] = float.IsNaN(value) ? -1 : Math.Clamp((int)((value - min) / binWidth), 0, count - 1);
        }
    }

    /// <summary>The weighted quantile of <see cref="Quantile(ReadOnlySpan{float}, ReadOnlySpan{float}, int, int, double, float, float, Span{double}, Span{float}, Span{float}, Span{int})"/> from the samples' precomputed <paramref name="bins"/>.</summary>
    /// <returns><see langword="false"/> when no sample has weight (the destination is then NaN).</returns>
    public static bool Quantile(
        ReadOnlySpan<int> bins, ReadOnlySpan<float> w, int window, int step, double quantile, float min, float binWidth, Span<double> histogram, Span<float> grid, Span<float> destination)
    {
        var n = bins.Length;
        w = w[..n];
        destination = destination[..n];
        var count = histogram.Length;
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
                var weight = w[inHi];
                var bin = bins[inHi];
                if (weight > 0 && bin >= 0)
                {
                    histogram[bin] += weight;
                    total += weight;
                    below += bin < cursor ? weight : 0;
                }
            }

            for (; inLo < lo; inLo++)
            {
                var weight = w[inLo];
                var bin = bins[inLo];
                if (weight > 0 && bin >= 0)
                {
                    histogram[bin] -= weight;
                    total -= weight;
                    below -= bin < cursor ? weight : 0;
                }
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

            while (cursor < count - 1 && below + Math.Max(0, histogram[cursor]) < target)
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

        FillGaps(grid[..points]);
        for (var k = 0; k < points; k++)
        {
            var start = k * step;
            var g = grid[k];
            if (k + 1 < points)
            {
                var slope = grid[k + 1] - g;
                var segment = destination.Slice(start, step);
                for (var j = 0; j < segment.Length; j++)
                {
                    segment[j] = g + (slope * ((float)j / step));
                }
            }
            else
            {
                destination[start..].Fill(g);
            }
        }

        return true;
    }

    /// <summary>
    /// Running maximum (<paramref name="maximum"/>) or minimum over a centred box of <paramref name="window"/> samples
    /// (clipped at the ends; NaN samples ignored, NaN where the window holds none), in O(n) with a monotonic queue of
    /// indices kept in <paramref name="queue"/> (at least <c>x.Length</c> long). Erosion then dilation of the same window
    /// (or the reverse) is the morphological opening (closing): it removes peaks (dips) narrower than the window.
    /// </summary>
    public static void RunningExtremum(ReadOnlySpan<float> x, int window, bool maximum, Span<float> destination, Span<int> queue)
    {
        var n = x.Length;
        destination = destination[..n];
        var half = window / 2;
        int head = 0, tail = 0, next = 0;
        for (var i = 0; i < n; i++)
        {
            var hi = Math.Min(n, i - half + window);
            for (; next < hi; next++)
            {
                var v = x[next];
                if (float.IsNaN(v))
                {
                    continue;
                }

                while (tail > head && (maximum ? x[queue[tail - 1]] <= v : x[queue[tail - 1]] >= v))
                {
                    tail--;
                }

                queue[tail++] = next;
            }

            var lo = i - half;
            while (tail > head && queue[head] < lo)
            {
                head++;
            }

            destination[i] = tail > head ? x[queue[head]] : float.NaN;
        }
    }

    /// <summary>Replaces NaN points by linear interpolation between their valid neighbours (ends held).</summary>
    internal static void FillGaps(Span<float> values)
    {
        var last = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (float.IsNaN(values[i]))
            {
                continue;
            }

            if (last < 0)
            {
                values[..i].Fill(values[i]);
            }
            else
            {
                for (var j = last + 1; j < i; j++)
                {
                    values[j] = values[last] + ((values[i] - values[last]) * (j - last) / (i - last));
                }
            }

            last = i;
        }

        if (last >= 0)
        {
            values[(last + 1)..].Fill(values[last]);
        }
    }

    /// <summary>Prefix sums of <c>w·x</c> and <c>w</c> (NaN samples weigh 0) into the first <c>x.Length + 1</c> values of each array.</summary>
    public static void Prefix(ReadOnlySpan<float> x, ReadOnlySpan<float> w, double[] prefixWx, double[] prefixW)
    {
        var n = x.Length;
        w = w[..n];
        var sumsWx = prefixWx.AsSpan(1, n);
        var sumsW = prefixW.AsSpan(1, n);
        prefixWx[0] = 0;
        prefixW[0] = 0;
        double swx = 0, sw = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var xi = x[i];
            var wi = float.IsNaN(xi) ? 0 : w[i];
            swx += wi == 0 ? 0 : (double)wi * xi;
            sw += wi;
            sumsWx[i] = swx;
            sumsW[i] = sw;
        }
    }
}
