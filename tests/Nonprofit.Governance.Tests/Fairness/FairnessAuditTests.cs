using Nonprofit.Governance.Fairness;

namespace Nonprofit.Governance.Tests.Fairness;

public class FairnessAuditTests
{
    [Fact]
    public void Bootstrap_IsReproducibleWithASeed()
    {
        var sample = FairnessTestData.Large(5_000, 1);
        var a = FairnessAudit.Run(sample, new FairnessAuditOptions { BootstrapResamples = 200, Seed = 42 });
        var b = FairnessAudit.Run(sample, new FairnessAuditOptions { BootstrapResamples = 200, Random = new Random(42) });
        var c = FairnessAudit.Run(sample, new FairnessAuditOptions { BootstrapResamples = 200, Seed = 43 });
        Assert.Equal(a.Metrics, b.Metrics);
        Assert.Equal(a.Groups, b.Groups);
        Assert.NotEqual(a.Metrics, c.Metrics);
    }

    [Fact]
    public void Intervals_ContainThePointEstimate_OnALargeSample()
    {
        var report = FairnessAudit.Run(FairnessTestData.Large(200_000, 2), new FairnessAuditOptions { BootstrapResamples = 1000 });
        Assert.Equal(8, report.Metrics.Count);
        foreach (var m in report.Metrics)
        {
            Assert.True(m.Estimate.HasInterval, m.Metric.ToString());
            Assert.InRange(m.Estimate.Value, m.Estimate.Lower, m.Estimate.Upper);
            Assert.True(m.Estimate.Upper - m.Estimate.Lower < 0.05, m.Metric.ToString());
        }

        foreach (var g in report.Groups)
        {
            Assert.InRange(g.SelectionRate.Value, g.SelectionRate.Lower, g.SelectionRate.Upper);
            Assert.InRange(g.TruePositiveRate.Value, g.TruePositiveRate.Lower, g.TruePositiveRate.Upper);
            Assert.InRange(g.FalsePositiveRate.Value, g.FalsePositiveRate.Lower, g.FalsePositiveRate.Upper);
        }
    }

    [Fact]
    public void CountBootstrap_AgreesWithRowResampling()
    {
        // The multinomial draw of each group's cell counts is the row bootstrap (stratified by group) in
        // distribution; compare the interval of the demographic parity difference with an explicit row resampler.
        var sample = FairnessTestData.Large(4_000, 3);
        const int resamples = 2000;
        var report = FairnessAudit.Run(sample, new FairnessAuditOptions { BootstrapResamples = resamples, Seed = 5 });
        var byGroup = Enumerable.Range(0, 5).Select(g => Enumerable.Range(0, sample.Count).Where(i => sample.GroupIndices[i] == g).ToArray()).ToArray();
        var decisions = sample.Decisions.ToArray();
        var random = new Random(9);
        var values = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            var rates = byGroup.Select(rows =>
            {
                var selected = 0;
                for (var k = 0; k < rows.Length; k++)
                {
                    selected += decisions[rows[random.Next(rows.Length)]] ? 1 : 0;
                }

                return (double)selected / rows.Length;
            }).ToArray();
            values[b] = rates.Max() - rates.Min();
        }

