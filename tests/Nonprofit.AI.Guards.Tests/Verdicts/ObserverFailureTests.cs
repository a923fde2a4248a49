using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace Nonprofit.AI.Guards.Tests.Verdicts;

/// <summary>Session 26, review finding 6: an observer that throws never withholds a verdict or a reply.</summary>
public sealed class ObserverFailureTests
{
    private const string SelfHarm = "I want to kill myself tonight";

    [Fact]
    public async Task CrisisGuard_ObserverThrows_TheSafeReplyIsSentAndLaterObserversStillSeeTheVerdict()
    {
        var recorder = new RecordingObserver();
        var logger = new FakeLogger<CrisisDetectionChatClient>();
        using var guard = new CrisisDetectionChatClient(
            new RecordingChatClient(), observers: [new ThrowingObserver(), recorder], logger: logger);

        var first = await guard.GetResponseAsync(SelfHarm);
        var second = await guard.GetStreamingResponseAsync(SelfHarm).ToChatResponseAsync();

        Assert.Equal(new CrisisDetectionOptions().SafeMessages["en"], first.Text);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(2, recorder.Verdicts.Count(v => v.Action == GuardAction.Escalate));
        var logged = logger.Collector.GetSnapshot().Where(r => r.Id.Id == 7901).ToList();
        Assert.Single(logged); // once per observer, not per verdict
        Assert.Contains(nameof(InvalidOperationException), logged[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("metrics secret", logged[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseNonprofitGuards_ObserverThrows_EveryGuardStillAnswers()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IGuardObserver>(new ThrowingObserver())
            .AddNonprofitGuards()
            .BuildServiceProvider();
        var inner = new RecordingChatClient { Reply = _ => ["Beans go in after the first rains."] };
        using var client = new ChatClientBuilder(inner).UseNonprofitGuards().Build(services);

        var crisis = await client.GetResponseAsync(SelfHarm);
        var benign = await client.GetResponseAsync("When should I plant beans?");

        Assert.Equal(new CrisisDetectionOptions().SafeMessages["en"], crisis.Text);
        Assert.Equal("Beans go in after the first rains.", benign.Text);
        Assert.Contains(benign.GetGuardVerdicts(), v => v.Guard == CrisisDetectionChatClient.GuardName && v.Action == GuardAction.Allow);
    }

    private sealed class ThrowingObserver : IGuardObserver
    {
        public void OnVerdict(GuardVerdict verdict, string? conversationId) => throw new InvalidOperationException("metrics secret");
    }

    private sealed class RecordingObserver : IGuardObserver
    {
        public List<GuardVerdict> Verdicts { get; } = [];

        public void OnVerdict(GuardVerdict verdict, string? conversationId) => Verdicts.Add(verdict);
    }
}
