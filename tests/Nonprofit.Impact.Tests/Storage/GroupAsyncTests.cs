namespace Nonprofit.Impact.Tests.Storage;

public sealed class GroupAsyncTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SqlGrouping_EqualsTheDefaultGroupingOverQueryAsync()
    {
        var random = new Random(5);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string[] sexes = ["female", "male"];
        string[] ages = ["0-17", "18-24", "25+"];
        var batch = Enumerable.Range(0, 3000).Select(i =>
        {
            var dims = new List<DimensionValue>();
            if (random.Next(4) > 0)
            {
                dims.Add(new DimensionValue("sex", sexes[random.Next(2)]));
            }

            if (random.Next(3) > 0)
            {
                dims.Add(new DimensionValue("age", ages[random.Next(3)]));
            }

            // Distinct ticks, so "last" is one row whichever grouping computes it.
            return new ImpactMeasurement(Guid.NewGuid().ToString("N"), i % 3 == 0 ? "b" : "a", random.Next(0, 20), dims, start.AddSeconds((i * 977) % 3001 * 60).AddTicks(i));
        }).ToList();

        await using var store = _db.Open();
        Assert.Equal(3000, await store.AppendAsync(batch));
        IImpactStore fallback = new QueryOnlyStore(store);

        var queries = new[]
        {
            new MeasurementQuery { IndicatorId = "a" },
            new MeasurementQuery { IndicatorId = "b", From = start.AddDays(1), To = start.AddDays(2) },
            Filtered(new MeasurementQuery { IndicatorId = "a" }, new DimensionValue("sex", "female")),
        };
        foreach (var query in queries)
        {
            foreach (var byDimensions in new[] { true, false })
            {
                var sql = await store.GroupAsync(query, byDimensions);
                var reference = await fallback.GroupAsync(query, byDimensions);
                Assert.NotEmpty(sql);
                Assert.Equal(reference.Count, sql.Count);
                for (var i = 0; i < sql.Count; i++)
                {
                    Assert.Equal(reference[i].Dimensions, sql[i].Dimensions);
                    Assert.Equal((reference[i].Count, reference[i].Sum, reference[i].LastValue, reference[i].LastTimestamp, reference[i].DistinctValues),
                        (sql[i].Count, sql[i].Sum, sql[i].LastValue, sql[i].LastTimestamp, sql[i].DistinctValues));
                }

                // And both agree with LINQ over the batch itself.
                var matching = batch.Where(m => m.IndicatorId == query.IndicatorId
                    && (query.From is null || m.Timestamp >= query.From) && (query.To is null || m.Timestamp < query.To)
                    && query.Dimensions.All(d => m.Dimensions.Contains(d))).ToList();
                Assert.Equal(matching.Count, sql.Sum(g => g.Count));
                Assert.Equal(matching.Sum(m => m.Value), sql.Sum(g => g.Sum));
            }
        }

        Assert.Empty(await store.GroupAsync(new MeasurementQuery { IndicatorId = "none" }, byDimensions: false));
    }

    [Fact]
    public async Task FrameworkActuals_FromStore_DistinctCountTotalIsNotTheSumOfGroups()
    {
        var framework = TestFrameworks.Framework();
        framework.Results[0].Indicators[0].Aggregation = IndicatorAggregation.DistinctCount;
        var at = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        await using var store = _db.Open();
        await store.AppendAsync(
        [
            new ImpactMeasurement("e1", "referrals", 7, [new DimensionValue("sex", "female")], at),
            new ImpactMeasurement("e2", "referrals", 7, [new DimensionValue("sex", "male")], at),
            new ImpactMeasurement("e3", "referrals", 8, [new DimensionValue("sex", "male")], at),
        ]);

        var actuals = (await FrameworkActuals.FromStoreAsync(framework, store)).Results[0].Indicators[0].Periods[0].Actuals;
        Assert.Equal(["2", "1", "2"], actuals.Select(a => a.Value));
        Assert.Equal(["", "female", "male"], actuals.Select(a => a.Dimensions.Count == 0 ? "" : a.Dimensions[0].Value));
    }

    private static MeasurementQuery Filtered(MeasurementQuery query, DimensionValue dimension)
    {
        query.Dimensions.Add(dimension);
        return query;
    }

    /// <summary>A store that only reads, so the interface's default grouping runs.</summary>
    private sealed class QueryOnlyStore(IImpactStore inner) : IImpactStore
    {
        public Task<int> AppendAsync(IReadOnlyList<ImpactMeasurement> batch, CancellationToken cancellationToken = default) => inner.AppendAsync(batch, cancellationToken);

        public IAsyncEnumerable<ImpactMeasurement> QueryAsync(MeasurementQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
