using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>The opt-in conversation-risk check of <see cref="CrisisDetectionChatClient"/>.</summary>
public sealed class CrisisConversationRiskTests
{
    private const string SelfHarm = "I want to kill myself tonight";

    private static readonly string[] s_turns =
    [
        "I have not been sleeping well.",
        "Work is a lot lately and I feel tired all the time.",
        "Anyway, can you help me write an email to my landlord?",
        "Thanks, that helps.",
    ];

    /// <summary>A fixed score; records what it was given.</summary>
    private sealed class FixedRisk(double score) : IConversationRiskAssessor
    {
        public List<string[]> Calls { get; } = [];

        public ConversationRiskAssessment Assess(IReadOnlyList<string> messages)
        {
            Calls.Add([.. messages]);
            return new ConversationRiskAssessment(score, messages.Count);
        }
    }

    /// <summary>A fixed score resting on a fixed number of messages.</summary>
    private sealed class PartlyReadRisk(double score, int scored) : IConversationRiskAssessor
    {
        public ConversationRiskAssessment Assess(IReadOnlyList<string> messages) => new(score, scored);
    }

    private sealed class ThrowingRisk : IConversationRiskAssessor
    {
        public ConversationRiskAssessment Assess(IReadOnlyList<string> messages) => throw new InvalidOperationException("assessor failed on: " + messages[0]);
    }

    private sealed class RecordingEscalation : ICrisisEscalation
    {
        public List<CrisisEscalationContext> Calls { get; } = [];

        public ValueTask EscalateAsync(CrisisEscalationContext context, CancellationToken cancellationToken)
        {
            Calls.Add(context);
            return ValueTask.CompletedTask;
        }
    }

