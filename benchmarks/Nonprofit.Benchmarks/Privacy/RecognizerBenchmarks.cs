using BenchmarkDotNet.Attributes;
using Nonprofit.Privacy;

namespace Nonprofit.Benchmarks.Privacy;

/// <summary>Each built-in recognizer alone over the data set's 1,500 records once: where detection time goes.</summary>
[MemoryDiagnoser]
public class RecognizerBenchmarks
{
    private readonly List<PiiMatch> _sink = new(64);
    private string[] _records = [];
    private IPiiRecognizer _recognizer = null!;

    public static IEnumerable<string> RecognizerNames => new PiiDetector().Recognizers.Select(r => r.Name);

    [ParamsSource(nameof(RecognizerNames))]
    public string Recognizer { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _records = PiiCorpus.LoadDatasetRecords()[..1500];
        _recognizer = new PiiDetector().Recognizers.Single(r => r.Name == Recognizer);
    }

    [Benchmark]
    public int Records()
    {
        var n = 0;
        foreach (var text in _records)
        {
            _sink.Clear();
            _recognizer.Recognize(text, _sink);
            n += _sink.Count;
        }

        return n;
    }
}
