using BenchmarkDotNet.Attributes;
using Nonprofit.AI.Guards;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Benchmarks.Guards;

/// <summary>
/// The conversation risk assessor (<see cref="ConversationRiskAssessor"/>, opt-in check of the crisis guard) on a
/// conversation of 5 user messages (1 KB in all) and of 20 messages (4 KB): the default (each message's language
/// identified, the English ones read as one document by the character n-gram model) and the model alone (no language
/// gate), whose difference is the language identification's cost.
/// </summary>
[MemoryDiagnoser]
public class ConversationRiskBenchmarks
{
    private static readonly string[] s_turns =
    [
        "Hi, I wanted to ask about the support group that meets on Thursdays near the market. ",
        "We moved here last month and I do not know many people yet, my husband works late most days. ",
        "The children started school and they seem happy, but the mornings are a rush for all of us. ",
        "Is there someone I can talk to about getting help with the rent form before the end of the month? ",
        "Thank you, and do I need to bring my documents or can I send copies by message? ",
    ];

    private readonly ConversationRiskAssessor _default = ConversationRiskAssessor.Default;
    private readonly ConversationRiskAssessor _modelOnly = new(LinearTextModel.LoadEmbedded(ConversationRiskAssessor.ModelFileName), null);
    private string[] _oneKb = null!;
    private string[] _fourKb = null!;

    [GlobalSetup]
    public void Setup()
    {
        _oneKb = Conversation(5, 1024);
        _fourKb = Conversation(20, 4096);
    }

    [Benchmark(Baseline = true)]
    public ConversationRiskAssessment Messages5Of1Kb() => _default.Assess(_oneKb);

    [Benchmark]
    public ConversationRiskAssessment Messages5Of1KbModelOnly() => _modelOnly.Assess(_oneKb);

    [Benchmark]
    public ConversationRiskAssessment Messages20Of4Kb() => _default.Assess(_fourKb);

    /// <summary><paramref name="count"/> messages of the turns, repeated, of <paramref name="total"/> characters in all.</summary>
    private static string[] Conversation(int count, int total)
    {
        var each = total / count;
        return [.. Enumerable.Range(0, count).Select(i => string.Concat(Enumerable.Repeat(s_turns[i % s_turns.Length], 1 + (each / s_turns[i % s_turns.Length].Length)))[..each])];
    }
}
