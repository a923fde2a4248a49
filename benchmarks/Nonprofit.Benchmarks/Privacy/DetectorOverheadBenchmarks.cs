using BenchmarkDotNet.Attributes;
using Nonprofit.Privacy;

namespace Nonprofit.Benchmarks.Privacy;

/// <summary>The data set's 1,500 records once: all recognizers alone versus the whole detector (context, thresholds, overlaps).</summary>
[MemoryDiagnoser]
public class DetectorOverheadBenchmarks
{
    private readonly PiiDetector _detector = new();
    private readonly List<PiiMatch> _sink = new(64);
    private string[] _records = [];

    [GlobalSetup]
    public void Setup() => _records = PiiCorpus.LoadDatasetRecords()[..1500];

    [Benchmark(Baseline = true)]
    public int RecognizersOnly()
    {
        var n = 0;
        foreach (var text in _records)
        {
            _sink.Clear();
            foreach (var r in _detector.Recognizers)
            {
                r.Recognize(text, _sink);
            }

            n += _sink.Count;
        }

        return n;
    }

    [Benchmark]
    public int DetectIntoList()
    {
        var n = 0;
        foreach (var text in _records)
        {
            _sink.Clear();
            n += _detector.Detect(text, _sink);
        }

        return n;
    }

    [Benchmark]
    public int DetectReturningArray()
    {
        var n = 0;
        foreach (var text in _records)
        {
            n += _detector.Detect(text).Count;
        }

        return n;
    }
}
