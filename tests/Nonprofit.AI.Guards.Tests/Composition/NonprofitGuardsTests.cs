using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards.Tests.Composition;

public sealed class NonprofitGuardsTests
{
    private static readonly byte[] s_key = new byte[32];

    /// <summary>A stand-in for a future guard: records its name and the text it saw, then passes on.</summary>
    private sealed class MarkerChatClient(IChatClient inner, string name, List<(string Name, string Text)> log) : DelegatingChatClient(inner)
    {
        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            log.Add((name, messages.Last().Text));
            return base.GetResponseAsync(messages, options, cancellationToken);
        }
    }

    private sealed class RecordingSink : IGuardAuditSink
    {
        public List<GuardAuditRecord> Records { get; } = [];

        public void Append(in GuardAuditRecord record) => Records.Add(record);
    }

    private static Func<IChatClient, IServiceProvider, IChatClient> Marker(string name, List<(string, string)> log) =>
        (inner, _) => new MarkerChatClient(inner, name, log);

    [Fact]
    public async Task UseNonprofitGuards_ExtensionPoints_RunInTheDocumentedOrderAroundTheBuiltInGuards()
    {
        var log = new List<(string Name, string Text)>();
        var inner = new RecordingChatClient();
        var sink = new RecordingSink();
        var services = new ServiceCollection().AddSingleton<IGuardAuditSink>(sink).BuildServiceProvider();
        var options = new NonprofitGuardsOptions
        {
            Audit = new GuardAuditOptions { HashKey = s_key },
            RateLimit = new ConversationRateLimitOptions { ConversationPermitLimit = 1 },
            CrisisDetection = Marker("crisis", log),
            PromptInjectionShield = Marker("injection", log),
            Scope = Marker("scope", log),
            LanguageMatching = Marker("language", log),
            OutputSafety = Marker("output", log),
        };
        using var client = new ChatClientBuilder(inner).UseNonprofitGuards(options).Build(services);

        var first = await client.GetResponseAsync(Pii.Text, Pii.Conversation("c1"));
        var blocked = await client.GetResponseAsync(Pii.Text, Pii.Conversation("c1"));

        Assert.Equal(["crisis", "injection", "scope", "language", "output", "crisis"], log.Select(l => l.Name));
        Assert.All(log, l => Assert.Equal(Pii.Text, l.Text));
        Pii.AssertNoneIn(inner.AllReceivedText);
        Assert.Equal(1, inner.Calls);
        Assert.Equal(Pii.Text, first.Text);
        Assert.Equal(GuardCategories.RateLimit, Assert.Single(blocked.GetGuardVerdicts()).Category);
        Assert.Equal(
            [PiiRedactionChatClient.GuardName, PiiRedactionChatClient.GuardName, ConversationRateLimitChatClient.GuardName, ConversationRateLimitChatClient.GuardName],
            sink.Records.Select(r => r.Guard));
    }

    [Fact]
    public async Task UseNonprofitGuards_Defaults_RedactCheckOutputAndRateLimitWithoutAudit()
    {
        var inner = new RecordingChatClient();
        using var client = new ChatClientBuilder(inner).UseNonprofitGuards().Build();

        var response = await client.GetResponseAsync(Pii.Text, Pii.Conversation("c1"));

        Pii.AssertNoneIn(inner.AllReceivedText);
        Assert.Equal(
            [PiiRedactionChatClient.GuardName, PiiRedactionChatClient.GuardName, OutputSafetyChatClient.GuardName, PromptInjectionShieldChatClient.GuardName, ConversationRateLimitChatClient.GuardName, CrisisDetectionChatClient.GuardName],
            response.GetGuardVerdicts().Select(v => v.Guard));
    }

    [Fact]
    public void UseNonprofitGuards_InvalidOptions_ThrowsWhenBuilt()
    {
        var builder = new ChatClientBuilder(new RecordingChatClient())
            .UseNonprofitGuards(new NonprofitGuardsOptions { Audit = new GuardAuditOptions { HashKey = new byte[8] } });

        Assert.Throws<OptionsValidationException>(() => builder.Build());
    }

    [Fact]
    public void AddNonprofitGuards_InvalidOptions_FailValidation()
    {
        using var services = new ServiceCollection()
            .AddNonprofitGuards(o => o.RateLimit = new ConversationRateLimitOptions { UserPermitLimit = 0 })
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<NonprofitGuardsOptions>>().Value);
    }

    [Fact]
    public async Task AddNonprofitGuards_ObserversAndOptionsFromServices_AreUsed()
    {
        var observer = new CollectingObserver();
        using var services = new ServiceCollection()
            .AddNonprofitGuards(o => o.Audit = new GuardAuditOptions { HashKey = s_key })
            .AddSingleton<IGuardObserver>(observer)
            .BuildServiceProvider();
        var inner = new RecordingChatClient();
        using var client = new ChatClientBuilder(inner).UseNonprofitGuards().Build(services);

        await client.GetResponseAsync(Pii.Text, Pii.Conversation("c1"));

        Assert.IsType<LoggerGuardAuditSink>(services.GetRequiredService<IGuardAuditSink>());
        Assert.Same(services.GetRequiredService<PiiDetector>(), services.GetRequiredService<PiiDetector>());
        Assert.Equal(6, observer.Seen.Count); // PII redact + restore, output safety, prompt-injection shield, rate limit, crisis
        Assert.All(observer.Seen, s => Assert.Equal("c1", s.ConversationId));
        Pii.AssertNoneIn(inner.AllReceivedText);
    }
}
