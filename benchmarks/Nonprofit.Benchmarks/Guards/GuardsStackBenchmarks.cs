using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards;

namespace Nonprofit.Benchmarks.Guards;

/// <summary>
/// UseNonprofitGuards over a no-op model: the default stack (audit, crisis detection, rate limit, prompt-injection shield,
/// output safety, PII redaction) and, "WithScope", every guard (plus scope and language matching, which are opt-in): one 1 KB user message
/// (goal of issue 6 for the FULL stack: at most 50 µs median), and a 1,000-update streamed reply against the bare
/// client (goal: at most 5% overhead).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GuardsStackBenchmarks : IDisposable
{
    private const string Sentence = "Our maize leaves have yellow stripes after the rains and the cooperative asks what to spray this week. ";
    private readonly ChatOptions _options = new() { ConversationId = "bench" };
    private NoOpChatClient _bare = null!;
    private IChatClient _guarded = null!;
    private IChatClient _guardedWithScope = null!;
    private List<ChatMessage> _message = null!;
    private List<ChatMessage> _shortMessage = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = string.Concat(Enumerable.Repeat(Sentence, 1 + (1024 / Sentence.Length)))[..1024];
        _message = [new ChatMessage(ChatRole.User, text)];
        _shortMessage = [new ChatMessage(ChatRole.User, "What should we spray on the maize?")];
        _bare = new NoOpChatClient();
        _guarded = new ChatClientBuilder(new NoOpChatClient())
            .UseNonprofitGuards(new NonprofitGuardsOptions
            {
                Audit = new GuardAuditOptions { HashKey = new byte[32] },
                RateLimit = new ConversationRateLimitOptions { ConversationPermitLimit = int.MaxValue, UserPermitLimit = int.MaxValue },
            })
            .Build();
        _guardedWithScope = new ChatClientBuilder(new NoOpChatClient())
            .UseNonprofitGuards(new NonprofitGuardsOptions
            {
                Audit = new GuardAuditOptions { HashKey = new byte[32] },
                RateLimit = new ConversationRateLimitOptions { ConversationPermitLimit = int.MaxValue, UserPermitLimit = int.MaxValue },
                Language = new LanguageMatchingOptions(),
                ScopeOptions = new ScopeOptions
                {
                    Topics =
                    [
                        new ScopeTopic { Name = "crops", Description = "crops planting seeds harvest maize beans", Examples = ["When should I plant maize?", "Ni lini nipande mahindi?"] },
                        new ScopeTopic { Name = "pests", Description = "pests insects armyworm spray", Examples = ["What can I spray against armyworm?", "Comment lutter contre la chenille ?"] },
                    ],
                },
            })
            .Build();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _bare.Dispose();
        _guarded.Dispose();
        _guardedWithScope.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Message")]
    public Task<ChatResponse> BareMessage1Kb() => _bare.GetResponseAsync(_message, _options);

    [Benchmark]
    [BenchmarkCategory("Message")]
    public Task<ChatResponse> GuardedMessage1Kb() => _guarded.GetResponseAsync(_message, _options);

    /// <summary>The same stack with the scope guard (the 1 KB message is in scope).</summary>
    [Benchmark]
    [BenchmarkCategory("Message")]
    public Task<ChatResponse> GuardedWithScopeMessage1Kb() => _guardedWithScope.GetResponseAsync(_message, _options);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Stream")]
    public Task<int> BareStream1000Updates() => CountAsync(_bare);

    [Benchmark]
    [BenchmarkCategory("Stream")]
    public Task<int> GuardedStream1000Updates() => CountAsync(_guarded);

    /// <summary>The same reply after a short question: the per-update cost, without the 1 KB message's detection.</summary>
    [Benchmark]
    [BenchmarkCategory("Stream")]
    public Task<int> GuardedStream1000UpdatesShortQuestion() => CountAsync(_guarded, _shortMessage);

    /// <summary>The short-question stream through the stack with the scope guard.</summary>
    [Benchmark]
    [BenchmarkCategory("Stream")]
    public Task<int> GuardedWithScopeStream1000UpdatesShortQuestion() => CountAsync(_guardedWithScope, _shortMessage);

    private Task<int> CountAsync(IChatClient client) => CountAsync(client, _message);

    private async Task<int> CountAsync(IChatClient client, List<ChatMessage> message)
    {
        var n = 0;
        await foreach (var update in client.GetStreamingResponseAsync(message, _options).ConfigureAwait(false))
        {
            n += update.Contents.Count;
        }

        return n;
    }

    /// <summary>A model that answers at once: one short reply, or 1,000 updates of a few words.</summary>
    private sealed class NoOpChatClient : IChatClient
    {

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Plant after the first rains.")));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < 1000; i++)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, "the maize is fine ");
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
