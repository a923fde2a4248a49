using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Benchmarks.Guards;

/// <summary>
/// The default crisis detector on 1 KB messages (issue 6: the full guard stack's budget is 50 µs per 1 KB message):
/// farming advice with no crisis word, a survivor's conversational message full of the small words the rules use
/// (he, me, my, now, years ago…) but no crisis, and a message with a crisis; and the crisis guard over a no-op model.
/// The <c>RulesOnly</c> rows run <see cref="CrisisDetector.RulesOnly"/> on the same texts: the model's cost is the
/// difference in the same run.
/// </summary>
[MemoryDiagnoser]
public class CrisisDetectorBenchmarks : IDisposable
{
    private const string Farming = "Our maize leaves have yellow stripes after the rains and the cooperative asks what to spray this week. ";
    private const string Conversation = "Years ago my husband and I lived with his mother, and now I am trying to find work near my sister so she can help me with the children. ";
    private const string Crisis = "He came back tonight and I am scared, he said he is going to kill me if I leave. ";

    /// <summary>About 1 KB of different sentences (no sentence repeated), as most real messages are.</summary>
    private const string Varied =
        "Good morning, I wanted to ask about the training on drip irrigation that the cooperative announced last month. " +
        "My neighbour said it starts on the fifth, but the poster at the market says the twelfth, so which one is right? " +
        "We have two plots near the river, one with beans and one with sukuma wiki, and the beans are flowering early. " +
        "Last season the rains came late and we lost almost half of the maize, so this year I would like to try something new. " +
        "Also, can you tell me whether the seed vouchers can be used at the shop in town or only at the depot? " +
        "My daughter will come with me because she keeps the records on her phone and she is better with numbers than me. " +
        "If there is a fee for the training, please say how much, and whether we can pay after the harvest. " +
        "Thank you for the advice about the aphids, the ash and soap spray worked better than I expected. " +
        "One more thing: the extension officer has not visited since June, is there a new one for our ward?";

    private readonly CrisisDetector _detector = CrisisDetector.Instance;
    private readonly ChatOptions _options = new() { ConversationId = "bench" };
    private string _farming = null!;
    private string _conversation = null!;
    private string _crisis = null!;
    private IChatClient _guard = null!;
    private List<ChatMessage> _message = null!;

    [GlobalSetup]
    public void Setup()
    {
        _farming = Kilobyte(Farming);
        _conversation = Kilobyte(Conversation);
        _crisis = Kilobyte(Conversation)[..(1024 - Crisis.Length)] + Crisis;
        _message = [new ChatMessage(ChatRole.User, _farming)];
        _guard = new ChatClientBuilder(new ConstantChatClient()).UseCrisisDetection().Build();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _guard.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public GuardDetection Farming1Kb() => _detector.Detect(_farming);

    [Benchmark]
    public GuardDetection Varied1Kb() => _detector.Detect(Varied);

    [Benchmark]
    public GuardDetection Conversational1Kb() => _detector.Detect(_conversation);

    [Benchmark]
    public GuardDetection Crisis1Kb() => _detector.Detect(_crisis);

    [Benchmark]
    public GuardDetection Farming1KbRulesOnly() => CrisisDetector.RulesOnly.Detect(_farming);

    [Benchmark]
    public GuardDetection Crisis1KbRulesOnly() => CrisisDetector.RulesOnly.Detect(_crisis);

    [Benchmark]
    public Task<ChatResponse> CrisisGuardMessage1Kb() => _guard.GetResponseAsync(_message, _options);

    private static string Kilobyte(string sentence) => string.Concat(Enumerable.Repeat(sentence, 1 + (1024 / sentence.Length)))[..1024];

    /// <summary>A model that answers at once with a constant reply.</summary>
    private sealed class ConstantChatClient : IChatClient
    {
        private static readonly ChatResponse s_reply = new(new ChatMessage(ChatRole.Assistant, "ok"));

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(s_reply.Messages));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
