using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Nonprofit.AI.Guards.Tests.Language;

public sealed class LanguageMatchingChatClientTests
{
    private const string French = "Bonjour, mon téléphone ne s'allume plus depuis hier, que puis-je faire ?";
    private const string FrenchReply = "Essayez de le charger pendant une heure avec un autre câble, puis appuyez longtemps sur le bouton.";
    private const string EnglishReply = "Try charging it for an hour with another cable, then hold the power button for a while.";

    /// <summary>A fake model that records what it got and replies with fixed chunks, counting what it streamed.</summary>
    private sealed class ScriptedChatClient(params string[] chunks) : IChatClient
    {
        public List<(List<ChatMessage> Messages, ChatOptions? Options)> Received { get; } = [];

        public int Streamed { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Received.Add((messages.ToList(), options));
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Concat(chunks))) { ResponseId = "r1" });
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Received.Add((messages.ToList(), options));
            foreach (var chunk in chunks)
            {
                await Task.Yield();
                Streamed++;
                yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { MessageId = "m1", ResponseId = "r1" };
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private static string[] Words(string text) => [.. text.Split(' ').Select((w, i) => i == 0 ? w : " " + w)];

    private static LanguageMatchingChatClient Guard(IChatClient inner, LanguageMatchingOptions? options = null, IGuardObserver? observer = null) =>
        new(inner, LanguageIdentifier.Default, options, observer is null ? null : [observer], new FakeTimeProvider());

    [Fact]
    public async Task KnownLanguage_AddsTheInstructionToChatOptionsInstructions_KeepingTheApps()
    {
        var inner = new ScriptedChatClient(FrenchReply);
        using var guard = Guard(inner);
        var options = new ChatOptions { Instructions = "You are a helpful assistant.", ConversationId = "c1" };

        var response = await guard.GetResponseAsync([new ChatMessage(ChatRole.User, French)], options);

        var forwarded = Assert.Single(inner.Received).Options!;
        Assert.StartsWith("You are a helpful assistant.\n\n", forwarded.Instructions);
        Assert.Contains("Reply in French", forwarded.Instructions);
        Assert.Equal("You are a helpful assistant.", options.Instructions);
        Assert.Null(options.AdditionalProperties);
        Assert.Single(inner.Received[0].Messages);
        Assert.Equal("fr", forwarded.GetUserLanguage()?.Language);
        Assert.Equal("fr", response.GetUserLanguage()?.Language);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal((LanguageMatchingChatClient.GuardName, GuardAction.Allow, GuardCategories.None), (verdict.Guard, verdict.Action, verdict.Category));
        Assert.True(verdict.Score > 0.5);
    }

    [Fact]
    public async Task SystemMessagePlacement_InsertsAfterTheLeadingSystemMessages()
    {
        var inner = new ScriptedChatClient(FrenchReply);
        using var guard = Guard(inner, new LanguageMatchingOptions { InstructionPlacement = LanguageInstructionPlacement.SystemMessage });
        ChatMessage[] messages = [new(ChatRole.System, "App prompt."), new(ChatRole.User, French)];

        await guard.GetResponseAsync(messages);

        var forwarded = inner.Received[0].Messages;
        Assert.Equal(3, forwarded.Count);
        Assert.Equal("App prompt.", forwarded[0].Text);
        Assert.Equal(ChatRole.System, forwarded[1].Role);
        Assert.Contains("Reply in French", forwarded[1].Text);
        Assert.Same(messages[1], forwarded[2]);
        Assert.Null(inner.Received[0].Options!.Instructions);
        Assert.Equal(2, messages.Length);
    }

    [Fact]
    public async Task RomanisedHindi_GetsTheRomanisedInstruction()
    {
        var inner = new ScriptedChatClient("aap pehle phone ko ek ghante charge kijiye, phir button dabaiye");
        using var guard = Guard(inner);

        var response = await guard.GetResponseAsync([new ChatMessage(ChatRole.User, "mera phone on nahi ho raha, kya aap meri help kar sakte ho")]);

        Assert.Contains("Latin letters", inner.Received[0].Options!.Instructions);
        Assert.Equal(new LanguageIdentification("hi", "Latn", response.GetUserLanguage()!.Value.Confidence), response.GetUserLanguage());
        Assert.Equal(GuardCategories.None, Assert.Single(response.GetGuardVerdicts()).Category);
    }

    [Fact]
    public async Task UnknownLanguage_NoInstructionAndNoCheck()
    {
        var inner = new ScriptedChatClient(EnglishReply);
        using var guard = Guard(inner);

        var response = await guard.GetResponseAsync([new ChatMessage(ChatRole.User, "👍 ok")]);

        Assert.Null(inner.Received[0].Options!.Instructions);
        Assert.Equal(LanguageIdentification.Unknown.Language, response.GetUserLanguage()?.Language);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal((GuardAction.Allow, GuardCategories.None, 0.0), (verdict.Action, verdict.Category, verdict.Score));
    }

    [Fact]
    public async Task ShortLatestMessage_FallsBackToTheUsersEarlierMessage()
    {
        var inner = new ScriptedChatClient(FrenchReply);
        using var guard = Guard(inner);
        ChatMessage[] messages = [new(ChatRole.User, French), new(ChatRole.Assistant, FrenchReply), new(ChatRole.User, "ok 👍")];

        await guard.GetResponseAsync(messages);

        Assert.Contains("Reply in French", inner.Received[0].Options!.Instructions);
    }

    [Fact]
    public async Task ReplyInAnotherLanguage_Flagged_TextUnchanged()
    {
        var observer = new CollectingObserver();
        using var guard = Guard(new ScriptedChatClient(EnglishReply), observer: observer);

        var response = await guard.GetResponseAsync([new ChatMessage(ChatRole.User, French)], new ChatOptions { ConversationId = "c9" });

        Assert.Equal(EnglishReply, response.Text);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal((GuardAction.Allow, GuardCategories.LanguageMismatch), (verdict.Action, verdict.Category));
        Assert.True(verdict.Score >= 0.6);
        Assert.Equal((verdict, "c9"), Assert.Single(observer.Seen));
    }

    [Fact]
    public async Task ReplyInAnotherLanguage_Replaced_WithTheMessageInTheUsersLanguage()
    {
        using var guard = Guard(new ScriptedChatClient(EnglishReply), new LanguageMatchingOptions { OnMismatch = LanguageMismatchAction.Replace });

        var response = await guard.GetResponseAsync([new ChatMessage(ChatRole.User, French)]);

        Assert.Equal(new LanguageMatchingOptions().MismatchMessages["fr"], response.Text);
        Assert.Equal("r1", response.ResponseId);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal((GuardAction.Modify, GuardCategories.LanguageMismatch), (verdict.Action, verdict.Category));
    }

    [Fact]
    public async Task Replace_LanguageWithoutAMessage_FallsBackToEnglish()
    {
        using var guard = Guard(new ScriptedChatClient(EnglishReply), new LanguageMatchingOptions { OnMismatch = LanguageMismatchAction.Replace });

        var response = await guard.GetResponseAsync([new ChatMessage(ChatRole.User, "薬局はどこにありますか？子供が熱を出しています。")]);

        Assert.Equal(new LanguageMatchingOptions().MismatchMessages["en"], response.Text);
    }

    [Fact]
    public async Task SameLanguageOtherScript_IsNotAMismatch()
    {
        using var guard = Guard(new ScriptedChatClient("आप पहले फ़ोन को एक घंटे चार्ज कीजिए, फिर बटन दबाइए।"));

        var response = await guard.GetResponseAsync([new ChatMessage(ChatRole.User, "mera phone on nahi ho raha, kya aap meri help kar sakte ho")]);

        Assert.Equal(GuardCategories.None, Assert.Single(response.GetGuardVerdicts()).Category);
    }

    [Fact]
    public async Task Streaming_Mismatch_FlaggedOnTheDecidingUpdate_NothingHeldBack()
    {
        var chunks = Words(EnglishReply + " " + EnglishReply);
        var inner = new ScriptedChatClient(chunks);
        using var guard = Guard(inner);

        var updates = await guard.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, French)]).ToListAsync();

        Assert.Equal(chunks, updates.Select(u => u.Text));
        Assert.Equal("fr", updates[0].GetUserLanguage()?.Language);
        var deciding = updates.FindIndex(u => u.GetGuardVerdicts().Count > 0);
        var verdict = Assert.Single(updates[deciding].GetGuardVerdicts());
        Assert.Equal((GuardAction.Allow, GuardCategories.LanguageMismatch), (verdict.Action, verdict.Category));
        var arrived = string.Concat(chunks.Take(deciding + 1)).Length;
        Assert.InRange(arrived, LanguageMatchingOptions.DefaultStreamingCheckCharacters, LanguageMatchingOptions.DefaultStreamingCheckCharacters + 20);
        Assert.Single(updates, u => u.GetGuardVerdicts().Count > 0);
    }

    [Fact]
    public async Task Streaming_Match_AllowedAndTheSameAsNonStreaming()
    {
        var chunks = Words(FrenchReply + " " + FrenchReply);
        using var guard = Guard(new ScriptedChatClient(chunks));

        var updates = await guard.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, French)]).ToListAsync();
        var response = await guard.GetResponseAsync([new ChatMessage(ChatRole.User, French)]);

        Assert.Equal(response.Text, updates.ToChatResponse().Text);
        var verdict = Assert.Single(updates.SelectMany(u => u.GetGuardVerdicts()));
        Assert.Equal(GuardCategories.None, verdict.Category);
    }

    [Fact]
    public async Task Streaming_Replace_EndsTheStreamWithTheMessage()
    {
        var chunks = Words(EnglishReply + " " + EnglishReply + " " + EnglishReply);
        var inner = new ScriptedChatClient(chunks);
        using var guard = Guard(inner, new LanguageMatchingOptions { OnMismatch = LanguageMismatchAction.Replace });

        var updates = await guard.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, French)]).ToListAsync();

        Assert.True(inner.Streamed < chunks.Length, "the model's stream must be stopped");
        Assert.Equal(inner.Streamed + 1, updates.Count);
        Assert.Equal("\n\n" + new LanguageMatchingOptions().MismatchMessages["fr"], updates[^1].Text);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        var verdict = Assert.Single(updates.SelectMany(u => u.GetGuardVerdicts()));
        Assert.Same(verdict, Assert.Single(updates[^1].GetGuardVerdicts()));
        Assert.Equal((GuardAction.Modify, GuardCategories.LanguageMismatch), (verdict.Action, verdict.Category));
    }

    [Fact]
    public async Task Streaming_ShortReply_DecidedAtTheEndOnAnExtraEmptyUpdate()
    {
        using var guard = Guard(new ScriptedChatClient("Sorry, ", "I only speak ", "English here."));

        var updates = await guard.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, French)]).ToListAsync();

        Assert.Equal(4, updates.Count);
        Assert.Empty(updates[^1].Contents);
        Assert.Equal("r1", updates[^1].ResponseId);
        Assert.Equal(GuardCategories.LanguageMismatch, Assert.Single(updates[^1].GetGuardVerdicts()).Category);
        Assert.Equal("Sorry, I only speak English here.", updates.ToChatResponse().Text);
    }

    [Fact]
    public async Task Streaming_UnknownUserLanguage_VerdictOnTheFirstUpdate()
    {
        using var guard = Guard(new ScriptedChatClient(Words(EnglishReply)));

        var updates = await guard.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "🙏")]).ToListAsync();

        Assert.Equal(GuardCategories.None, Assert.Single(updates[0].GetGuardVerdicts()).Category);
        Assert.Single(updates.SelectMany(u => u.GetGuardVerdicts()));
        Assert.False(updates[0].GetUserLanguage()!.Value.IsKnown);
    }

    [Fact]
    public async Task Streaming_NoUpdates_StillReportsTheVerdictAndLanguage()
    {
        using var guard = Guard(new ScriptedChatClient());

        var updates = await guard.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, French)]).ToListAsync();

        var only = Assert.Single(updates);
        Assert.Equal("fr", only.GetUserLanguage()?.Language);
        Assert.Equal(GuardCategories.None, Assert.Single(only.GetGuardVerdicts()).Category);
    }

    [Fact]
    public void Options_Invalid_Throw()
    {
        var inner = new ScriptedChatClient();
        Assert.Throws<ArgumentException>(() => Guard(inner, new LanguageMatchingOptions { StreamingCheckCharacters = 4 }));
        Assert.Throws<ArgumentException>(() => Guard(inner, new LanguageMatchingOptions { MinimumReplyConfidence = 2 }));
        Assert.Throws<ArgumentException>(() => Guard(inner, new LanguageMatchingOptions { UserMessagesToRead = 0 }));
        Assert.Throws<ArgumentException>(() => Guard(inner, new LanguageMatchingOptions { OnMismatch = (LanguageMismatchAction)7 }));
        var noEnglish = new LanguageMatchingOptions();
        noEnglish.MismatchMessages.Remove("en");
        Assert.Throws<ArgumentException>(() => Guard(inner, noEnglish));
    }

    [Fact]
    public void Options_UserFacingMessages_InTheRequiredLanguages()
    {
        var options = new LanguageMatchingOptions();

        foreach (var language in new[] { "en", "fr", "es", "pt", "sw", "hi", "ar", "de" })
        {
            Assert.False(string.IsNullOrWhiteSpace(options.MismatchMessages[language]));
            Assert.False(string.IsNullOrWhiteSpace(options.Instructions[language]));
        }

        Assert.Equal(options.MismatchMessages.Count, options.MismatchMessages.Values.Distinct().Count());
    }

    [Fact]
    public async Task UseNonprofitGuards_LanguageOptions_AddTheGuardAndUseTheRegisteredIdentifier()
    {
        var identifier = new FixedIdentifier(new LanguageIdentification("sw", "Latn", 0.9));
        using var services = new ServiceCollection()
            .AddSingleton<ILanguageIdentifier>(identifier)
            .AddNonprofitGuards(o => o.Language = new LanguageMatchingOptions())
            .BuildServiceProvider();
        var inner = new ScriptedChatClient("Bei ya mbolea ni shilingi elfu tatu kwa kilo.");
        using var client = new ChatClientBuilder(inner).UseNonprofitGuards().Build(services);

        // Session 27: the message was "Simu yangu haiwaki tangu jana." (my phone has not turned on since yesterday),
        // which the session-27 crisis model escalates (0.776; main's model 0.757, against the point 0.76): a known false
        // alarm, recorded in docs/guards.md ("Session 27, model"). This test is about language matching, not crisis.
        var response = await client.GetResponseAsync("Habari, ningependa kujua bei ya mbolea sokoni wiki hii.");

        Assert.Same(identifier, services.GetRequiredService<ILanguageIdentifier>());
        Assert.Contains("Reply in Swahili", inner.Received[0].Options!.Instructions);
        Assert.Contains(response.GetGuardVerdicts(), v => v.Guard == LanguageMatchingChatClient.GuardName);
    }

    [Fact]
    public void AddNonprofitGuards_RegistersTheDefaultIdentifier_AndValidatesLanguageOptions()
    {
        using var services = new ServiceCollection()
            .AddNonprofitGuards(o => o.Language = new LanguageMatchingOptions { StreamingCheckCharacters = 1 })
            .BuildServiceProvider();

        Assert.Same(LanguageIdentifier.Default, services.GetRequiredService<ILanguageIdentifier>());
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<NonprofitGuardsOptions>>().Value);
    }

    [Fact]
    public async Task UseLanguageMatching_OnABuilder_Works()
    {
        var inner = new ScriptedChatClient(EnglishReply);
        using var client = new ChatClientBuilder(inner).UseLanguageMatching().Build();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, French)]);

        Assert.Equal(GuardCategories.LanguageMismatch, Assert.Single(response.GetGuardVerdicts()).Category);
    }

    private sealed class FixedIdentifier(LanguageIdentification result) : ILanguageIdentifier
    {
        public LanguageIdentification Identify(ReadOnlySpan<char> text) => text.IsEmpty ? LanguageIdentification.Unknown : result;
    }
}
