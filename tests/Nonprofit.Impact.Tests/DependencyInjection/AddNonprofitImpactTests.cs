using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Nonprofit.Impact.Tests.DependencyInjection;

public class AddNonprofitImpactTests
{
    [Fact]
    public async Task Registers_FrameworkRecorderAndStore()
    {
        var folder = Directory.CreateTempSubdirectory("impact-di-");
        try
        {
            var frameworkPath = Path.Combine(folder.FullName, "framework.json");
            await File.WriteAllTextAsync(frameworkPath, ResultsFrameworkJson.Serialize(TestFrameworks.Framework()));
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time);
            services.AddNonprofitImpact(o =>
            {
                o.FrameworkPath = frameworkPath;
                o.StorePath = Path.Combine(folder.FullName, "impact.db");
            });
            await using var provider = services.BuildServiceProvider();

            var framework = provider.GetRequiredService<ResultsFramework>();
            Assert.Equal("Safe homes programme", framework.Name);
            var recorder = provider.GetRequiredService<ImpactRecorder>();
            recorder.Record("referrals", 1, [new("sex", "female")]);
            Assert.Equal(new DateOnly(2026, 2, 1), Assert.Single(recorder.Aggregate("referrals", PeriodLength.Day)).PeriodStart);

            var store = provider.GetRequiredService<IImpactStore>();
            Assert.IsType<SqliteImpactStore>(store);
            Assert.Equal(1, await store.AppendAsync([new ImpactMeasurement("e1", "referrals", 1, [], time.GetUtcNow())]));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void InvalidOptions_FailValidation()
    {
        var both = new ServiceCollection().AddNonprofitImpact(o => { o.Framework = TestFrameworks.Framework(); o.FrameworkPath = "x.json"; }).BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => both.GetRequiredService<IOptions<ImpactOptions>>().Value);
        var missing = new ServiceCollection().AddNonprofitImpact(o => o.FrameworkPath = "/no/such/framework.json").BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => missing.GetRequiredService<IOptions<ImpactOptions>>().Value);
    }

    [Fact]
    public void InvalidFramework_FailsWithPaths_AndNoStoreIsAClearError()
    {
        var framework = TestFrameworks.Framework();
        framework.Results[0].Indicators[0].Id = "";
        using var provider = new ServiceCollection().AddNonprofitImpact(o => o.Framework = framework).BuildServiceProvider();
        var ex = Assert.Throws<FrameworkValidationException>(() => provider.GetRequiredService<ImpactRecorder>());
        Assert.Equal("results[0].indicators[0].id", ex.Errors[0].Path);
        Assert.Contains("StorePath", Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IImpactStore>()).Message, StringComparison.Ordinal);
    }
}