    private static List<ChatMessage> Conversation(params string[] userTurns)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, "You are a helpful assistant.") };
        foreach (var turn in userTurns)
        {
            messages.Add(new ChatMessage(ChatRole.User, turn));
            messages.Add(new ChatMessage(ChatRole.Assistant, "assistant reply to: " + turn));
        }

        messages.RemoveAt(messages.Count - 1);
        return messages;
    }

    private static CrisisDetectionChatClient Guard(
        RecordingChatClient inner,
        IConversationRiskAssessor risk,
        CrisisDetectionOptions? options = null,
        RecordingEscalation? escalation = null,
        CollectingObserver? observer = null,
        FakeLogger<CrisisDetectionChatClient>? logger = null) =>
        new(inner, null, escalation, null, null, options ?? new CrisisDetectionOptions { CheckConversationRisk = true }, observer is null ? null : [observer], logger, null, risk);

    [Fact]
    public async Task Off_ByDefault_TheAssessorIsNeverCalled()
    {
        var inner = new RecordingChatClient();
        var risk = new FixedRisk(0.99);
        using var guard = Guard(inner, risk, new CrisisDetectionOptions());

        var response = await guard.GetResponseAsync(Conversation(s_turns));

        Assert.False(new CrisisDetectionOptions().CheckConversationRisk);
        Assert.Empty(risk.Calls);
        Assert.Equal(1, inner.Calls);
        Assert.Equal(GuardCategories.None, Assert.Single(response.GetGuardVerdicts()).Category);
    }

    [Fact]
    public async Task On_HighScore_ObservesAndCallsTheModel_WithoutText()
    {
        var inner = new RecordingChatClient();
        var risk = new FixedRisk(0.9);
        var observer = new CollectingObserver();
        var logger = new FakeLogger<CrisisDetectionChatClient>();
        var escalation = new RecordingEscalation();
        using var guard = Guard(inner, risk, escalation: escalation, observer: observer, logger: logger);

        var response = await guard.GetResponseAsync(Conversation(s_turns), new ChatOptions { ConversationId = "c-9" });

        Assert.Equal(1, inner.Calls);
        Assert.Equal("Thanks, that helps.", response.Text);
        Assert.Empty(escalation.Calls);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal((GuardAction.Allow, GuardCategories.CrisisRiskHistory, 0.9), (verdict.Action, verdict.Category, verdict.Score));
        Assert.Equal((verdict, "c-9"), Assert.Single(observer.Seen));
        var logged = string.Join("\n", logger.Collector.GetSnapshot().Select(r => r.Message));
        Assert.Contains("Conversation risk", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(s_turns, t => logged.Contains(t, StringComparison.Ordinal) || verdict.ToString().Contains(t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_TheAssessorReadsOnlyTheLatestUserMessages_OldestFirst()
    {
        var risk = new FixedRisk(0.1);
        using var guard = Guard(new RecordingChatClient(), risk, new CrisisDetectionOptions { CheckConversationRisk = true, ConversationRiskMessages = 3 });

        await guard.GetResponseAsync(Conversation(s_turns));

        Assert.Equal(s_turns[1..], Assert.Single(risk.Calls));
    }

    [Fact]
    public async Task On_LowScore_Allows()
    {
        var risk = new FixedRisk(0.79);
        using var guard = Guard(new RecordingChatClient(), risk);

        var response = await guard.GetResponseAsync(Conversation(s_turns));

        Assert.Single(risk.Calls);
        Assert.Equal(GuardCategories.None, Assert.Single(response.GetGuardVerdicts()).Category);
    }

    [Fact]
    public async Task On_FewerUserMessagesThanTheMinimum_NotAssessed()
    {
        var risk = new FixedRisk(0.99);
        using var guard = Guard(new RecordingChatClient(), risk);

        var response = await guard.GetResponseAsync(Conversation(s_turns[..2]));

        Assert.Empty(risk.Calls);
        Assert.Equal(GuardCategories.None, Assert.Single(response.GetGuardVerdicts()).Category);
    }

    [Fact]
    public async Task On_AcuteCrisis_EscalatesAsBefore_WithoutTheRiskCheck()
    {
        var inner = new RecordingChatClient();
        var risk = new FixedRisk(0.99);
        var escalation = new RecordingEscalation();
        using var guard = Guard(inner, risk, escalation: escalation);

        var response = await guard.GetResponseAsync(Conversation([.. s_turns[..3], SelfHarm]));

        Assert.Empty(risk.Calls);
        Assert.Equal(0, inner.Calls);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal((GuardAction.Escalate, GuardCategories.CrisisSelfHarm), (verdict.Action, verdict.Category));
        Assert.Equal([GuardCategories.CrisisSelfHarm], Assert.Single(escalation.Calls).Categories);
    }

    [Fact]
    public async Task Escalate_HighScore_EscalatesWithTheSafeReplyInEnglish()
    {
        var inner = new RecordingChatClient();
        var escalation = new RecordingEscalation();
        var options = new CrisisDetectionOptions { CheckConversationRisk = true, ConversationRiskAction = GuardAction.Escalate };
        using var guard = Guard(inner, new FixedRisk(0.85), options, escalation);

        var response = await guard.GetResponseAsync(Conversation(s_turns));

        Assert.Equal(0, inner.Calls);
        Assert.Equal(options.SafeMessages["en"], response.Text);
        var context = Assert.Single(escalation.Calls);
        Assert.Equal([GuardCategories.CrisisRiskHistory], context.Categories);
        Assert.Equal(("en", 0.85), (context.Language, context.Score));
        Assert.Null(context.Text);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal((GuardAction.Escalate, GuardCategories.CrisisRiskHistory), (verdict.Action, verdict.Category));
    }

    [Fact]
    public async Task Escalate_LowScore_CallsTheModel()
    {
        var inner = new RecordingChatClient();
        var escalation = new RecordingEscalation();
        var options = new CrisisDetectionOptions { CheckConversationRisk = true, ConversationRiskAction = GuardAction.Escalate };
        using var guard = Guard(inner, new FixedRisk(0.5), options, escalation);

        var response = await guard.GetResponseAsync(Conversation(s_turns));

        Assert.Equal(1, inner.Calls);
        Assert.Empty(escalation.Calls);
        Assert.Equal(GuardAction.Allow, Assert.Single(response.GetGuardVerdicts()).Action);
    }

    [Fact]
    public async Task Streaming_Observe_TheVerdictRidesOnTheFirstUpdate()
    {
        var inner = new RecordingChatClient { Reply = _ => ["a", "b"] };
        using var guard = Guard(inner, new FixedRisk(0.95));

        var updates = await guard.GetStreamingResponseAsync(Conversation(s_turns)).ToListAsync();

        Assert.Equal("ab", string.Concat(updates.Select(u => u.Text)));
        var verdict = Assert.Single(updates[0].GetGuardVerdicts());
        Assert.Equal((GuardAction.Allow, GuardCategories.CrisisRiskHistory), (verdict.Action, verdict.Category));
        Assert.Empty(updates[1].GetGuardVerdicts());
    }

    [Fact]
    public async Task Streaming_Escalate_YieldsOneSafeUpdate()
    {
        var inner = new RecordingChatClient();
        var options = new CrisisDetectionOptions { CheckConversationRisk = true, ConversationRiskAction = GuardAction.Escalate };
        using var guard = Guard(inner, new FixedRisk(0.95), options);

        var updates = await guard.GetStreamingResponseAsync(Conversation(s_turns)).ToListAsync();

        Assert.Equal(0, inner.Calls);
        var update = Assert.Single(updates);
        Assert.Equal(options.SafeMessages["en"], update.Text);
        Assert.Equal((GuardAction.Escalate, GuardCategories.CrisisRiskHistory), (update.GetGuardVerdicts()[0].Action, update.GetGuardVerdicts()[0].Category));
    }

    [Theory]
    [InlineData(0, 1, 0.8, GuardAction.Allow)]
    [InlineData(1001, 3, 0.8, GuardAction.Allow)]
    [InlineData(20, 0, 0.8, GuardAction.Allow)]
    [InlineData(2, 3, 0.8, GuardAction.Allow)]
    [InlineData(20, 3, 0.0, GuardAction.Allow)]
    [InlineData(20, 3, 1.5, GuardAction.Allow)]
    [InlineData(20, 3, double.NaN, GuardAction.Allow)]
    [InlineData(20, 3, 0.8, GuardAction.Block)]
    [InlineData(20, 3, 0.8, GuardAction.Modify)]
    public void Options_OutOfRange_AreRejected(int messages, int minimum, double threshold, GuardAction action)
    {
        var options = new CrisisDetectionOptions
        {
            ConversationRiskMessages = messages,
            ConversationRiskMinimumMessages = minimum,
            ConversationRiskThreshold = threshold,
            ConversationRiskAction = action,
        };

        var e = Assert.Throws<ArgumentException>(() => new CrisisDetectionChatClient(new RecordingChatClient(), options: options));
        Assert.Contains("ConversationRisk", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults()
    {
        var options = new CrisisDetectionOptions();
        Assert.Equal((false, 20, 3, 0.80, GuardAction.Allow), (options.CheckConversationRisk, options.ConversationRiskMessages, options.ConversationRiskMinimumMessages, options.ConversationRiskThreshold, options.ConversationRiskAction));
        Assert.Null(options.Validate());
    }

    [Fact]
    public async Task Services_TheRegisteredAssessorIsUsedWhenTheCheckIsOn()
    {
        var risk = new FixedRisk(0.9);
        var services = new ServiceCollection().AddSingleton<IConversationRiskAssessor>(risk).BuildServiceProvider();
        var inner = new RecordingChatClient();
        using var client = new ChatClientBuilder(inner).UseCrisisDetection(new CrisisDetectionOptions { CheckConversationRisk = true }).Build(services);

        var response = await client.GetResponseAsync(Conversation(s_turns));

        Assert.Single(risk.Calls);
        Assert.Equal(GuardCategories.CrisisRiskHistory, Assert.Single(response.GetGuardVerdicts()).Category);
    }

    [Fact]
    public async Task Services_TheRegisteredAssessorIsUsedWhenTheCheckIsTurnedOnAfterBuild()
    {
        // The options are kept by reference: turning the check on later must still use the app's assessor.
        var risk = new FixedRisk(0.9);
        var services = new ServiceCollection().AddSingleton<IConversationRiskAssessor>(risk).BuildServiceProvider();
        var options = new CrisisDetectionOptions();
        using var client = new ChatClientBuilder(new RecordingChatClient()).UseCrisisDetection(options).Build(services);
        options.CheckConversationRisk = true;

        var response = await client.GetResponseAsync(Conversation(s_turns));

        Assert.Single(risk.Calls);
        Assert.Equal(GuardCategories.CrisisRiskHistory, Assert.Single(response.GetGuardVerdicts()).Category);
    }

    [Fact]
    public void AddNonprofitGuards_RegistersTheDefaultAssessor()
    {
        using var services = new ServiceCollection().AddLogging().AddNonprofitGuards().BuildServiceProvider();

        Assert.Same(ConversationRiskAssessor.Default, services.GetRequiredService<IConversationRiskAssessor>());
    }

    [Fact]
    public async Task DefaultAssessor_EndToEnd_ObservesAHopelessHistoryButNotOrdinaryQuestions()
    {
        // Own text; no single message is an acute crisis for the per-message detector.
        string[] hopeless =
        [
            "I don't really know why I'm writing this. Everything has felt pointless for months.",
            "I stopped going to classes and I mostly stay in bed. I'm so tired of pretending to be fine.",
            "I feel like a burden to my family and honestly I think they would be better off without me.",
            "Sorry for dumping all this on you.",
        ];
        string[] ordinary =
        [
            "Hello, what documents do I need to register my child for school?",
            "Is the clinic open on Saturday mornings?",
            "Thanks. And can I pay the fee in two parts?",
        ];
        // Short chats score closer to the middle than the Reddit histories the model learnt from (docs/guards.md): an app
        // that wants such four-message conversations observed lowers the threshold from the conservative default 0.80.
        var options = new CrisisDetectionOptions { CheckConversationRisk = true, ConversationRiskThreshold = 0.5 };
        using var guard = new CrisisDetectionChatClient(new RecordingChatClient(), options: options);

        var risky = Assert.Single((await guard.GetResponseAsync(Conversation(hopeless))).GetGuardVerdicts());
        var calm = Assert.Single((await guard.GetResponseAsync(Conversation(ordinary))).GetGuardVerdicts());

        Assert.Equal((GuardAction.Allow, GuardCategories.CrisisRiskHistory), (risky.Action, risky.Category));
        Assert.InRange(risky.Score, 0.5, 1);
        Assert.Equal(GuardCategories.None, calm.Category);
        Assert.InRange(ConversationRiskAssessor.Default.Assess(ordinary).Score, 0, 0.5);
    }

    [Fact]
    public async Task On_FewerMessagesReadThanTheMinimum_NoVerdict()
    {
        using var guard = Guard(new RecordingChatClient(), new PartlyReadRisk(0.99, 2));
        var response = await guard.GetResponseAsync(Conversation(s_turns));
        Assert.Equal(GuardCategories.None, Assert.Single(response.GetGuardVerdicts()).Category);

        using var enough = Guard(new RecordingChatClient(), new PartlyReadRisk(0.99, 3));
        response = await enough.GetResponseAsync(Conversation(s_turns));
        Assert.Equal(GuardCategories.CrisisRiskHistory, Assert.Single(response.GetGuardVerdicts()).Category);
    }

    [Fact]
    public async Task On_DefaultAssessor_BlankAndNonEnglishMessagesDoNotCountTowardTheMinimum()
    {
        // The real assessor reads one English message here: no verdict even at the lowest threshold.
        var options = new CrisisDetectionOptions { CheckConversationRisk = true, ConversationRiskThreshold = 0.01 };
        using var guard = Guard(new RecordingChatClient(), ConversationRiskAssessor.Default, options);
        var turns = new[] { "   ", "Pouvez-vous m'aider à écrire une lettre à notre propriétaire pour la réparation du chauffage ?", "Thanks, that helps a lot with the letter." };
        Assert.Equal(1, ConversationRiskAssessor.Default.Assess(turns).MessagesScored);

        var response = await guard.GetResponseAsync(Conversation(turns));

        Assert.Equal(GuardCategories.None, Assert.Single(response.GetGuardVerdicts()).Category);
    }

    [Fact]
    public async Task Escalate_HighScore_AnswersInEnglish_EvenWhenAFrenchRuleFiredBelowItsThreshold()
    {
        const string french = "je veux mourir";
        var options = new CrisisDetectionOptions { CheckConversationRisk = true, ConversationRiskAction = GuardAction.Escalate, Threshold = 1.0 };
        var detection = CrisisDetector.Instance.Detect(french, out var language);
        Assert.Equal("fr", language);
        Assert.InRange(detection.Score, 0.01, 0.999);
        var escalation = new RecordingEscalation();
        using var guard = Guard(new RecordingChatClient(), new FixedRisk(0.9), options, escalation);

        var response = await guard.GetResponseAsync(Conversation([.. s_turns[..3], french]));

        Assert.Equal(options.SafeMessages["en"], response.Text);
        Assert.Equal("en", Assert.Single(escalation.Calls).Language);
    }

    [Fact]
    public async Task TurnedOnAfterConstruction_UsesTheDefaultAssessor()
    {
        var options = new CrisisDetectionOptions();
        using var guard = new CrisisDetectionChatClient(new RecordingChatClient(), options: options);
        options.CheckConversationRisk = true;
        options.ConversationRiskThreshold = 0.01;

        var response = await guard.GetResponseAsync(Conversation(s_turns));

        Assert.Equal(GuardCategories.CrisisRiskHistory, Assert.Single(response.GetGuardVerdicts()).Category);
    }

    [Theory]
    [InlineData(GuardAction.Allow)]
    [InlineData(GuardAction.Escalate)]
    public async Task ThrowingAssessor_TheRequestGoesOn_WithoutTheVerdict_LoggingTheTypeOnly(GuardAction action)
    {
        var inner = new RecordingChatClient();
        var logger = new FakeLogger<CrisisDetectionChatClient>();
        var options = new CrisisDetectionOptions { CheckConversationRisk = true, ConversationRiskAction = action };
        using var guard = Guard(inner, new ThrowingRisk(), options, logger: logger);

        var response = await guard.GetResponseAsync(Conversation(s_turns));

        Assert.Equal(1, inner.Calls);
        Assert.Equal(GuardCategories.None, Assert.Single(response.GetGuardVerdicts()).Category);
        var logged = string.Join("\n", logger.Collector.GetSnapshot().Select(r => r.Message));
        Assert.Contains(nameof(InvalidOperationException), logged, StringComparison.Ordinal);
        Assert.DoesNotContain(s_turns, t => logged.Contains(t, StringComparison.Ordinal));
    }
}
