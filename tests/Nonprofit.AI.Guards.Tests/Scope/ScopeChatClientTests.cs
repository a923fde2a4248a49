using CsCheck;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards.Tests.Scope;

public sealed class ScopeChatClientTests
{
    /// <summary>A farming app with examples in a few languages (the tests' own texts).</summary>
    private static ScopeOptions Farming(Action<ScopeOptions>? configure = null)
    {
        var options = new ScopeOptions
        {
            Topics =
            [
                new ScopeTopic
                {
                    Name = "crops",
                    Description = "crops planting seeds harvest maize beans; semis récolte maïs haricots; kupanda mavuno mahindi maharagwe",
                    Examples = ["When should I plant maize?", "Quand semer le maïs ?", "Ni lini nipande mahindi?", "How much fertiliser for one acre of maize?"],
                },
                new ScopeTopic
                {
                    Name = "livestock",
                    Description = "cows goats chickens milk vaccination; vaches chèvres poules lait; ng'ombe mbuzi kuku maziwa",
                    Examples = ["My cow gives less milk", "Mes poules ne pondent plus", "Ng'ombe wangu ana homa"],
                },
            ],
            OutOfScopeExamples = ["Who won the football match?"],
        };
        configure?.Invoke(options);
        return options;
    }

    private sealed class FixedLanguage(string language, string? script = null) : ILanguageIdentifier
    {
        public LanguageIdentification Identify(ReadOnlySpan<char> text) => new(language, script, 0.9);
    }

    /// <summary>In scope when the text mentions maize: makes the follow-up rules testable on their own.</summary>
    private sealed class MaizeOnly : IScopeClassifier
    {
        public GuardDetection Detect(ReadOnlySpan<char> text) =>
            text.Contains("maize", StringComparison.OrdinalIgnoreCase) ? GuardDetection.None : new([new GuardFinding(GuardCategories.ScopeOffTopic, 0.8)]);
    }

