using BenchmarkDotNet.Attributes;
using Nonprofit.Signals;

namespace Nonprofit.Benchmarks.Signals;

/// <summary>Moving median, window 31, 1M samples: ours (two indexed heaps) against a sorted-window baseline.</summary>
[MemoryDiagnoser]
public class MovingMedianBenchmarks
{
    private const int Window = 31;
    private float[] _x = [];
    private float[] _y = [];
    private readonly float[] _sorted = new float[Window];
    private readonly MovingMedian _median = new(Window);

    [GlobalSetup]
    public void Setup()
    {
        var r = new Random(5);
        _x = [.. Enumerable.Range(0, 1_000_000).Select(_ => (float)((r.NextDouble() * 2) - 1))];
        _y = new float[_x.Length];
    }

    /// <summary>Copy the window and sort it for every sample (no allocation).</summary>
    [Benchmark(Baseline = true)]
    public float SortedWindow()
    {
        for (var n = 0; n < _x.Length; n++)
        {
            var start = Math.Max(0, n - Window + 1);
            var count = n - start + 1;
            var window = _sorted.AsSpan(0, count);
            _x.AsSpan(start, count).CopyTo(window);
            window.Sort();
            _y[n] = count % 2 == 1 ? window[count / 2] : (window[(count / 2) - 1] + window[count / 2]) / 2;
        }

        return _y[^1];
    }

    [Benchmark]
    public float OursStreaming()
    {
        _median.Reset();
        _median.Process(_x, _y);
        return _y[^1];
    }
}
