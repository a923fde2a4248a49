using System.Text;
using BenchmarkDotNet.Attributes;
using Nonprofit.Governance.Fairness;

namespace Nonprofit.Benchmarks.Governance;

/// <summary>
/// A bias audit over 1,000,000 decisions in 5 groups with every outcome known: point metrics only, with 200 and with
/// 1000 bootstrap resamples (each resample draws every group's six cell counts from a multinomial instead of
/// redrawing the rows, so its cost does not grow with the number of rows), and reading the same log from CSV
/// (about 14 MB) into a <see cref="DecisionSample"/>. Goal from issue 12: the audit in under 2 seconds.
/// </summary>
[MemoryDiagnoser]
public class FairnessBenchmarks
{
    private const int Rows = 1_000_000;

    private DecisionSample _sample = null!;
    private byte[] _csv = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        var groups = new int[Rows];
        var decisions = new bool[Rows];
        var outcomes = new Outcome[Rows];
        var csv = new StringBuilder("id,district,prioritised,needed\n", Rows * 14);
        string[] names = ["north", "south", "east", "west", "centre"];
        for (var i = 0; i < Rows; i++)
        {
            var g = random.Next(5);
            var positive = random.NextDouble() < 0.4;
            groups[i] = g;
            outcomes[i] = positive ? Outcome.Positive : Outcome.Negative;
            decisions[i] = random.NextDouble() < (positive ? 0.5 + (0.05 * g) : 0.1 + (0.02 * g));
            csv.Append(i).Append(',').Append(names[g]).Append(',').Append(decisions[i] ? '1' : '0').Append(',').Append(positive ? '1' : '0').Append('\n');
        }

        _sample = new DecisionSample(names, groups, decisions, outcomes);
        _csv = Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Benchmark(Baseline = true)]
    public FairnessReport AuditPointMetrics() => FairnessAudit.Run(_sample, new FairnessAuditOptions { BootstrapResamples = 0 });

    [Benchmark]
    public FairnessReport AuditWith200Resamples() => FairnessAudit.Run(_sample, new FairnessAuditOptions { BootstrapResamples = 200 });

    [Benchmark]
    public FairnessReport AuditWith1000Resamples() => FairnessAudit.Run(_sample, new FairnessAuditOptions { BootstrapResamples = 1000 });

    [Benchmark]
    public Task<DecisionSample> ReadCsv() => FairnessData.ReadCsvAsync(new MemoryStream(_csv, writable: false), "district", "prioritised", "needed");
}
