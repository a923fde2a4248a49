using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards.Tests.Crisis;

public sealed class CrisisDetectionChatClientTests
{
    private const string SelfHarm = "I want to kill myself tonight";
    private const string Benign = "When should I plant beans after the first rains?";

    private sealed class RecordingEscalation : ICrisisEscalation
    {
        public List<CrisisEscalationContext> Calls { get; } = [];

        public Exception? Throw { get; init; }

        public ValueTask EscalateAsync(CrisisEscalationContext context, CancellationToken cancellationToken)
        {
            Calls.Add(context);
            return Throw is null ? ValueTask.CompletedTask : ValueTask.FromException(Throw);
        }
    }

    private sealed class FixedLanguage(string language, string? script = null) : ILanguageIdentifier
    {
        public LanguageIdentification Identify(ReadOnlySpan<char> text) => new(language, script, 0.9);
    }

    private static CrisisDetectionChatClient Guard(
        RecordingChatClient inner,
        RecordingEscalation? escalation = null,
        CrisisDetectionOptions? options = null,
        ILanguageIdentifier? language = null,
        IHelplineDirectory? helplines = null,
        CollectingObserver? observer = null,
        FakeLogger<CrisisDetectionChatClient>? logger = null) =>
        new(inner, null, escalation, helplines, language, options, observer is null ? null : [observer], logger);

    [Fact]
    public async Task GetResponseAsync_Benign_CallsTheModelAndAllows()
    {
        var inner = new RecordingChatClient();
        var escalation = new RecordingEscalation();
        using var guard = Guard(inner, escalation);

        var response = await guard.GetResponseAsync(Benign);

        Assert.Equal(1, inner.Calls);
        Assert.Equal(Benign, response.Text);
        Assert.Empty(escalation.Calls);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal((CrisisDetectionChatClient.GuardName, GuardAction.Allow, GuardCategories.None), (verdict.Guard, verdict.Action, verdict.Category));
    }

