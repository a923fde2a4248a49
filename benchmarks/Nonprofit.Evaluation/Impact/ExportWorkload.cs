using Nonprofit.Impact;

namespace Nonprofit.Evaluation.Impact;

/// <summary>
/// A synthetic programme for export measurements: 6 indicators (sum, mean, last, distinct count), 3 dimensions
/// (sex 3 values, age 5, region 47), 12 monthly periods of 2026, and N measurements spread over the year with a
/// fixed seed. The same workload is used by the BenchmarkDotNet export benchmarks.
/// </summary>
public static class ExportWorkload
{
    public static readonly string[] Sexes = ["female", "male", "other"];
    public static readonly string[] Ages = ["0-17", "18-24", "25-49", "50-64", "65+"];
    public static readonly string[] Regions = [.. Enumerable.Range(1, 47).Select(i => $"KE-{i:000}")];
    public static readonly (string Id, IndicatorAggregation Aggregation)[] Indicators =
    [
        ("survivors-referred", IndicatorAggregation.Sum),
        ("calls-answered", IndicatorAggregation.Sum),
        ("minutes-to-answer", IndicatorAggregation.Mean),
        ("shelter-beds-free", IndicatorAggregation.Last),
        ("counsellors-active", IndicatorAggregation.DistinctCount),
        ("safety-plans", IndicatorAggregation.Sum),
    ];

    public static ResultsFramework Framework()
    {
        var framework = new ResultsFramework { Name = "Export workload" };
        var activity = new ActivityInfo
        {
            Identifier = "XM-DAC-00000-BENCH",
            ReportingOrg = new OrganisationInfo { Ref = "XM-DAC-00000", Type = "22", Name = "Benchmark NGO" },
            Title = "Export workload",
            Description = "Synthetic activity for export benchmarks.",
        };
        activity.ParticipatingOrgs.Add(new OrganisationInfo { Ref = "XM-DAC-00000", Role = "4", Name = "Benchmark NGO" });
        activity.Dates.Add(new ActivityDate { Type = "1", Date = new DateOnly(2026, 1, 1) });
        framework.Activities.Add(activity);
        var result = new Result { Type = ResultType.Output, Title = "Services delivered" };
        foreach (var (id, aggregation) in Indicators)
        {
            var indicator = new IndicatorDefinition { Id = id, Name = id, Aggregation = aggregation, Unit = "{event}" };
            indicator.Dimensions.Add(Dimension("sex", Sexes));
            indicator.Dimensions.Add(Dimension("age", Ages));
            indicator.Dimensions.Add(Dimension("region", Regions));
            for (var month = 1; month <= 12; month++)
            {
                var start = new DateOnly(2026, month, 1);
                var period = new IndicatorPeriod { Start = start, End = start.AddMonths(1).AddDays(-1) };
                period.Targets.Add(new PeriodValue { Value = "1000" });
                indicator.Periods.Add(period);
            }

            result.Indicators.Add(indicator);
        }

        framework.Results.Add(result);
        return framework;
    }

    /// <summary>The measurements, generated lazily so callers can stream them.</summary>
    public static IEnumerable<ImpactMeasurement> Measurements(int count, int seed = 29)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var guid = new byte[16];
        for (var i = 0; i < count; i++)
        {
            var (id, aggregation) = Indicators[random.Next(Indicators.Length)];
            var value = aggregation switch
            {
                IndicatorAggregation.Mean => random.Next(1, 60),
                IndicatorAggregation.Last => random.Next(0, 40),
                IndicatorAggregation.DistinctCount => random.Next(0, 200),
                _ => 1,
            };
            random.NextBytes(guid);
            yield return new ImpactMeasurement(
                new Guid(guid).ToString("N"),
                id,
                value,
                [new DimensionValue("sex", Sexes[random.Next(3)]), new DimensionValue("age", Ages[random.Next(5)]), new DimensionValue("region", Regions[random.Next(47)])],
                start.AddSeconds(random.NextDouble() * 365 * 86400));
        }
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
}
