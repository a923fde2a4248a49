using System;

namespace Nonprofit.Governance.Fairness;

/// <summary>
/// Exact binomial and multinomial variates: inversion for small means, and Hörmann's BTRS transformed rejection
/// ("The generation of binomial random variates", J. Stat. Comput. Simul. 46, 1993) for n·p ≥ 10.
/// </summary>
internal static class Binomial
{
    private const int TableSize = 1024;
    private static readonly double[] s_logFactorial = BuildTable();

    /// <summary>A Binomial(n, p) variate.</summary>
    public static long Sample(Random random, long n, double p)
    {
        if (n <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        return p > 0.5 ? n - SampleAtMostHalf(random, n, 1 - p) : SampleAtMostHalf(random, n, p);
    }

    /// <summary>Draws <paramref name="n"/> items into cells with probabilities proportional to
    /// <paramref name="weights"/>, by a chain of conditional binomials.</summary>
    public static void Multinomial(Random random, long n, ReadOnlySpan<long> weights, Span<long> result)
    {
        long remainingWeight = 0;
        foreach (var w in weights)
        {
            remainingWeight += w;
        }

        var remaining = n;
        for (var k = 0; k < weights.Length; k++)
        {
            if (remaining == 0 || weights[k] == 0)
            {
                result[k] = 0;
                remainingWeight -= weights[k];
                continue;
            }

            if (weights[k] >= remainingWeight)
            {
                result[k] = remaining;
                remaining = 0;
                remainingWeight -= weights[k];
                continue;
            }

            var x = Sample(random, remaining, (double)weights[k] / remainingWeight);
            result[k] = x;
            remaining -= x;
            remainingWeight -= weights[k];
        }
    }

    /// <summary>ln(k!), from a table below 1024 and Stirling's series above (error below 1e-17).</summary>
    public static double LogFactorial(double k)
    {
        if (k < TableSize)
        {
            return s_logFactorial[(int)k];
        }

        var inverse = 1 / k;
        var inverse2 = inverse * inverse;
        return ((k + 0.5) * Math.Log(k)) - k + (0.5 * Math.Log(2 * Math.PI))
            + (inverse * ((1.0 / 12) - (inverse2 * ((1.0 / 360) - (inverse2 / 1260)))));
    }

    private static long SampleAtMostHalf(Random random, long n, double p)
    {
        var q = 1 - p;
        if (n * p < 10)
        {
            return Inversion(random, n, p, q);
        }

        var spq = Math.Sqrt(n * p * q);
        var b = 1.15 + (2.53 * spq);
        var a = -0.0873 + (0.0248 * b) + (0.01 * p);
        var c = (n * p) + 0.5;
        var vr = 0.92 - (4.2 / b);
        var alpha = (2.83 + (5.1 / b)) * spq;
        var lpq = Math.Log(p / q);
        var m = Math.Floor((n + 1) * p);
        var h = LogFactorial(m) + LogFactorial(n - m);
        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2 * a / us) + b) * u) + c);
            if (k < 0 || k > n)
            {
                continue;
            }

            if (us >= 0.07 && v <= vr)
            {
                return (long)k;
            }

            v = Math.Log(v * alpha / ((a / (us * us)) + b));
            if (v <= h - LogFactorial(k) - LogFactorial(n - k) + ((k - m) * lpq))
            {
                return (long)k;
            }
        }
    }

    private static long Inversion(Random random, long n, double p, double q)
    {
        var q0 = Math.Exp(n * Math.Log(q));
        var r = p / q;
        var g = r * (n + 1);
        while (true)
        {
            var u = random.NextDouble();
            long k = 0;
            var f = q0;
            while (u > f)
            {
                u -= f;
                k++;
                if (k > n || k > 200)
                {
                    break;
                }

                f *= (g / k) - r;
            }

            if (k <= n && k <= 200)
            {
                return k;
            }
        }
    }

    private static double[] BuildTable()
    {
        var table = new double[TableSize];
        for (var k = 2; k < TableSize; k++)
        {
            table[k] = table[k - 1] + Math.Log(k);
        }

        return table;
    }
}
