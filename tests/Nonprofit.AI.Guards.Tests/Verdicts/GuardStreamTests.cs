using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards.Tests.Verdicts;

/// <summary>The stack's one iterator keeps the behaviour of one async iterator per guard.</summary>
public sealed class GuardStreamTests
{
    private static readonly byte[] s_key = new byte[32];

    private sealed class ListSink : IGuardAuditSink
    {
        public List<GuardAuditRecord> Records { get; } = [];

        public void Append(in GuardAuditRecord record) => Records.Add(record);
    }

    /// <summary>A model whose updates complete asynchronously (the slow path of the enumerator).</summary>
    private sealed class YieldingChatClient(params string[] chunks) : IChatClient
    {
        public Exception? FailAfterFirst { get; init; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var chunk in chunks)
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { ResponseId = "r" };
                if (FailAfterFirst is { } e)
                {
                    throw e;
                }
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    /// <summary>A guard written as an ordinary async iterator, as another package's guard might be.</summary>
    private sealed class ForeignGuard(IChatClient inner) : DelegatingChatClient(inner)
    {
        public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var first = true;
            await foreach (var u in base.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                if (first)
                {
                    first = false;
                    u.AdditionalProperties ??= [];
                    ((List<GuardVerdict>)u.AdditionalProperties[GuardVerdict.AdditionalPropertiesKey]!).Add(new GuardVerdict("foreign", GuardAction.Allow, GuardCategories.None, 0, TimeSpan.Zero));
                }

                yield return u;
            }
        }
    }

    private static (GuardAuditChatClient Client, ListSink Sink, InMemoryPseudonymVault Vault) Stack(IChatClient model, int permits = 10, Func<IChatClient, IChatClient>? between = null)
    {
        var sink = new ListSink();
        var vault = new InMemoryPseudonymVault();
        IChatClient pii = new PiiRedactionChatClient(model, Pii.Detector, vault);
        var client = new GuardAuditChatClient(
            new ConversationRateLimitChatClient(between?.Invoke(pii) ?? pii, new() { ConversationPermitLimit = permits }),
            sink,
            new GuardAuditOptions { HashKey = s_key });
        return (client, sink, vault);
    }

