using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>
/// Session 27: an observer that throws is logged (event 7901, type names only) by every guard through the logger DI
/// provides, once per observer and guard; it used to be skipped silently outside the crisis guard.
/// </summary>
public sealed class ObserverFailureLoggingTests
{
    private static readonly string[] s_guards =
    [
        CrisisDetectionChatClient.GuardName, ConversationRateLimitChatClient.GuardName, PromptInjectionShieldChatClient.GuardName,
        ScopeChatClient.GuardName, LanguageMatchingChatClient.GuardName, OutputSafetyChatClient.GuardName, PiiRedactionChatClient.GuardName,
    ];

    [Fact]
    public async Task EveryGuard_ObserverThrows_LogsTypeNamesOncePerGuard()
    {
        using var provider = new FakeLoggerProvider();
        using var services = Services(provider).AddNonprofitGuards().BuildServiceProvider();
        var inner = new RecordingChatClient { Reply = _ => ["Beans go in after the first rains."] };
        using var client = new ChatClientBuilder(inner).UseNonprofitGuards(new NonprofitGuardsOptions
        {
            Language = new LanguageMatchingOptions(),
            ScopeOptions = new ScopeOptions
            {
                Topics = [new ScopeTopic { Name = "crops", Description = "crops planting seeds harvest maize beans", Examples = ["When should I plant maize?"] }],
            },
        }).Build(services);

        var first = await client.GetResponseAsync("When should I plant beans?");
        await client.GetStreamingResponseAsync("When should I plant maize?").ToListAsync();

        Assert.Equal("Beans go in after the first rains.", first.Text);
        var logged = provider.Collector.GetSnapshot().Where(r => r.Id.Id == 7901).ToList();
        Assert.Equal(s_guards.Order(StringComparer.Ordinal), logged.Select(r => GuardOf(r.Message)).Order(StringComparer.Ordinal));
        Assert.All(logged, r => Assert.Contains(nameof(ThrowingObserver), r.Message, StringComparison.Ordinal));
        Assert.All(logged, r => Assert.Contains(nameof(InvalidOperationException), r.Message, StringComparison.Ordinal));
        Assert.All(logged, r => Assert.DoesNotContain("metrics secret", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SingleGuardExtension_ObserverThrows_IsLogged()
    {
        using var provider = new FakeLoggerProvider();
        using var services = Services(provider).BuildServiceProvider();
        using var client = new ChatClientBuilder(new RecordingChatClient()).UsePiiRedaction().Build(services);

        await client.GetResponseAsync("Hello there");

        var record = Assert.Single(provider.Collector.GetSnapshot(), r => r.Id.Id == 7901);
        Assert.Equal(PiiRedactionChatClient.GuardName, GuardOf(record.Message));
    }

    [Fact]
    public async Task TwoPipelines_SharedObserverThrows_EachPipelinesLoggerLogsOnce()
    {
        // Session 28: "once" is per guard instance, not per guard name in the process: a second pipeline (another
        // tenant, another logger) that shares the observer must still log its failure.
        var observer = new ThrowingObserver();
        using var firstLogs = new FakeLoggerProvider();
        using var secondLogs = new FakeLoggerProvider();
        using var firstServices = Services(firstLogs, observer).BuildServiceProvider();
        using var secondServices = Services(secondLogs, observer).BuildServiceProvider();
        using var first = new ChatClientBuilder(new RecordingChatClient()).UsePiiRedaction().Build(firstServices);
        using var second = new ChatClientBuilder(new RecordingChatClient()).UsePiiRedaction().Build(secondServices);

        await first.GetResponseAsync("Hello there");
        await first.GetResponseAsync("Hello again");
        await second.GetResponseAsync("Hello there");
        await second.GetStreamingResponseAsync("Hello again").ToListAsync();

        Assert.Single(firstLogs.Collector.GetSnapshot(), r => r.Id.Id == 7901);
        Assert.Single(secondLogs.Collector.GetSnapshot(), r => r.Id.Id == 7901);
    }

    private static IServiceCollection Services(FakeLoggerProvider provider, IGuardObserver? observer = null) =>
        new ServiceCollection().AddLogging(b => b.AddProvider(provider)).AddSingleton(observer ?? new ThrowingObserver());

    private static string GuardOf(string message) => s_guards.Single(g => message.Contains(" " + g + " ", StringComparison.Ordinal));

    private sealed class ThrowingObserver : IGuardObserver
    {
        public void OnVerdict(GuardVerdict verdict, string? conversationId) => throw new InvalidOperationException("metrics secret");
    }
}
