using Microsoft.Data.Sqlite;
using Nonprofit.Governance.Allocation;
using Nonprofit.Impact;

namespace Nonprofit.Governance.Tests.Allocation;

public class ImpactEstimatesTests
{
    [Fact]
    public void FromValues_MeanAndNormalInterval()
    {
        // Values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample variance 32/7, standard error sqrt(32/7/8) = 0.755928946;
        // z(0.975) = 1.959963985, so the half-width is 1.481596....
        double[] values = [2, 4, 4, 4, 5, 5, 7, 9];
        var estimate = ImpactEstimates.FromValues(values, 0.95, "anc-visits");
        Assert.Equal(5, estimate.Value, 12);
        Assert.Equal(5 - (1.959963985 * Math.Sqrt(32.0 / 7 / 8)), estimate.Low!.Value, 8);
        Assert.Equal(5 + (1.959963985 * Math.Sqrt(32.0 / 7 / 8)), estimate.High!.Value, 8);
        Assert.Equal("anc-visits", estimate.IndicatorId);
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.995, 2.575829303548901)]
    [InlineData(0.01, -2.326347874040841)]
    public void NormalQuantile_MatchesTables(double p, double z) => Assert.Equal(z, ImpactEstimates.NormalQuantile(p), 7); // Acklam: relative error < 1.2e-9

    [Fact]
    public void FromValues_RejectsEmptyAndNonFinite()
    {
        Assert.Throws<ArgumentException>(() => ImpactEstimates.FromValues([]));
        Assert.Throws<ArgumentException>(() => ImpactEstimates.FromValues([1, double.NaN]));
        Assert.Throws<ArgumentException>(() => ImpactEstimates.FromValues([1, 2], confidence: 1.5));
        var one = ImpactEstimates.FromValues([3]);
        Assert.Equal((3.0, (double?)null, (double?)null), (one.Value, one.Low, one.High));
    }

    [Fact]
    public async Task FromStore_ReadsTheIndicatorsMeasurements()
    {
        var folder = Directory.CreateTempSubdirectory("governance-estimates-");
        try
        {
            await using (var store = new SqliteImpactStore(new SqliteImpactStoreOptions { Path = Path.Combine(folder.FullName, "impact.db") }))
            {
                var at = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
                await store.AppendAsync(
                [
                    new ImpactMeasurement("e1", "visits", 2, [new DimensionValue("region", "north")], at),
                    new ImpactMeasurement("e2", "visits", 4, [new DimensionValue("region", "north")], at),
                    new ImpactMeasurement("e3", "visits", 100, [new DimensionValue("region", "south")], at),
                ]);
                var query = new MeasurementQuery { IndicatorId = "visits" };
                query.Dimensions.Add(new DimensionValue("region", "north"));
                var estimate = await ImpactEstimates.FromStoreAsync(store, query);
                Assert.Equal(3, estimate.Value, 12);
                Assert.Equal("visits", estimate.IndicatorId);
                Assert.True(estimate.Low < 3 && estimate.High > 3);
                await Assert.ThrowsAsync<ArgumentException>(() => ImpactEstimates.FromStoreAsync(store, new MeasurementQuery { IndicatorId = "none" }));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