    [Fact]
    public async Task GetResponseAsync_Crisis_EscalatesOnceWithoutTextAndAnswersSafely()
    {
        var inner = new RecordingChatClient();
        var escalation = new RecordingEscalation();
        var observer = new CollectingObserver();
        using var guard = Guard(inner, escalation, observer: observer);

        var response = await guard.GetResponseAsync([new ChatMessage(ChatRole.User, SelfHarm)], new ChatOptions { ConversationId = "c-7" });

        Assert.Equal(0, inner.Calls);
        Assert.Equal(new CrisisDetectionOptions().SafeMessages["en"], response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        var context = Assert.Single(escalation.Calls);
        Assert.Null(context.Text);
        Assert.Equal([GuardCategories.CrisisSelfHarm], context.Categories);
        Assert.Equal(("en", "c-7"), (context.Language, context.ConversationId));
        Assert.InRange(context.Score, 0.5, 1);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal((GuardAction.Escalate, GuardCategories.CrisisSelfHarm), (verdict.Action, verdict.Category));
        Assert.Same(verdict, Assert.Single(observer.Seen).Verdict);
    }

    [Fact]
    public async Task GetResponseAsync_TextOptIn_PassesTheTextToTheEscalation()
    {
        var escalation = new RecordingEscalation();
        using var guard = Guard(new RecordingChatClient(), escalation, new CrisisDetectionOptions { IncludeTextInEscalation = true });

        await guard.GetResponseAsync(SelfHarm);

        Assert.Equal(SelfHarm, Assert.Single(escalation.Calls).Text);
    }

    [Fact]
    public async Task GetResponseAsync_EscalationThrows_StillAnswersSafelyAndLogsNoText()
    {
        var logger = new FakeLogger<CrisisDetectionChatClient>();
        var escalation = new RecordingEscalation { Throw = new InvalidOperationException("pager down: " + SelfHarm) };
        using var guard = Guard(new RecordingChatClient(), escalation, logger: logger);

        var response = await guard.GetResponseAsync(SelfHarm);

        Assert.Equal(new CrisisDetectionOptions().SafeMessages["en"], response.Text);
        Assert.Single(escalation.Calls);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Id == 7102 && r.Message.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
        Assert.All(logger.Collector.GetSnapshot(), r => Assert.DoesNotContain("kill", r.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task GetResponseAsync_EscalationHangs_AnswersAfterTheTimeout()
    {
        var hanging = new HangingEscalation();
        using var guard = new CrisisDetectionChatClient(
            new RecordingChatClient(), escalation: hanging, options: new CrisisDetectionOptions { EscalationTimeout = TimeSpan.FromMilliseconds(50) });

        var response = await guard.GetResponseAsync(SelfHarm);

        Assert.Equal(new CrisisDetectionOptions().SafeMessages["en"], response.Text);

        // The guard cancels the escalation's token at the timeout and answers without waiting for the escalation to
        // acknowledge it: the escalation's own catch may run a moment after the reply (it did under CI load), so wait
        // for it with a bound instead of reading a flag at once.
        await hanging.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class HangingEscalation : ICrisisEscalation
    {
        private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Cancelled => _cancelled.Task;

        public async ValueTask EscalateAsync(CrisisEscalationContext context, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                _cancelled.TrySetResult();
                throw;
            }
        }
    }

    [Theory]
    [InlineData("Je veux mourir, je n'en peux plus", "fr")]
    [InlineData("Quiero quitarme la vida", "es")]
    [InlineData("Não quero mais viver", "pt")]
    [InlineData("Nataka kujiua", "sw")]
    [InlineData("मैं मरना चाहती हूँ", "hi")]
    [InlineData("Main marna chahti hoon", "hi-Latn")]
    [InlineData("أفكر في الانتحار", "ar")]
    [InlineData("Ich will nicht mehr leben", "de")]
    public async Task GetResponseAsync_NoLanguageIdentifier_AnswersInTheLanguageOfTheRuleThatFired(string text, string key)
    {
        var escalation = new RecordingEscalation();
        using var guard = Guard(new RecordingChatClient(), escalation);

        var response = await guard.GetResponseAsync(text);

        Assert.Equal(new CrisisDetectionOptions().SafeMessages[key], response.Text);
        Assert.Equal(key[..2], Assert.Single(escalation.Calls).Language);
    }

    [Fact]
    public async Task GetResponseAsync_LanguageIdentifier_DecidesTheLanguageAndUnknownOnesFallBackToEnglish()
    {
        using var german = Guard(new RecordingChatClient(), language: new FixedLanguage("de"));
        using var italian = Guard(new RecordingChatClient(), language: new FixedLanguage("it"));
        var options = new CrisisDetectionOptions();
        options.SafeMessages["it"] = "Sono preoccupato per te.";
        using var configured = Guard(new RecordingChatClient(), options: options, language: new FixedLanguage("it"));

        Assert.Equal(options.SafeMessages["de"], (await german.GetResponseAsync(SelfHarm)).Text);
        Assert.Equal(options.SafeMessages["en"], (await italian.GetResponseAsync(SelfHarm)).Text);
        Assert.Equal("Sono preoccupato per te.", (await configured.GetResponseAsync(SelfHarm)).Text);
    }

    [Fact]
    public async Task GetResponseAsync_Helplines_AreListedForTheUsersCountryAndLanguage()
    {
        var directory = new InMemoryHelplineDirectory()
            .Add(new Helpline("Ligne d'écoute") { Phone = "+33 1 00 00 00 00", Hours = "24/7" }, country: "FR", languages: ["fr"])
            .Add(new Helpline("Kenya line") { Phone = "+254 000" }, country: "KE")
            .Add(new Helpline("Everywhere chat") { Url = "https://example.org/chat" }, categories: [GuardCategories.CrisisSelfHarm]);
        using var guard = Guard(new RecordingChatClient(), helplines: directory);
        var options = new ChatOptions { AdditionalProperties = new() { [CrisisDetectionOptions.DefaultCountryKey] = "FR" } };

        var response = await guard.GetResponseAsync([new ChatMessage(ChatRole.User, "Je veux mourir")], options);

        Assert.StartsWith(new CrisisDetectionOptions().SafeMessages["fr"], response.Text, StringComparison.Ordinal);
        Assert.Contains("De l'aide près de chez vous :\n- Ligne d'écoute · +33 1 00 00 00 00 · 24/7\n- Everywhere chat · https://example.org/chat", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kenya", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Crisis_YieldsOneSafeUpdateWithTheVerdict()
    {
        var inner = new RecordingChatClient();
        var escalation = new RecordingEscalation();
        using var guard = Guard(inner, escalation);

        var updates = await guard.GetStreamingResponseAsync(SelfHarm).ToListAsync();

        Assert.Equal(0, inner.Calls);
        var update = Assert.Single(updates);
        Assert.Equal(new CrisisDetectionOptions().SafeMessages["en"], update.Text);
        Assert.Equal(ChatFinishReason.Stop, update.FinishReason);
        Assert.Equal(GuardAction.Escalate, Assert.Single(update.GetGuardVerdicts()).Action);
        Assert.Single(escalation.Calls);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Benign_PassesThroughWithTheVerdictOnTheFirstUpdate()
    {
        var inner = new RecordingChatClient { Reply = _ => ["a", "b", "c"] };
        using var guard = Guard(inner);

        var updates = await guard.GetStreamingResponseAsync(Benign).ToListAsync();

        Assert.Equal("abc", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(GuardAction.Allow, Assert.Single(updates[0].GetGuardVerdicts()).Action);
        Assert.Empty(updates[1].GetGuardVerdicts());
    }

    [Fact]
    public async Task CallModel_SafeReplyComesFirstThenTheModel()
    {
        var inner = new RecordingChatClient { Reply = _ => ["model ", "reply"] };
        var options = new CrisisDetectionOptions { CallModel = true };
        using var guard = Guard(inner, options: options);

        var response = await guard.GetResponseAsync(SelfHarm);
        var updates = await guard.GetStreamingResponseAsync(SelfHarm).ToListAsync();

        Assert.Equal(2, inner.Calls);
        Assert.Equal([options.SafeMessages["en"], "model reply"], response.Messages.Select(m => m.Text));
        Assert.Equal(GuardAction.Escalate, Assert.Single(response.GetGuardVerdicts()).Action);
        Assert.Equal(options.SafeMessages["en"], updates[0].Text);
        Assert.Equal("model reply", string.Concat(updates.Skip(1).Select(u => u.Text)));
    }

    [Fact]
    public async Task UserMessagesToCheck_WidensTheWindowToEarlierUserMessages()
    {
        ChatMessage[] history =
        [
            new(ChatRole.User, SelfHarm),
            new(ChatRole.Assistant, "I hear you."),
            new(ChatRole.User, "ok"),
        ];
        using var latestOnly = Guard(new RecordingChatClient());
        using var lastTwo = Guard(new RecordingChatClient(), options: new CrisisDetectionOptions { UserMessagesToCheck = 2 });

        Assert.Equal(GuardAction.Allow, Assert.Single((await latestOnly.GetResponseAsync(history)).GetGuardVerdicts()).Action);
        Assert.Equal(GuardAction.Escalate, Assert.Single((await lastTwo.GetResponseAsync(history)).GetGuardVerdicts()).Action);
    }

    [Fact]
    public async Task UserMessagesToCheck_AtIntMaxValue_ChecksEveryUserMessageWithoutReservingThatMuch()
    {
        // "Check them all": the window must not size a buffer from the option (it threw OutOfMemoryException).
        ChatMessage[] history =
        [
            new(ChatRole.User, SelfHarm),
            new(ChatRole.Assistant, "I hear you."),
            new(ChatRole.User, "ok"),
            new(ChatRole.User, "thanks"),
        ];
        using var all = Guard(new RecordingChatClient(), options: new CrisisDetectionOptions { UserMessagesToCheck = int.MaxValue });
        using var allWithRisk = Guard(
            new RecordingChatClient(),
            options: new CrisisDetectionOptions { UserMessagesToCheck = int.MaxValue, CheckConversationRisk = true });

        Assert.Equal(GuardAction.Escalate, Assert.Single((await all.GetResponseAsync(history)).GetGuardVerdicts()).Action);
        Assert.Equal(GuardAction.Escalate, Assert.Single((await allWithRisk.GetResponseAsync(history)).GetGuardVerdicts()).Action);
    }

    [Fact]
    public async Task Threshold_AboveTheScore_Allows()
    {
        using var strict = Guard(new RecordingChatClient(), options: new CrisisDetectionOptions { Threshold = 1 });

        Assert.Equal(GuardAction.Allow, Assert.Single((await strict.GetResponseAsync(SelfHarm)).GetGuardVerdicts()).Action);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(1.5, 1)]
    [InlineData(0.5, 0)]
    public void Constructor_InvalidOptions_Throw(double threshold, int messages)
    {
        var options = new CrisisDetectionOptions { Threshold = threshold, UserMessagesToCheck = messages };

        Assert.Throws<ArgumentException>(() => new CrisisDetectionChatClient(new RecordingChatClient(), options: options));
    }

    [Fact]
    public async Task DependencyInjection_DefaultsAndAppServices_AreUsedByUseNonprofitGuards()
    {
        var escalation = new RecordingEscalation();
        using var services = new ServiceCollection()
            .AddSingleton<ICrisisEscalation>(escalation)
            .AddSingleton<IHelplineDirectory>(new InMemoryHelplineDirectory().Add(new Helpline("Local line") { Phone = "000" }))
            .AddNonprofitGuards()
            .BuildServiceProvider();
        var inner = new RecordingChatClient();
        using var client = new ChatClientBuilder(inner).UseNonprofitGuards().Build(services);

        var response = await client.GetResponseAsync(SelfHarm);

        Assert.IsType<CrisisDetector>(services.GetRequiredService<ICrisisDetector>());
        Assert.Equal(0, inner.Calls);
        Assert.Single(escalation.Calls);
        Assert.Contains("Local line · 000", response.Text, StringComparison.Ordinal);
        Assert.Contains(response.GetGuardVerdicts(), v => v.Guard == CrisisDetectionChatClient.GuardName && v.Action == GuardAction.Escalate);
    }

    [Fact]
    public async Task DependencyInjection_AppDetector_ReplacesTheDefault()
    {
        using var services = new ServiceCollection()
            .AddSingleton<ICrisisDetector>(new NeverDetector())
            .AddNonprofitGuards()
            .BuildServiceProvider();
        var inner = new RecordingChatClient();
        using var client = new ChatClientBuilder(inner).UseCrisisDetection().Build(services);

        await client.GetResponseAsync(SelfHarm);

        Assert.IsType<NeverDetector>(services.GetRequiredService<ICrisisDetector>());
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task NonprofitGuardsOptions_CrisisNull_LeavesTheGuardOut()
    {
        var inner = new RecordingChatClient();
        using var client = new ChatClientBuilder(inner).UseNonprofitGuards(new NonprofitGuardsOptions { Crisis = null }).Build();

        var response = await client.GetResponseAsync(SelfHarm);

        Assert.Equal(1, inner.Calls);
        Assert.DoesNotContain(response.GetGuardVerdicts(), v => v.Guard == CrisisDetectionChatClient.GuardName);
    }

    private sealed class NeverDetector : ICrisisDetector
    {
        public GuardDetection Detect(ReadOnlySpan<char> text) => GuardDetection.None;
    }
}