    private static async Task<List<ChatResponseUpdate>> AllAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var u in updates)
        {
            list.Add(u);
        }

        return list;
    }

    private static string[] Names(IEnumerable<GuardVerdict> verdicts) => [.. verdicts.Select(v => v.Guard + ":" + v.Category)];

    [Fact]
    public async Task Stack_Streaming_SameVerdictsAsNotStreamingEachOnTheUpdateWhereItIsDecided()
    {
        var model = new RecordingChatClient { Reply = m => ["Bonjour <PERS", "ON_1", ">, à bientôt"] };
        var (client, sink, _) = Stack(model);

        var response = await client.GetResponseAsync(Pii.Text, Pii.Conversation("a"));
        var updates = await AllAsync(client.GetStreamingResponseAsync(Pii.Text, Pii.Conversation("b")));

        string[] expected = ["pii_redaction:pii.redacted", "pii_redaction:pii.restored", "rate_limit:none"];
        string[] streamed = ["pii_redaction:pii.redacted", "rate_limit:none", "pii_redaction:pii.restored"];
        Assert.Equal(expected, Names(response.GetGuardVerdicts()));
        Assert.Equal(["pii_redaction:pii.redacted", "rate_limit:none"], Names(updates[0].GetGuardVerdicts()));
        Assert.Empty(updates[1].GetGuardVerdicts());
        Assert.Equal(["pii_redaction:pii.restored"], Names(updates[2].GetGuardVerdicts()));
        Assert.Equal("Bonjour " + Pii.Name + ", à bientôt", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(expected.Concat(streamed), sink.Records.Select(r => r.Guard + ":" + r.Category));
    }

    [Fact]
    public async Task Stack_AsynchronousModel_SameTextAndVerdicts()
    {
        var (client, sink, _) = Stack(new YieldingChatClient("Bonjour <PERSON", "_1> !", " <"));

        var updates = await AllAsync(client.GetStreamingResponseAsync(Pii.Text, Pii.Conversation("c")));

        Assert.Equal("Bonjour " + Pii.Name + " ! <", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(["pii_redaction:pii.redacted", "rate_limit:none"], Names(updates[0].GetGuardVerdicts()));
        Assert.Equal(3, sink.Records.Count);
        Assert.Equal("r", updates[^1].ResponseId);
    }

    [Fact]
    public async Task Stack_ModelSendsNothing_OneEmptyUpdateCarriesTheVerdicts()
    {
        var (client, sink, _) = Stack(new RecordingChatClient { Reply = _ => [] });

        var updates = await AllAsync(client.GetStreamingResponseAsync("Bonjour", Pii.Conversation("c")));

        var update = Assert.Single(updates);
        Assert.Equal("", update.Text);
        Assert.Equal(["pii_redaction:none", "rate_limit:none"], Names(update.GetGuardVerdicts()));
        Assert.Equal(2, sink.Records.Count);
    }

    [Fact]
    public async Task Stack_RateLimited_AuditSeesTheBlockAndNothingInsideRuns()
    {
        var model = new RecordingChatClient();
        var (client, sink, vault) = Stack(model, permits: 1);
        await AllAsync(client.GetStreamingResponseAsync("Bonjour", Pii.Conversation("c")));
        var scopes = vault.ScopeCount;

        var updates = await AllAsync(client.GetStreamingResponseAsync(Pii.Text, Pii.Conversation("c")));

        Assert.Equal(1, model.Calls);
        Assert.Equal(scopes, vault.ScopeCount);
        Assert.Equal(["rate_limit:rate_limit"], Names(Assert.Single(updates).GetGuardVerdicts()));
        Assert.Equal(ChatFinishReason.Stop, updates[0].FinishReason);
        Assert.Equal("rate_limit:rate_limit", sink.Records[^1].Guard + ":" + sink.Records[^1].Category);
    }

    [Fact]
    public async Task Stack_ForeignAsyncIteratorInBetween_VerdictsStayInnermostFirst()
    {
        var (client, sink, _) = Stack(new RecordingChatClient { Reply = _ => ["a", "b"] }, between: inner => new ForeignGuard(inner));

        var updates = await AllAsync(client.GetStreamingResponseAsync("Bonjour", Pii.Conversation("c")));

        Assert.Equal(["pii_redaction:none", "foreign:none", "rate_limit:none"], Names(updates[0].GetGuardVerdicts()));
        Assert.Empty(updates[1].GetGuardVerdicts());
        Assert.Equal(3, sink.Records.Count);
    }

    [Fact]
    public async Task Stack_NotEnumerated_DecidesNothing()
    {
        var observer = new CollectingObserver();
        var model = new RecordingChatClient();
        using var client = new ConversationRateLimitChatClient(
            new PiiRedactionChatClient(model, Pii.Detector, new InMemoryPseudonymVault(), observers: [observer]),
            new() { ConversationPermitLimit = 1 },
            [observer]);

        _ = client.GetStreamingResponseAsync(Pii.Text, Pii.Conversation("c"));
        _ = client.GetStreamingResponseAsync(Pii.Text, Pii.Conversation("c"));

        Assert.Empty(observer.Seen);
        var updates = await AllAsync(client.GetStreamingResponseAsync(Pii.Text, Pii.Conversation("c")));
        Assert.Equal(GuardAction.Allow, updates[0].GetGuardVerdicts()[^1].Action);
        Assert.Equal(1, model.Calls);
    }

    [Fact]
    public async Task Stack_StoppedEarlyWithoutConversation_RequestScopeIsCleared()
    {
        var (client, _, vault) = Stack(new RecordingChatClient { Reply = m => [m[^1].Text, "more", "more"] });

        await foreach (var u in client.GetStreamingResponseAsync(Pii.Text))
        {
            Assert.Equal(1, vault.ScopeCount);
            break;
        }

        Assert.Equal(0, vault.ScopeCount);
    }

    [Fact]
    public async Task Stack_ModelThrows_ExceptionReachesTheCallerAndRequestScopeIsCleared()
    {
        var (client, _, vault) = Stack(new YieldingChatClient("a", "b") { FailAfterFirst = new InvalidOperationException("model down") });

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AllAsync(client.GetStreamingResponseAsync(Pii.Text)));

        Assert.Equal("model down", e.Message);
        Assert.Equal(0, vault.ScopeCount);
    }

    [Fact]
    public async Task Stack_EnumeratedTwice_RunsTwice()
    {
        var model = new RecordingChatClient();
        var (client, sink, _) = Stack(model);
        var stream = client.GetStreamingResponseAsync("Bonjour", Pii.Conversation("c"));

        var first = await AllAsync(stream);
        var second = await AllAsync(stream);

        Assert.Equal(2, model.Calls);
        Assert.Equal(first[0].GetGuardVerdicts().Count, second[0].GetGuardVerdicts().Count);
        Assert.Equal(4, sink.Records.Count);
    }

    [Fact]
    public async Task AttachToFirst_CancelledToken_ReachesTheInnerStream()
    {
        var verdict = new GuardVerdict("g", GuardAction.Allow, GuardCategories.None, 0, TimeSpan.Zero);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var stream = VerdictPublisher.AttachToFirst(new RecordingChatClient().GetStreamingResponseAsync("x"), verdict);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in stream.WithCancellation(cts.Token))
            {
            }
        });
    }
}
