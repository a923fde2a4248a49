using System.Text.Json;
using Fetosense.Monitor.Indicators;
using Fetosense.Monitor.Scenarios;
using Fetosense.Monitor.View;
using Microsoft.Extensions.Time.Testing;
using Nonprofit.Impact;

namespace Fetosense.Monitor.Tests;

/// <summary>The impact indicators: recorded per visit, idempotent, exported as a DHIS2 dataValueSet.</summary>
public sealed class IndicatorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fetosense-impact-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ThreeVisits_RecordedTwice_ExportedOnceAsDhis2()
    {
        var at = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(at);
        var bradycardia = await Demo.RunAsync(ScenarioLibrary.Create(ScenarioKind.ProlongedBradycardia), "en", clock, NullView.Instance, 0, CancellationToken.None);
        var maternal = await Demo.RunAsync(ScenarioLibrary.Create(ScenarioKind.MaternalPulse), "en", clock, NullView.Instance, 0, CancellationToken.None);
        var reassuring = await Demo.RunAsync(ScenarioLibrary.Create(ScenarioKind.Reassuring), "en", clock, NullView.Instance, 0, CancellationToken.None);

        var store = new SqliteImpactStore(new SqliteImpactStoreOptions { Path = Path.Combine(_dir, "impact.db") });
        await using (store)
        {
            await store.InitializeAsync();
            var visits = new[]
            {
                FetosenseIndicators.Measurements("9f0c1d7e-3b51-4f7a-9a43-2f1b8c6d5e01", true, bradycardia, at),
                FetosenseIndicators.Measurements("9f0c1d7e-3b51-4f7a-9a43-2f1b8c6d5e02", true, maternal, at.AddDays(1)),
                FetosenseIndicators.Measurements("9f0c1d7e-3b51-4f7a-9a43-2f1b8c6d5e03", false, reassuring, at.AddDays(2)),
            };
            foreach (var v in visits.Concat(visits))
            {
                // The second round is a retry (e.g. after a crash): same event ids, nothing counted twice.
                await store.AppendAsync(v);
            }

            using var stream = new MemoryStream();
            await FetosenseIndicators.ExportDhis2Async(store, "CLINIC-7", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), stream, CancellationToken.None);
            using var json = JsonDocument.Parse(stream.ToArray());
            var values = json.RootElement.GetProperty("dataValues").EnumerateArray()
                .ToDictionary(v => v.GetProperty("dataElement").GetString()!, v => (Period: v.GetProperty("period").GetString(), Org: v.GetProperty("orgUnit").GetString(), Value: v.GetProperty("value").GetString()));

            Assert.Equal(("202611", "CLINIC-7", "3"), values[FetosenseIndicators.TestsCompleted]);
            Assert.Equal(("202611", "CLINIC-7", "2"), values[FetosenseIndicators.PregnanciesMonitored]);
            Assert.Equal(("202611", "CLINIC-7", "1"), values[FetosenseIndicators.UrgentReferrals]);
            Assert.Equal("1", values[FetosenseIndicators.FalseSignalEpisodes].Value);
        }
    }
}
