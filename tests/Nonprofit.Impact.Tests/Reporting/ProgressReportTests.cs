using Nonprofit.Impact.Reporting;

namespace Nonprofit.Impact.Tests.Reporting;

public class ProgressReportTests
{
    [Theory]
    [InlineData(120.0, 200, 150, null, 0.375)]
    [InlineData(null, 200, 150, null, 0.75)]
    [InlineData(40.0, 20, 30, IndicatorDirection.Decrease, 0.5)]
    [InlineData(null, 20, 40, IndicatorDirection.Decrease, 0.5)]
    [InlineData(null, 20, 10, IndicatorDirection.Decrease, 1.0)]
    [InlineData(100.0, 100, 90, null, 0.9)]
    public void Progress_FromBaselineToTarget(double? baseline, double target, double actual, IndicatorDirection? direction, double expected) =>
        Assert.Equal(expected, ProgressReport.ComputeProgress(baseline, target, actual, direction), 12);

    [Theory]
    [InlineData(1.0, 0.5, ProgressStatus.Achieved)]
    [InlineData(0.45, 0.5, ProgressStatus.OnTrack)]
    [InlineData(0.44, 0.5, ProgressStatus.AtRisk)]
    [InlineData(0.30, 0.5, ProgressStatus.AtRisk)]
    [InlineData(0.29, 0.5, ProgressStatus.OffTrack)]
    [InlineData(0.95, 1.0, ProgressStatus.OnTrack)]
    public void Status_ComparesWithTheElapsedShare(double progress, double expected, ProgressStatus status) =>
        Assert.Equal(status, ProgressReport.Judge(progress, expected));

    [Fact]
    public void Status_OfAnEndedPeriodShortOfTarget_IsOffTrack()
    {
        Assert.Equal(ProgressStatus.OffTrack, ProgressReport.Judge(0.95, 1.0, ended: true));
        Assert.Equal(ProgressStatus.Achieved, ProgressReport.Judge(1.0, 1.0, ended: true));
    }

    [Fact]
    public void Compute_UsesTotalsAndTheElapsedShare()
    {
        var framework = TestFrameworks.Framework();
        var rows = ProgressReport.Compute(framework, new DateOnly(2026, 2, 14));
        var row = Assert.Single(rows);
        Assert.Equal((120.0, 200.0, 150.0), (row.Baseline!.Value, row.Target!.Value, row.Actual!.Value));
        Assert.Equal(0.375, row.Progress!.Value, 12);

        // 45 of 90 days elapsed: 0.375 is at least 60 % but under 90 % of 0.5.
        Assert.Equal(ProgressStatus.AtRisk, row.Status);
        Assert.Equal(ProgressStatus.OffTrack, ProgressReport.Compute(framework, new DateOnly(2026, 6, 1))[0].Status);
        Assert.Equal(ProgressStatus.OnTrack, ProgressReport.Compute(framework, new DateOnly(2026, 1, 10))[0].Status);
    }

    [Fact]
    public void Compute_DisaggregatedOnly_SumsOneDimension()
    {
        var framework = TestFrameworks.Framework();
        var period = framework.Results[0].Indicators[0].Periods[0];
        period.Actuals.Clear();
        foreach (var (sex, value) in new[] { ("female", "90"), ("male", "60") })
        {
            var actual = new PeriodValue { Value = value };
            actual.Dimensions.Add(new DimensionValue("sex", sex));
            period.Actuals.Add(actual);
        }

        Assert.Equal(150.0, ProgressReport.Compute(framework, new DateOnly(2026, 12, 31))[0].Actual);
        period.Actuals[1].Dimensions.Add(new DimensionValue("age", "18-24"));
        Assert.Equal(ProgressStatus.NoData, ProgressReport.Compute(framework, new DateOnly(2026, 12, 31))[0].Status);
    }

    [Fact]
    public void Markdown_SummarisesAndTabulates()
    {
        var framework = TestFrameworks.Framework();
        var asOf = new DateOnly(2026, 12, 31);
        var markdown = ProgressReport.ToMarkdown(framework, ProgressReport.Compute(framework, asOf), asOf);
        Assert.StartsWith("# Progress report: Safe homes programme\n\nAs of 2026-12-31.", markdown, StringComparison.Ordinal);
        Assert.Contains("**0 of 1** measured indicators", markdown, StringComparison.Ordinal);
        Assert.Contains("## Survivors reach safety", markdown, StringComparison.Ordinal);
        Assert.Contains("| Survivors referred to shelter ({person}) | 2026-01-01 – 2026-03-31 | 120 | 200 | 150 | 38 % | off track |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_IsAPngOfTheRequestedSize()
    {
        var framework = TestFrameworks.Framework();
        var asOf = new DateOnly(2026, 12, 31);
        var path = Path.Combine(Path.GetTempPath(), $"impact-chart-{Guid.NewGuid():N}.png");
        try
        {
            ProgressReport.SaveChartPng(ProgressReport.Compute(framework, asOf), asOf, path, 800, 300);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);

            // IHDR: width and height, big-endian, at bytes 16-23.
            Assert.Equal(800, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            Assert.Equal(300, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
            Assert.True(bytes.Length > 5000, "The chart should have text and bars, not be blank.");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
