using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Nonprofit.AI.Guards.Tests.OutputSafety;

public sealed class OutputSafetyChatClientTests
{
    private const string Unsafe = "You should just kill yourself.";
    private const string Safe = "Plant the maize after the first good rains.";

    private sealed class FixedLanguage(string language, string? script) : ILanguageIdentifier
    {
        public LanguageIdentification Identify(ReadOnlySpan<char> text) => new(language, script, 0.9);
    }

    /// <summary>A model that streams fixed chunks and counts how many it produced.</summary>
    private sealed class CountingStream(params string[] chunks) : IChatClient
    {
        public int Produced { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Concat(chunks))));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var chunk in chunks)
            {
                Produced++;
                yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { MessageId = "m1" };
            }

            await Task.CompletedTask;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private static async Task<List<ChatResponseUpdate>> StreamAsync(IChatClient client, string text, ChatOptions? options = null)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync(text, options))
        {
            updates.Add(u);
        }

        return updates;
    }

    [Fact]
    public async Task GetResponseAsync_UnsafeReply_ReplacedWithContentFilterAndSafeText()
    {
        var observer = new CollectingObserver();
        using var client = new OutputSafetyChatClient(new RecordingChatClient { Reply = _ => [Unsafe] }, observers: [observer]);

        var response = await client.GetResponseAsync("hello", Pii.Conversation("c1"));

        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
        Assert.Equal(new OutputSafetyOptions().SafeMessages["en"], response.Text);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal((OutputSafetyChatClient.GuardName, GuardAction.Block, GuardCategories.OutputSelfHarmInstructions), (verdict.Guard, verdict.Action, verdict.Category));
        Assert.Equal(("c1", GuardAction.Block), (Assert.Single(observer.Seen).ConversationId, observer.Seen[0].Verdict.Action));
    }

    [Fact]
    public async Task GetResponseAsync_SafeReply_PassesUnchangedWithAllowVerdict()
    {
        using var client = new OutputSafetyChatClient(new RecordingChatClient { Reply = _ => [Safe] });

        var response = await client.GetResponseAsync("hello");

        Assert.Equal(Safe, response.Text);
        Assert.NotEqual(ChatFinishReason.ContentFilter, response.FinishReason);
        Assert.Equal((GuardAction.Allow, GuardCategories.None), (Assert.Single(response.GetGuardVerdicts()).Action, response.GetGuardVerdicts()[0].Category));
    }

    [Theory]
    [InlineData("fr", null, "Désolé")]
    [InlineData("hi", "Latn", "Maaf kijiye")]
    [InlineData("hi", "Deva", "क्षमा करें")]
    [InlineData("sw", "Latn", "Samahani")]
    [InlineData("zz", null, "I'm sorry")]
    public async Task GetResponseAsync_Blocked_SafeTextInTheUsersLanguage(string language, string? script, string expectedStart)
    {
        using var client = new OutputSafetyChatClient(new RecordingChatClient { Reply = _ => [Unsafe] }, languageIdentifier: new FixedLanguage(language, script));

        var response = await client.GetResponseAsync("bonjour");

        Assert.StartsWith(expectedStart, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_UsersOwnPhoneInReply_Allowed_AnotherPersonsBlocked()
    {
        const string User = "Rappelez-moi au 06 12 34 56 78 s'il vous plaît.";
        using var own = new OutputSafetyChatClient(new RecordingChatClient { Reply = _ => ["Nous vous rappellerons au 06 12 34 56 78."] });
        using var other = new OutputSafetyChatClient(new RecordingChatClient { Reply = _ => ["Appelez sa voisine au 06 98 76 54 32."] });

        var allowed = await own.GetResponseAsync(User);
        var blocked = await other.GetResponseAsync(User);

        Assert.Equal(GuardAction.Allow, Assert.Single(allowed.GetGuardVerdicts()).Action);
        Assert.Equal(GuardCategories.OutputPersonalData, Assert.Single(blocked.GetGuardVerdicts()).Category);
        Assert.Equal(ChatFinishReason.ContentFilter, blocked.FinishReason);
    }

    [Fact]
    public async Task GetResponseAsync_SourcesInAdditionalProperties_CheckGroundedness()
    {
        var options = new ChatOptions { AdditionalProperties = new() { [OutputSafetyOptions.DefaultSourcesKey] = new[] { "Maize should be planted after the first good rains, with 75 cm between rows." } } };
        using var grounded = new OutputSafetyChatClient(new RecordingChatClient { Reply = _ => ["Plant maize after the first good rains, with 75 cm between rows."] });
        using var ungrounded = new OutputSafetyChatClient(new RecordingChatClient { Reply = _ => ["Spray the cattle with diesel every morning to keep ticks away."] });

        Assert.Equal(GuardAction.Allow, Assert.Single((await grounded.GetResponseAsync("when?", options)).GetGuardVerdicts()).Action);
        Assert.Equal(GuardCategories.OutputUngrounded, Assert.Single((await ungrounded.GetResponseAsync("when?", options)).GetGuardVerdicts()).Category);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_UnsafeSentence_NeverShownAndStreamStops()
    {
        var inner = new CountingStream("Thank you for writing. ", "You should just ", "kill yourself.", " More text.", " And more.");
        using var client = new OutputSafetyChatClient(inner);

        var updates = await StreamAsync(client, "hello");
        var text = string.Concat(updates.Select(u => u.Text));

        Assert.DoesNotContain("kill", text, StringComparison.Ordinal);
        Assert.StartsWith("Thank you for writing.", text, StringComparison.Ordinal);
        Assert.EndsWith(new OutputSafetyOptions().SafeMessages["en"], text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.ContentFilter, updates[^1].FinishReason);
        Assert.Equal(GuardCategories.OutputSelfHarmInstructions, Assert.Single(updates[^1].GetGuardVerdicts()).Category);
        // The fourth chunk is read to know that the full stop ends the sentence; the fifth never is.
        Assert.Equal(4, inner.Produced);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SafeReply_SameTextAndAllowVerdictAtTheEnd()
    {
        var inner = new CountingStream("Plant the maize ", "after the first ", "good rains. Keep ", "the rows weeded");
        using var client = new OutputSafetyChatClient(inner);

        var updates = await StreamAsync(client, "hello");

        Assert.Equal("Plant the maize after the first good rains. Keep the rows weeded", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(GuardAction.Allow, Assert.Single(updates.SelectMany(u => u.GetGuardVerdicts())).Action);
        Assert.Empty(updates[0].GetGuardVerdicts());
        Assert.DoesNotContain(updates, u => u.FinishReason == ChatFinishReason.ContentFilter);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_DosageSplitAcrossUpdates_IsCheckedWhole()
    {
        var inner = new CountingStream("For the pain take 30", "00 mg of paraceta", "mol at once. Rest well.");
        using var client = new OutputSafetyChatClient(inner);

        var updates = await StreamAsync(client, "hello");

        Assert.DoesNotContain("3000", string.Concat(updates.Select(u => u.Text)), StringComparison.Ordinal);
        Assert.Equal(GuardCategories.OutputDangerousAdvice, Assert.Single(updates[^1].GetGuardVerdicts()).Category);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var options = new OutputSafetyOptions { SafeMessages = new Dictionary<string, string> { ["fr"] = "Désolé." } };
        var e = Assert.Throws<ArgumentException>(() => new OutputSafetyChatClient(new RecordingChatClient(), options: options));
        Assert.Equal("options", e.ParamName);
    }

    [Fact]
    public async Task AddNonprofitGuards_RegistersTheDetector_AndUseNonprofitGuardsChecksReplies()
    {
        using var services = new ServiceCollection().AddNonprofitGuards().BuildServiceProvider();
        using var client = new ChatClientBuilder(new RecordingChatClient { Reply = _ => [Unsafe] }).UseNonprofitGuards().Build(services);

        var response = await client.GetResponseAsync("hello", Pii.Conversation("c1"));

        Assert.IsType<OutputSafetyDetector>(services.GetRequiredService<IOutputSafetyDetector>());
        Assert.Same(services.GetRequiredService<IOutputSafetyDetector>(), services.GetRequiredService<IOutputSafetyDetector>());
        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
        Assert.Contains(response.GetGuardVerdicts(), v => v.Guard == OutputSafetyChatClient.GuardName && v.Action == GuardAction.Block);
    }

    [Fact]
    public async Task UseOutputSafety_DetectorFromServices_IsUsed()
    {
        var detector = new OutputSafetyDetector(new OutputSafetyDetectorOptions { DosageLimits = [new DosageLimit("neem oil", "ml/L", 1, 5)] });
        using var services = new ServiceCollection()
            .AddSingleton<IOutputSafetyDetector>(detector)
            .AddSingleton<ILanguageIdentifier>(new FixedLanguage("de", "Latn"))
            .AddNonprofitGuards()
            .BuildServiceProvider();
        using var client = new ChatClientBuilder(new RecordingChatClient { Reply = _ => ["Use 20 ml of neem oil per litre of water."] }).UseOutputSafety().Build(services);

        var response = await client.GetResponseAsync("Wie viel?");

        Assert.Same(detector, services.GetRequiredService<IOutputSafetyDetector>());
        Assert.Equal(GuardCategories.OutputDangerousAdvice, Assert.Single(response.GetGuardVerdicts()).Category);
        Assert.StartsWith("Entschuldigung", response.Text, StringComparison.Ordinal);
    }
}