        Array.Sort(values);
        var dpd = report[FairnessMetric.DemographicParityDifference]!.Value;
        Assert.Equal(FairnessAudit.Quantile(values, 0.025), dpd.Lower, 0.012);
        Assert.Equal(FairnessAudit.Quantile(values, 0.975), dpd.Upper, 0.012);
    }

    [Fact]
    public void Breaches_FollowTheDefaultThresholds()
    {
        // DPR 0.5 < 0.8, DPD 0.25 > 0.1, EOD 0.35 > 0.1, equalised odds difference 0.35 > 0.1.
        var report = FairnessAudit.Run(DecisionSample.FromRows(FairnessTestData.TwoGroups()), new FairnessAuditOptions { BootstrapResamples = 0 });
        Assert.Equal(
            [FairnessMetric.DemographicParityRatio, FairnessMetric.DemographicParityDifference, FairnessMetric.EqualOpportunityDifference, FairnessMetric.EqualizedOddsDifference],
            report.Breaches.Select(b => b.Threshold.Metric));
        Assert.False(report[FairnessMetric.DemographicParityRatio]!.Value.HasInterval);
        Assert.Equal("Demographic parity ratio 0.5000 is below the minimum 0.8 (four-fifths rule).", report.Breaches[0].Describe());
    }

    [Fact]
    public void Breaches_UseConfiguredThresholds_AndNeverFlagUndefinedValues()
    {
        var rows = new List<(string, bool, bool?)>();
        FairnessTestData.Add(rows, "A", false, null, 3);
        FairnessTestData.Add(rows, "B", false, null, 3);
        var options = new FairnessAuditOptions { BootstrapResamples = 10, Thresholds = [FairnessThreshold.Minimum(FairnessMetric.DemographicParityRatio, 0.9)] };
        var report = FairnessAudit.Run(DecisionSample.FromRows(rows), options);
        Assert.True(double.IsNaN(report[FairnessMetric.DemographicParityRatio]!.Value.Value));
        Assert.Empty(report.Breaches);
        Assert.Null(report[FairnessMetric.EqualizedOddsDifference]);
        Assert.Contains("| Demographic parity ratio | undefined | ≥ 0.9 | undefined |", report.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HasTheBreachLinesAndTheGroupTable()
    {
        var report = FairnessAudit.Run(DecisionSample.FromRows(FairnessTestData.TwoGroups()), new FairnessAuditOptions { BootstrapResamples = 200 });
        var md = report.ToMarkdown();
        Assert.Contains("## Breaches", md, StringComparison.Ordinal);
        Assert.Contains("- **Breach**: Demographic parity ratio 0.5000 (interval ", md, StringComparison.Ordinal);
        Assert.Contains("is below the minimum 0.8 (four-fifths rule).", md, StringComparison.Ordinal);
        Assert.Contains("- **Breach**: Equalised odds difference 0.3500", md, StringComparison.Ordinal);
        Assert.Contains("| A | 10 | 5 | 0.5000 (", md, StringComparison.Ordinal);
        Assert.Contains("| B | 8 | 2 | 0.2500 (", md, StringComparison.Ordinal);
        Assert.Contains("200 resamples, stratified by group", md, StringComparison.Ordinal);
        Assert.Contains("fairlearn.metrics.MetricFrame", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_WithoutBreaches_SaysSo()
    {
        var sample = new DecisionSample(["x", "y"], [0, 0, 1, 1], [true, false, true, false]);
        var md = FairnessAudit.Run(sample).ToMarkdown();
        Assert.Contains("No configured threshold is breached.", md, StringComparison.Ordinal);
        Assert.Contains("no outcomes known", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_IsAPngOfTheRequestedSize()
    {
        var report = FairnessAudit.Run(FairnessTestData.Large(10_000, 4), new FairnessAuditOptions { BootstrapResamples = 100 });
        var path = Path.Combine(Path.GetTempPath(), "np-fair-" + Guid.NewGuid().ToString("N"), "chart.png");
        try
        {
            report.SaveChartPng(path, 640, 360);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
            Assert.Equal(640, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            Assert.Equal(360, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Options_AreValidated()
    {
        var sample = DecisionSample.FromRows(FairnessTestData.TwoGroups());
        Assert.Throws<ArgumentException>(() => FairnessAudit.Run(sample, new FairnessAuditOptions { BootstrapResamples = -1 }));
        Assert.Throws<ArgumentException>(() => FairnessAudit.Run(sample, new FairnessAuditOptions { ConfidenceLevel = 1 }));
        Assert.Throws<ArgumentException>(() => FairnessAudit.Run(sample, new FairnessAuditOptions { Thresholds = [FairnessThreshold.Maximum(FairnessMetric.EqualizedOddsDifference, double.NaN)] }));
        Assert.Throws<ArgumentException>(() => FairnessAudit.Run(new DecisionSample(["a"], [], [])));
    }

    [Fact]
    public void Binomial_HasTheRightMeanAndVariance()
    {
        var random = new Random(11);
        foreach (var (n, p) in new[] { (20L, 0.1), (1000L, 0.3), (1_000_000L, 0.42), (50L, 0.9) })
        {
            const int draws = 40_000;
            double sum = 0, sumSquares = 0;
            for (var i = 0; i < draws; i++)
            {
                var x = Binomial.Sample(random, n, p);
                Assert.InRange(x, 0, n);
                sum += x;
                sumSquares += (double)x * x;
            }

            var mean = sum / draws;
            var variance = (sumSquares / draws) - (mean * mean);
            var expectedVariance = n * p * (1 - p);
            Assert.Equal(n * p, mean, 5 * Math.Sqrt(expectedVariance / draws));
            Assert.InRange(variance / expectedVariance, 0.95, 1.05);
        }
    }

    [Fact]
    public void Multinomial_KeepsTheTotal()
    {
        var random = new Random(3);
        var result = new long[6];
        Binomial.Multinomial(random, 1000, [0, 10, 500, 0, 400, 90], result);
        Assert.Equal(1000, result.Sum());
        Assert.Equal(0, result[0]);
        Assert.Equal(0, result[3]);
    }

    [Fact]
    public void LogFactorial_MatchesTheSumOfLogs()
    {
        var sum = 0.0;
        for (var k = 1; k <= 3000; k++)
        {
            sum += Math.Log(k);
        }

        Assert.Equal(sum, Binomial.LogFactorial(3000), 1e-9);
    }
}
