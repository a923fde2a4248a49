namespace Nonprofit.Evaluation.Ctg;

/// <summary>An event interval in seconds from the start of the recording.</summary>
internal readonly record struct EventSpan(double Start, double End);

/// <summary>How two event lists agree: events of each list matched by at least one event of the other.</summary>
internal readonly record struct EventAgreement(int Matched1, int Total1, int Matched2, int Total2)
{
    public static EventAgreement operator +(EventAgreement a, EventAgreement b) =>
        new(a.Matched1 + b.Matched1, a.Total1 + b.Total1, a.Matched2 + b.Matched2, a.Total2 + b.Total2);

    /// <summary>
    /// FHRMA's F-measure (Boudet et al. 2019; toolbox <c>statscompare.m</c>) doubled so that 1 is perfect:
    /// 2 (1 − r1)(1 − r2) / ((1 − r1) + (1 − r2)), r1 and r2 the rates of events found by only one of the two analyses.
    /// </summary>
    public double F
    {
        get
        {
            var p1 = Total1 == 0 ? 1 : (double)Matched1 / Total1;
            var p2 = Total2 == 0 ? 1 : (double)Matched2 / Total2;
            return p1 + p2 == 0 ? 0 : 2 * p1 * p2 / (p1 + p2);
        }
    }
}

/// <summary>Baseline and event agreement measures of the FHRMA evaluation (README of ../shared/data/ctg).</summary>
internal static class CtgMetrics
{
    /// <summary>
    /// MADI (Houzé de l'Aulnoit et al., Biomed Signal Process Control 49:113-123, 2019): on the valid samples, the mean of
    /// D / (D1·D2 + D) with D = (L1 − L2)² and Dk = sqrt(1-min centred moving mean of (Lk − FHR)²) + 3.
    /// </summary>
    public static double Madi(ReadOnlySpan<float> l1, ReadOnlySpan<float> l2, ReadOnlySpan<float> fhr, ReadOnlySpan<bool> valid, double fs)
    {
        var n = Math.Min(Math.Min(l1.Length, l2.Length), fhr.Length);
        var d1 = Spread(l1[..n], fhr[..n], fs);
        var d2 = Spread(l2[..n], fhr[..n], fs);
        double sum = 0;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (!valid[i])
            {
                continue;
            }

            var d = (double)(l1[i] - l2[i]) * (l1[i] - l2[i]);
            sum += d / ((d1[i] * d2[i]) + d);
            count++;
        }

        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>Root mean square difference on the valid samples, in bpm.</summary>
    public static double Rmsd(ReadOnlySpan<float> l1, ReadOnlySpan<float> l2, ReadOnlySpan<bool> valid)
    {
        var n = Math.Min(l1.Length, l2.Length);
        double sum = 0;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (valid[i])
            {
                sum += (double)(l1[i] - l2[i]) * (l1[i] - l2[i]);
                count++;
            }
        }

        return count == 0 ? double.NaN : Math.Sqrt(sum / count);
    }

    /// <summary>Percentage of valid samples where the baselines differ by more than 15 bpm.</summary>
    public static double DiffOver15(ReadOnlySpan<float> l1, ReadOnlySpan<float> l2, ReadOnlySpan<bool> valid)
    {
        var n = Math.Min(l1.Length, l2.Length);
        var over = 0;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (valid[i])
            {
                over += Math.Abs(l1[i] - l2[i]) > 15 ? 1 : 0;
                count++;
            }
        }

        return count == 0 ? double.NaN : 100.0 * over / count;
    }

    /// <summary>Matches events that overlap by more than <paramref name="minimumOverlapSeconds"/> (5 s in FHRMA).</summary>
    public static EventAgreement Match(IReadOnlyList<EventSpan> a, IReadOnlyList<EventSpan> b, double minimumOverlapSeconds = 5)
    {
        static int Count(IReadOnlyList<EventSpan> x, IReadOnlyList<EventSpan> y, double overlap) =>
            x.Count(e => y.Any(f => Math.Min(e.End, f.End) - Math.Max(e.Start, f.Start) > overlap));

        return new EventAgreement(Count(a, b, minimumOverlapSeconds), a.Count, Count(b, a, minimumOverlapSeconds), b.Count);
    }

    /// <summary>Drops events whose samples are more than <paramref name="maximumLoss"/> signal loss (33% in FHRMA).</summary>
    public static List<EventSpan> Reliable(IEnumerable<EventSpan> events, ReadOnlySpan<bool> lost, double fs, double maximumLoss = 0.33)
    {
        var kept = new List<EventSpan>();
        foreach (var e in events)
        {
            var s = Math.Clamp((int)Math.Round(e.Start * fs), 0, lost.Length);
            var t = Math.Clamp((int)Math.Round(e.End * fs), s, lost.Length);
            var count = 0;
            for (var i = s; i < t; i++)
            {
                count += lost[i] ? 1 : 0;
            }

            if (t > s && (double)count / (t - s) <= maximumLoss)
            {
                kept.Add(e);
            }
        }

        return kept;
    }

    /// <summary>Median of a list (NaN when empty).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }

    private static double[] Spread(ReadOnlySpan<float> baseline, ReadOnlySpan<float> fhr, double fs)
    {
        var n = baseline.Length;
        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            var e = (double)baseline[i] - fhr[i];
            prefix[i + 1] = prefix[i] + (double.IsNaN(e) ? 0 : e * e);
        }

        var window = (int)Math.Round(60 * fs);
        var half = window / 2;
        var spread = new double[n];
        for (var i = 0; i < n; i++)
        {
            var lo = Math.Max(0, i - half);
            var hi = Math.Min(n, i - half + window);
            spread[i] = Math.Sqrt((prefix[hi] - prefix[lo]) / (hi - lo)) + 3;
        }

        return spread;
    }
}
