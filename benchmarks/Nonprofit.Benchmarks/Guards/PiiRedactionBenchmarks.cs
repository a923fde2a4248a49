using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards;
using Nonprofit.Privacy;

namespace Nonprofit.Benchmarks.Guards;

/// <summary>
/// The PII redaction guard alone over a no-op model, on a 1 KB user message (session 30, known values): without
/// personal data in a conversation whose vault holds nothing; with four values in a request without a conversation
/// (the values become known within the request); and without personal data in a conversation whose vault already
/// holds 5 or 20 values (the known-values pass searches the message for each; main's build does not).
/// </summary>
[MemoryDiagnoser]
public class PiiRedactionBenchmarks : IDisposable
{
    private const string Sentence = "Our maize leaves have yellow stripes after the rains and the cooperative asks what to spray this week. ";
    private const string PiiSentence = "My name is Tendai Mwale, call me on 0712 345 678 or write to tendai.mwale@example.org; I live in Kisumu. ";
    private readonly InMemoryPseudonymVault _vault = new();
    private PiiRedactionChatClient _guard = null!;
    private List<ChatMessage> _plain = null!;
    private List<ChatMessage> _withPii = null!;
    private readonly ChatOptions _empty = new() { ConversationId = "bench-empty" };
    private readonly ChatOptions _five = new() { ConversationId = "bench-5" };
    private readonly ChatOptions _twenty = new() { ConversationId = "bench-20" };
    private readonly ChatOptions _none = new();

    [GlobalSetup]
    public void Setup()
    {
        _plain = [new ChatMessage(ChatRole.User, string.Concat(Enumerable.Repeat(Sentence, 1 + (1024 / Sentence.Length)))[..1024])];
        var withPii = PiiSentence + string.Concat(Enumerable.Repeat(Sentence, 1 + (1024 / Sentence.Length)));
        _withPii = [new ChatMessage(ChatRole.User, withPii[..1024])];
        _guard = new PiiRedactionChatClient(new AnswerAtOnceChatClient(), new PiiDetector(), _vault);
        string[] names = ["Amina Yusuf", "Baraka Otieno", "Chidi Okeke", "Dalia Haddad", "Esi Mensah", "Farida Bello", "Goli Tehrani", "Hamza Diallo", "Ines Duarte", "Juma Mwangi"];
        for (var i = 0; i < 5; i++)
        {
            _vault.GetOrAddPseudonym("nonprofit.guards.conversation:bench-5", PiiEntityType.Person, names[i]);
        }

        for (var i = 0; i < 10; i++)
        {
            _vault.GetOrAddPseudonym("nonprofit.guards.conversation:bench-20", PiiEntityType.Person, names[i]);
            _vault.GetOrAddPseudonym("nonprofit.guards.conversation:bench-20", PiiEntityType.PhoneNumber, "0722 100 1" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _guard.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public Task<ChatResponse> PiiRedactionNoKnownValues1Kb() => _guard.GetResponseAsync(_plain, _empty);

    [Benchmark]
    public Task<ChatResponse> PiiRedactionFourValuesNoConversation1Kb() => _guard.GetResponseAsync(_withPii, _none);

    [Benchmark]
    public Task<ChatResponse> PiiRedactionFiveKnownValues1Kb() => _guard.GetResponseAsync(_plain, _five);

    [Benchmark]
    public Task<ChatResponse> PiiRedactionTwentyKnownValues1Kb() => _guard.GetResponseAsync(_plain, _twenty);
}
