using BenchmarkDotNet.Attributes;
using Nonprofit.Privacy;

namespace Nonprofit.Benchmarks.Privacy;

/// <summary>
/// Detection throughput, single-threaded, one record at a time: the data set's text (dense in PII) and
/// PII-free prose, each at least 10 MB; plus one clean sentence to show 0 bytes allocated per call.
/// MB/s = <see cref="PiiCorpus"/> UTF-8 bytes / mean time (printed in the MB/s column).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PiiThroughputConfig))]
public class PiiDetectionBenchmarks
{
    private readonly PiiDetector _detector = new();
    private string[] _dataset = [];
    private string[] _prose = [];
    internal const string CleanSentence =
        "The clinic opens in the morning and closes in the evening, and the health workers write down what they see.";

    [GlobalSetup]
    public void Setup()
    {
        _dataset = PiiCorpus.LoadDatasetRecords();
        _prose = PiiCorpus.Prose();
    }

    [Benchmark]
    public int DatasetRecords()
    {
        var found = 0;
        foreach (var text in _dataset)
        {
            found += _detector.Detect(text).Count;
        }

        return found;
    }

    [Benchmark]
    public int PiiFreeProse()
    {
        var found = 0;
        foreach (var text in _prose)
        {
            found += _detector.Detect(text).Count;
        }

        return found;
    }

    [Benchmark]
    public int CleanSentenceSingleCall() => _detector.Detect(CleanSentence).Count;
}

/// <summary>Input sizes of <see cref="PiiDetectionBenchmarks"/> for the MB/s column, computed in the host.</summary>
public sealed class PiiThroughputConfig : ThroughputConfig
{
    public PiiThroughputConfig()
    {
        ThroughputColumn.Register(nameof(PiiDetectionBenchmarks.DatasetRecords), () => PiiCorpus.Utf8Bytes(PiiCorpus.LoadDatasetRecords()));
        ThroughputColumn.Register(nameof(PiiDetectionBenchmarks.PiiFreeProse), () => PiiCorpus.Utf8Bytes(PiiCorpus.Prose()));
        ThroughputColumn.Register(nameof(PiiDetectionBenchmarks.CleanSentenceSingleCall), () => PiiDetectionBenchmarks.CleanSentence.Length + 1);
    }
}
