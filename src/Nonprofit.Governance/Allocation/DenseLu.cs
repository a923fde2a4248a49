using System;

namespace Nonprofit.Governance.Allocation;

/// <summary>LU factorisation with partial pivoting of a small dense square matrix (row-major), for basis solves.</summary>
internal sealed class DenseLu
{
    private readonly double[] _lu;
    private readonly int[] _pivot;
    private readonly int _n;

    private DenseLu(double[] lu, int[] pivot, int n)
    {
        _lu = lu;
        _pivot = pivot;
        _n = n;
    }

    /// <summary>Factors <paramref name="matrix"/> (n×n, row-major, copied); null when it is singular.</summary>
    public static DenseLu? Factor(ReadOnlySpan<double> matrix, int n, double singularTolerance = 1e-11)
    {
        var a = matrix.ToArray();
        var pivot = new int[n];
        var scale = 0.0;
        foreach (var v in a)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        for (var k = 0; k < n; k++)
        {
            var p = k;
            var best = Math.Abs(a[(k * n) + k]);
            for (var i = k + 1; i < n; i++)
            {
                var v = Math.Abs(a[(i * n) + k]);
                if (v > best)
                {
                    best = v;
                    p = i;
                }
            }

            if (best <= singularTolerance * Math.Max(scale, 1e-300))
            {
                return null;
            }

            pivot[k] = p;
            if (p != k)
            {
                for (var j = 0; j < n; j++)
                {
                    (a[(k * n) + j], a[(p * n) + j]) = (a[(p * n) + j], a[(k * n) + j]);
                }
            }

            var diag = a[(k * n) + k];
            for (var i = k + 1; i < n; i++)
            {
                var f = a[(i * n) + k] / diag;
                if (f == 0)
                {
                    continue;
                }

                a[(i * n) + k] = f;
                for (var j = k + 1; j < n; j++)
                {
                    a[(i * n) + j] -= f * a[(k * n) + j];
                }
            }
        }

        return new DenseLu(a, pivot, n);
    }

    /// <summary>Solves A x = b in place.</summary>
    public void Solve(Span<double> b)
    {
        var n = _n;
        for (var k = 0; k < n; k++)
        {
            var p = _pivot[k];
            if (p != k)
            {
                (b[k], b[p]) = (b[p], b[k]);
            }
        }

        for (var i = 1; i < n; i++)
        {
            var s = b[i];
            for (var j = 0; j < i; j++)
            {
                s -= _lu[(i * n) + j] * b[j];
            }

            b[i] = s;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var j = i + 1; j < n; j++)
            {
                s -= _lu[(i * n) + j] * b[j];
            }

            b[i] = s / _lu[(i * n) + i];
        }
    }
}
