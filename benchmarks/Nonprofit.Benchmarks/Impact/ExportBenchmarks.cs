using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Nonprofit.Evaluation.Impact;
using Nonprofit.Impact;
using Nonprofit.Impact.Iati;

namespace Nonprofit.Benchmarks.Impact;

/// <summary>
/// One million measurements (6 indicators, 3 dimensions, 2026) aggregated into 12 monthly periods and written as
/// IATI 2.03 XML (about 9 MB, 50,832 actuals), from the in-memory recorder and from the SQLite store. The store
/// file is built once in the temp folder (about a minute) and reused. Peak memory: see benchmarks/impact-export.sh.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ExportBenchmarks : IDisposable
{
    private const int Measurements = 1_000_000;

    private readonly ResultsFramework _framework = ExportWorkload.Framework();
    private ImpactRecorder _recorder = null!;
    private ResultsFramework _withActuals = null!;
    private SqliteImpactStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        _recorder = new ImpactRecorder(_framework.EnumerateIndicators());
        var dims = new Dimension[3];
        foreach (var m in ExportWorkload.Measurements(Measurements))
        {
            for (var i = 0; i < 3; i++)
            {
                dims[i] = new Dimension(m.Dimensions[i].Name, m.Dimensions[i].Value);
            }

            _recorder.Record(m.IndicatorId, m.Value, dims, m.Timestamp);
        }

        _withActuals = FrameworkActuals.FromRecorder(_framework, _recorder);

        var path = Path.Combine(Path.GetTempPath(), "nonprofit-impact-export-1m.db");
        if (!File.Exists(path))
        {
            _ = ImpactExportEvaluation.Prepare([path, "--measurements", Measurements.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        _store = new SqliteImpactStore(new SqliteImpactStoreOptions { Path = path });
    }

    [Benchmark(Baseline = true)]
    public Task WriteIatiOfAggregates() => new IatiExporter().ExportAsync(_withActuals, Stream.Null);

    [Benchmark]
    public Task AggregateFromRecorderThenWriteIati() => new IatiExporter().ExportAsync(FrameworkActuals.FromRecorder(_framework, _recorder), Stream.Null);

    [Benchmark]
    public async Task AggregateFromStoreThenWriteIati() =>
        await new IatiExporter().ExportAsync(await FrameworkActuals.FromStoreAsync(_framework, _store).ConfigureAwait(false), Stream.Null).ConfigureAwait(false);

    public void Dispose()
    {
        _recorder?.Dispose();
        _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }
}
