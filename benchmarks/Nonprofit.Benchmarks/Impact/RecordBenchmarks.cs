using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Nonprofit.Impact;

namespace Nonprofit.Benchmarks.Impact;

/// <summary>
/// <see cref="ImpactRecorder.Record(string, double, ReadOnlySpan{Dimension}, DateTimeOffset)"/> with three dimensions,
/// on 1 and 2 threads (this machine's cores), next to a System.Diagnostics.Metrics counter with the same three tags
/// and a listener attached (what a metrics-only design would pay per event). Each operation is one measurement.
/// </summary>
[MemoryDiagnoser]
public class RecordBenchmarks : IDisposable
{
    private const int PerThread = 1_000_000;

    private static readonly string[] s_sexes = ["female", "male", "other"];
    private static readonly string[] s_ages = ["0-17", "18-24", "25-49", "50+"];
    private static readonly string[] s_regions = ["KE-047", "KE-030", "KE-001", "KE-022", "KE-012"];

    // The same values as separate string instances, as they arrive from a request or a file (not interned).
    private static readonly string[] s_sexesCopies = [.. s_sexes.Select(v => new string(v.AsSpan()))];
    private static readonly string[] s_agesCopies = [.. s_ages.Select(v => new string(v.AsSpan()))];
    private static readonly string[] s_regionsCopies = [.. s_regions.Select(v => new string(v.AsSpan()))];
    private static readonly string s_idCopy = new("referrals".AsSpan());

    private ImpactRecorder _recorder = null!;
    private Meter _meter = null!;
    private Counter<double> _counter = null!;
    private MeterListener _listener = null!;
    private DateTimeOffset _now;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var indicator = new IndicatorDefinition { Id = "referrals", Name = "Referrals", Unit = "{person}" };
        indicator.Dimensions.Add(Dimension("sex", s_sexes));
        indicator.Dimensions.Add(Dimension("age", s_ages));
        indicator.Dimensions.Add(Dimension("region", s_regions));
        _recorder = new ImpactRecorder([indicator]);
        _now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

        _meter = new Meter("Benchmarks.Peer");
        _counter = _meter.CreateCounter<double>("referrals");
        _listener = new MeterListener { InstrumentPublished = (i, l) => { if (i.Meter == _meter) { l.EnableMeasurementEvents(i); } } };
        _listener.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _listener.Start();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = PerThread)]
    public void MetricsCounterWithThreeTags() => RunOnThreads(() =>
    {
        for (var i = 0; i < PerThread; i++)
        {
            var tags = new TagList { { "sex", s_sexes[i % 3] }, { "age", s_ages[i & 3] }, { "region", s_regions[i % 5] } };
            _counter.Add(1, tags);
        }
    });

    [Benchmark(OperationsPerInvoke = PerThread)]
    public void RecordWithThreeDimensions() => RunOnThreads(() =>
    {
        var now = _now;
        for (var i = 0; i < PerThread; i++)
        {
            _recorder.Record("referrals", 1, [new("sex", s_sexes[i % 3]), new("age", s_ages[i & 3]), new("region", s_regions[i % 5])], now);
        }
    });

    [Benchmark(OperationsPerInvoke = PerThread)]
    public void RecordWithThreeDimensionsFromRuntimeStrings() => RunOnThreads(() =>
    {
        var now = _now;
        var id = s_idCopy;
        for (var i = 0; i < PerThread; i++)
        {
            _recorder.Record(id, 1, [new("sex", s_sexesCopies[i % 3]), new("age", s_agesCopies[i & 3]), new("region", s_regionsCopies[i % 5])], now);
        }
    });

    private void RunOnThreads(Action work)
    {
        if (Threads == 1)
        {
            work();
            return;
        }

        // Long-lived pool threads, as in a server; the calling thread takes one share.
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, _ => work());
    }

    private static DimensionDefinition Dimension(string name, string[] values)
    {
        var d = new DimensionDefinition { Name = name };
        foreach (var v in values)
        {
            d.AllowedValues.Add(v);
        }

        return d;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _meter?.Dispose();
        _recorder?.Dispose();
        GC.SuppressFinalize(this);
    }
}
