using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nonprofit.Governance.Records;

namespace Nonprofit.Governance.Tests;

public class AddNonprofitGovernanceTests
{
    [Fact]
    public async Task Registers_ADecisionLogOnTheStoreWithTheTimeProvider()
    {
        var folder = Directory.CreateTempSubdirectory("governance-di-");
        try
        {
            var services = new ServiceCollection();
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
            services.AddSingleton<TimeProvider>(time);
            services.AddNonprofitGovernance(o => o.StorePath = Path.Combine(folder.FullName, "impact.db"));
            await using var provider = services.BuildServiceProvider();
            var log = provider.GetRequiredService<DecisionLog>();
            var record = await log.AppendAsync(new DecisionDraft
            {
                PolicyName = "p",
                PolicyVersion = "1",
                Inputs = JsonDocument.Parse("{}").RootElement,
                Output = JsonDocument.Parse("1").RootElement,
            });
            Assert.Equal(time.GetUtcNow(), record.Timestamp);
            Assert.True((await log.VerifyAsync()).IsValid);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void MissingStorePath_FailsValidation()
    {
        using var provider = new ServiceCollection().AddNonprofitGovernance(_ => { }).BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GovernanceOptions>>().Value);
    }
}