    private static async Task<List<ChatResponseUpdate>> StreamAsync(ScopeChatClient client, IEnumerable<ChatMessage> messages)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync(messages))
        {
            list.Add(u);
        }

        return list;
    }

    private static List<ChatMessage> Turns(params string[] userTexts) =>
        [.. userTexts.SelectMany((t, i) => i == 0 ? new[] { new ChatMessage(ChatRole.User, t) } : [new ChatMessage(ChatRole.Assistant, "…"), new ChatMessage(ChatRole.User, t)])];

    [Theory]
    [InlineData("When is the right time to plant beans?")]
    [InlineData("Quand faut-il récolter le mais ?")]
    [InlineData("Mahindi yangu yanahitaji mbolea gani?")]
    [InlineData("How much fertilizer should I use for maize?")]
    public async Task GetResponseAsync_InScope_CallsTheModelWithAnAllowVerdict(string question)
    {
        var model = new RecordingChatClient();
        using var client = new ScopeChatClient(model, Farming());

        var response = await client.GetResponseAsync(question);

        Assert.Equal(1, model.Calls);
        Assert.Equal(question, response.Text);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal((ScopeChatClient.GuardName, GuardAction.Allow, GuardCategories.None), (verdict.Guard, verdict.Action, verdict.Category));
    }

    [Theory]
    [InlineData("Who is the best tennis player of all time?")]
    [InlineData("Écris-moi un poème sur la mer")]
    [InlineData("Can you write a Python program that sorts a list?")]
    public async Task GetResponseAsync_OffTopic_RefusesWithoutCallingTheModel(string question)
    {
        var model = new RecordingChatClient();
        var observer = new CollectingObserver();
        using var client = new ScopeChatClient(model, Farming(), observers: [observer]);

        var response = await client.GetResponseAsync(question, new ChatOptions { ConversationId = "c" });

        Assert.Equal(0, model.Calls);
        Assert.Equal(ScopeOptions.DefaultRefusals["en"], response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal((GuardAction.Block, GuardCategories.ScopeOffTopic), (verdict.Action, verdict.Category));
        Assert.InRange(verdict.Score, 0.5, 1);
        Assert.Equal([(verdict, (string?)"c")], observer.Seen);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_OffTopic_OneRefusalUpdateWithTheVerdict()
    {
        var model = new RecordingChatClient();
        using var client = new ScopeChatClient(model, Farming(), languageIdentifier: new FixedLanguage("fr"));

        var updates = await StreamAsync(client, Turns("Écris-moi un poème sur la mer"));

        Assert.Equal(0, model.Calls);
        var update = Assert.Single(updates);
        Assert.Equal(ScopeOptions.DefaultRefusals["fr"], update.Text);
        Assert.Equal(ChatFinishReason.Stop, update.FinishReason);
        Assert.Equal(GuardCategories.ScopeOffTopic, Assert.Single(update.GetGuardVerdicts()).Category);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_InScope_StreamsTheModelWithTheVerdictOnTheFirstUpdate()
    {
        var model = new RecordingChatClient { Reply = _ => ["Plant ", "after ", "the rains."] };
        using var client = new ScopeChatClient(model, Farming());

        var updates = await StreamAsync(client, Turns("When should I plant my maize?"));

        Assert.Equal("Plant after the rains.", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(GuardAction.Allow, Assert.Single(updates[0].GetGuardVerdicts()).Action);
        Assert.All(updates.Skip(1), u => Assert.Empty(u.GetGuardVerdicts()));
    }

    [Theory]
    [InlineData("fr", null, "fr")]
    [InlineData("sw", null, "sw")]
    [InlineData("hi", "Deva", "hi")]
    [InlineData("hi", "Latn", "hi-Latn")]
    [InlineData("ar", "Arab", "ar")]
    [InlineData("de", null, "de")]
    [InlineData("xx", null, "en")]
    [InlineData("unknown", null, "en")]
    public async Task Refusal_IsInTheUsersLanguage_WithEnglishAsFallback(string language, string? script, string expectedKey)
    {
        using var client = new ScopeChatClient(new RecordingChatClient(), Farming(), languageIdentifier: new FixedLanguage(language, script));

        var response = await client.GetResponseAsync("Who is the best tennis player of all time?");

        Assert.Equal(ScopeOptions.DefaultRefusals[expectedKey], response.Text);
    }

    [Fact]
    public async Task Refusal_ConfiguredPerLanguage_IsUsed()
    {
        var options = Farming();
        options.Refusals["fr"] = "Je ne parle que d'agriculture.";
        using var client = new ScopeChatClient(new RecordingChatClient(), options, languageIdentifier: new FixedLanguage("fr"));

        var response = await client.GetResponseAsync("Écris-moi un poème sur la mer");

        Assert.Equal("Je ne parle que d'agriculture.", response.Text);
    }

    [Fact]
    public async Task FlagMode_OffTopic_CallsTheModelAndReportsIt()
    {
        var model = new RecordingChatClient();
        using var client = new ScopeChatClient(model, Farming(o => o.Mode = ScopeMode.Flag));

        var response = await client.GetResponseAsync("Who is the best tennis player of all time?");
        var updates = await StreamAsync(client, Turns("Who is the best tennis player of all time?"));

        Assert.Equal(2, model.Calls);
        Assert.Equal("Who is the best tennis player of all time?", response.Text);
        Assert.Equal((GuardAction.Allow, GuardCategories.ScopeOffTopic), (response.GetGuardVerdicts()[0].Action, response.GetGuardVerdicts()[0].Category));
        Assert.Equal(GuardCategories.ScopeOffTopic, updates[0].GetGuardVerdicts()[0].Category);
    }

    [Theory]
    [InlineData("Hello!")]
    [InlineData("ok merci")]
    [InlineData("Asante sana")]
    [InlineData("नमस्ते")]
    [InlineData("Vielen Dank")]
    [InlineData("Can you help me?")]
    [InlineData("🙏")]
    public async Task SmallTalk_IsInScopeByDefault(string text)
    {
        var model = new RecordingChatClient();
        using var client = new ScopeChatClient(model, Farming());

        var response = await client.GetResponseAsync(text);

        Assert.Equal(GuardAction.Allow, response.GetGuardVerdicts()[0].Action);
        Assert.Equal(1, model.Calls);
    }

    [Theory]
    [InlineData("Hello!")]
    [InlineData("Vielen Dank")]
    public async Task SmallTalk_TurnedOff_IsJudgedLikeAnyMessage(string text)
    {
        using var client = new ScopeChatClient(new RecordingChatClient(), Farming(o => o.AllowSmallTalk = false));

        var response = await client.GetResponseAsync(text);

        Assert.Equal(GuardAction.Block, response.GetGuardVerdicts()[0].Action);
    }

    [Fact]
    public async Task SmallTalk_InALongerOffTopicMessage_IsRefused()
    {
        using var client = new ScopeChatClient(new RecordingChatClient(), Farming());

        var response = await client.GetResponseAsync("Hello, can you tell me who won the tennis final and what the score was?");

        Assert.Equal(GuardAction.Block, response.GetGuardVerdicts()[0].Action);
    }

    [Theory]
    [InlineData(new[] { "When should I plant maize?", "and for beans?" }, true, GuardAction.Allow)]
    [InlineData(new[] { "and for beans?" }, true, GuardAction.Block)]
    [InlineData(new[] { "Who won the match?", "and for beans?" }, true, GuardAction.Block)]
    [InlineData(new[] { "When should I plant maize?", "and what about the football results this weekend?" }, true, GuardAction.Block)]
    [InlineData(new[] { "When should I plant maize?", "and for beans?" }, false, GuardAction.Block)]
    public async Task ShortFollowUp_AfterAnInScopeQuestion_IsInScope(string[] turns, bool allowFollowUps, GuardAction expected)
    {
        using var client = new ScopeChatClient(new RecordingChatClient(), Farming(o => o.AllowShortFollowUps = allowFollowUps), new MaizeOnly());

        var response = await client.GetResponseAsync(Turns(turns));
        var updates = await StreamAsync(client, Turns(turns));

        Assert.Equal(expected, response.GetGuardVerdicts()[0].Action);
        Assert.Equal(expected, updates[0].GetGuardVerdicts()[0].Action);
    }

    [Fact]
    public async Task OnlyUserMessagesAreClassified()
    {
        var model = new RecordingChatClient();
        using var client = new ScopeChatClient(model, Farming(), new MaizeOnly());
        List<ChatMessage> messages =
        [
            new(ChatRole.System, "You are a football pundit."),
            new(ChatRole.User, "Is it too late to plant maize?"),
            new(ChatRole.Assistant, "Who won the match?"),
        ];

        var response = await client.GetResponseAsync(messages);

        Assert.Equal(GuardAction.Allow, response.GetGuardVerdicts()[0].Action);
        Assert.Equal(1, model.Calls);
    }

    [Fact]
    public void Options_Invalid_AreRejectedWithTheirReason()
    {
        Assert.Contains("Topics", Assert.Throws<ArgumentException>(() => new SimilarityScopeClassifier(new ScopeOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("Threshold", Assert.Throws<ArgumentException>(() => new ScopeChatClient(new RecordingChatClient(), Farming(o => o.Threshold = double.NaN))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SimilarityScopeClassifier(new ScopeOptions { Topics = [new ScopeTopic { Name = "empty" }] }));
        Assert.Throws<ArgumentException>(() => new SimilarityScopeClassifier(Farming(o => o.FollowUpMaxWords = 0)));
        Assert.Throws<ArgumentNullException>(() => new ScopeChatClient(new RecordingChatClient(), null!));
    }

    [Fact]
    public void Classifier_AnyText_GivesNoneOrOneOffTopicFindingInRange()
    {
        var classifier = new SimilarityScopeClassifier(Farming());

        Gen.String.Sample(text =>
        {
            var detection = classifier.Detect(text);
            Assert.True(detection.IsEmpty || (detection.Findings.Count == 1 && detection.Category == GuardCategories.ScopeOffTopic && detection.Score is > 0 and <= 1));
        }, iter: 2000);
    }

    [Fact]
    public void Classifier_LongMessage_SameDecisionAsAShortOneWithTheSameWords()
    {
        var classifier = new SimilarityScopeClassifier(Farming());
        var longText = string.Concat(Enumerable.Repeat("When should I plant my maize and beans this season? ", 60));

        Assert.True(longText.Length > 2048);
        Assert.True(classifier.Detect(longText).IsEmpty);
        Assert.False(classifier.Detect(string.Concat(Enumerable.Repeat("Who is the best tennis player of all time? ", 60))).IsEmpty);
    }

    [Fact]
    public async Task DependencyInjection_ScopeOptions_AddsTheGuardToTheStackAndTheClassifier()
    {
        var model = new RecordingChatClient();
        var services = new ServiceCollection()
            .AddNonprofitGuards(o => o.ScopeOptions = Farming())
            .AddSingleton<ILanguageIdentifier>(new FixedLanguage("sw"))
            .BuildServiceProvider();
        using var client = new ChatClientBuilder(model).UseNonprofitGuards().Build(services);

        var refused = await client.GetResponseAsync("Who is the best tennis player of all time?");
        var allowed = await client.GetResponseAsync("When should I plant maize?");

        Assert.Equal(ScopeOptions.DefaultRefusals["sw"], refused.Text);
        Assert.Equal(["scope:scope.off_topic", "prompt_injection:none", "rate_limit:none", "crisis_detection:none"], refused.GetGuardVerdicts().Select(v => v.Guard + ":" + v.Category));
        Assert.Contains(allowed.GetGuardVerdicts(), v => v.Guard == ScopeChatClient.GuardName && v.Action == GuardAction.Allow);
        Assert.Equal(1, model.Calls);
        var classifier = services.GetRequiredService<IScopeClassifier>();
        Assert.False(classifier.Detect("Who is the best tennis player of all time?").IsEmpty);
        Assert.Same(services.GetRequiredService<IOptions<NonprofitGuardsOptions>>().Value.ScopeOptions, Assert.IsType<SimilarityScopeClassifier>(classifier).Options);
    }

    [Fact]
    public void DependencyInjection_InvalidScopeOptions_FailValidation()
    {
        var services = new ServiceCollection().AddNonprofitGuards(o => o.ScopeOptions = new ScopeOptions()).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<NonprofitGuardsOptions>>().Value);
        Assert.Contains(e.Failures, f => f.Contains("ScopeOptions.Topics", StringComparison.Ordinal));
    }

    [Fact]
    public void DependencyInjection_NoScopeConfigured_TheClassifierSaysSoClearly()
    {
        var services = new ServiceCollection().AddNonprofitGuards().BuildServiceProvider();

        var e = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IScopeClassifier>().Detect("hello"));
        Assert.Contains("ScopeOptions", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseScope_RegisteredClassifier_IsUsed()
    {
        var services = new ServiceCollection().AddSingleton<IScopeClassifier>(new MaizeOnly()).BuildServiceProvider();
        using var client = new ChatClientBuilder(new RecordingChatClient()).UseScope(Farming()).Build(services);

        var response = await client.GetResponseAsync("When should I plant beans?");

        Assert.Equal(GuardAction.Block, response.GetGuardVerdicts()[0].Action);
    }
}
