using BenchmarkDotNet.Attributes;
using Nonprofit.Privacy;

namespace Nonprofit.Benchmarks.Privacy;

/// <summary>
/// Detection throughput, single-threaded: the data set's text (dense in PII) and PII-free prose, each at least 10 MB,
/// one record at a time (<see cref="DatasetRecords"/>, <see cref="PiiFreeProse"/>); the same records through the batch
/// entry point (<see cref="DatasetBatch"/>); the records joined with '\n' into one text of at least 10 MB detected in one
/// call (<see cref="DatasetConcatenated"/>); plus one clean sentence to show 0 bytes allocated per call.
/// MB/s = <see cref="PiiCorpus"/> UTF-8 bytes / mean time (printed in the MB/s column).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PiiThroughputConfig))]
public class PiiDetectionBenchmarks
{
    private readonly PiiDetector _detector = new();
    private string[] _dataset = [];
    private string[] _prose = [];
    private string _concatenated = "";
    private readonly List<PiiMatch> _batchResults = [];
    private int[] _batchEnds = [];
    internal const string CleanSentence =
        "The clinic opens in the morning and closes in the evening, and the health workers write down what they see.";

    [GlobalSetup]
    public void Setup()
    {
        _dataset = PiiCorpus.LoadDatasetRecords();
        _prose = PiiCorpus.Prose();
        _concatenated = PiiCorpus.Concatenated();
        _batchEnds = new int[_dataset.Length];
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

    /// <summary>The records of <see cref="DatasetRecords"/> through <see cref="PiiDetector.DetectMany(IReadOnlyList{string}, List{PiiMatch}, Span{int})"/>: the same matches.</summary>
    [Benchmark]
    public int DatasetBatch()
    {
        _batchResults.Clear();
        return _detector.DetectMany(_dataset, _batchResults, _batchEnds);
    }

    /// <summary>
    /// The records joined with '\n' into one text (at least 10 MB), detected in one call: the issue's "the data set's text
    /// concatenated" read literally. Not the same matches as record by record (context and names may cross a line).
    /// </summary>
    [Benchmark]
    public int DatasetConcatenated() => _detector.Detect(_concatenated).Count;

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
        ThroughputColumn.Register(nameof(PiiDetectionBenchmarks.DatasetBatch), () => PiiCorpus.Utf8Bytes(PiiCorpus.LoadDatasetRecords()));
        ThroughputColumn.Register(nameof(PiiDetectionBenchmarks.DatasetConcatenated), () => System.Text.Encoding.UTF8.GetByteCount(PiiCorpus.Concatenated()));
        ThroughputColumn.Register(nameof(PiiDetectionBenchmarks.PiiFreeProse), () => PiiCorpus.Utf8Bytes(PiiCorpus.Prose()));
        ThroughputColumn.Register(nameof(PiiDetectionBenchmarks.CleanSentenceSingleCall), () => PiiDetectionBenchmarks.CleanSentence.Length + 1);
    }
}
