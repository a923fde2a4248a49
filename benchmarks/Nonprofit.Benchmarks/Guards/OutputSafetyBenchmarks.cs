using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Benchmarks.Guards;

/// <summary>
/// The output-safety guard on a 1 KB safe reply (the detector alone, and the guard over a model that answers at once,
/// against the bare model), and on a 1,000-update streamed reply (the per-sentence hold-back and checks).
/// </summary>
[MemoryDiagnoser]
public class OutputSafetyBenchmarks : IDisposable
{
    private const string Sentence = "Plant the maize after the first good rains, keep the rows weeded, and ask the cooperative about certified seed. ";
    private readonly OutputSafetyContext _context = new(["When should I plant my maize? My number is 0712 345 678."]);
    private readonly List<ChatMessage> _messages = [new(ChatRole.User, "When should I plant my maize?")];
    private string _reply = "";
    private FixedReplyClient _bare = null!;
    private OutputSafetyChatClient _guarded = null!;

    [GlobalSetup]
    public void Setup()
    {
        _reply = string.Concat(Enumerable.Repeat(Sentence, 1 + (1024 / Sentence.Length)))[..1024];
        _bare = new FixedReplyClient(_reply);
        _guarded = new OutputSafetyChatClient(new FixedReplyClient(_reply));
        if (!OutputSafetyDetector.Default.Detect(_reply, _context).IsEmpty)
        {
            throw new InvalidOperationException("The benchmark reply must be safe.");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _bare.Dispose();
        _guarded.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public GuardDetection DetectReply1Kb() => OutputSafetyDetector.Default.Detect(_reply, _context);

    [Benchmark(Baseline = true)]
    public Task<ChatResponse> BareReply1Kb() => _bare.GetResponseAsync(_messages);

    [Benchmark]
    public Task<ChatResponse> GuardedReply1Kb() => _guarded.GetResponseAsync(_messages);

    [Benchmark]
    public Task<int> BareStream1000Updates() => CountAsync(_bare);

    [Benchmark]
    public Task<int> GuardedStream1000Updates() => CountAsync(_guarded);

    private async Task<int> CountAsync(IChatClient client)
    {
        var n = 0;
        await foreach (var update in client.GetStreamingResponseAsync(_messages).ConfigureAwait(false))
        {
            n += update.Contents.Count;
        }

        return n;
    }

    /// <summary>A model that answers at once: the fixed reply, or 1,000 updates of a few words with a full stop every fifth.</summary>
    private sealed class FixedReplyClient(string reply) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < 1000; i++)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, i % 5 == 4 ? "the maize is fine. " : "the maize is fine ");
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
