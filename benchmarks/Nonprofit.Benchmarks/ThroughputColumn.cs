using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Nonprofit.Benchmarks;

/// <summary>Adds an MB/s column (10^6 bytes of input per second of mean time) for benchmarks that registered their input size.</summary>
public sealed class ThroughputColumn : IColumn
{
    private static readonly ConcurrentDictionary<string, Lazy<long>> s_bytes = new();

    public string Id => "MBps";

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input megabytes (10^6 UTF-8 bytes) processed per second of mean time";

    /// <summary>Registers how to compute the input size of a benchmark method (from a config's constructor: it runs in the host process).</summary>
    public static void Register(string method, Func<long> bytes) => s_bytes[method] = new Lazy<long>(bytes);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        if (report?.ResultStatistics is null || !s_bytes.TryGetValue(method, out var bytes))
        {
            return "-";
        }

        var seconds = report.ResultStatistics.Mean / 1e9;
        return (bytes.Value / 1e6 / seconds).ToString("0.0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Base config that adds the <see cref="ThroughputColumn"/>.</summary>
public abstract class ThroughputConfig : ManualConfig
{
    protected ThroughputConfig()
    {
        AddColumn(new ThroughputColumn());
    }
}
