using BenchmarkDotNet.Attributes;
using Nonprofit.AI.Guards;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Benchmarks.Guards;

/// <summary>
/// The conversation risk assessor (<see cref="ConversationRiskAssessor"/>, opt-in check of the crisis guard) on a
/// conversation of 5 user messages (1 KB in all) and of 20 messages (4 KB): the default (each message's language
/// identified, the English ones read as one document by the character n-gram model) and the model alone (no language
/// gate), whose difference is the language identification's cost. Long windows: 3 messages of 100 KB each, read with
/// the length caps (<see cref="ConversationRiskAssessor.MaxChars"/>) and without them, and 19 messages of 10 MB each.
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
    private readonly ConversationRiskAssessor _uncapped = new(LinearTextModel.LoadEmbedded(ConversationRiskAssessor.ModelFileName), LanguageIdentifier.Default, int.MaxValue);
    private string[] _fourKb = null!;
    private string[] _threeHundredKb = null!;
    private string[] _huge = null!;

    [GlobalSetup]
    public void Setup()
    {
        _oneKb = Conversation(5, 1024);
        _fourKb = Conversation(20, 4096);
        _threeHundredKb = Conversation(3, 3 * 100 * 1024);
        _huge = [.. Enumerable.Repeat(Conversation(1, 10 * 1024 * 1024)[0], 19)];
    }

    [Benchmark(Baseline = true)]
    public ConversationRiskAssessment Messages5Of1Kb() => _default.Assess(_oneKb);

    [Benchmark]
    public ConversationRiskAssessment Messages5Of1KbModelOnly() => _modelOnly.Assess(_oneKb);

    [Benchmark]
    public ConversationRiskAssessment Messages20Of4Kb() => _default.Assess(_fourKb);

    [Benchmark]
    public ConversationRiskAssessment Messages3Of100Kb() => _default.Assess(_threeHundredKb);

    [Benchmark]
    public ConversationRiskAssessment Messages3Of100KbUncapped() => _uncapped.Assess(_threeHundredKb);

    [Benchmark]
    public ConversationRiskAssessment Messages19Of10Mb() => _default.Assess(_huge);

    /// <summary><paramref name="count"/> messages of the turns, repeated, of <paramref name="total"/> characters in all.</summary>
    private static string[] Conversation(int count, int total)
    {
        var each = total / count;
        return [.. Enumerable.Range(0, count).Select(i => string.Concat(Enumerable.Repeat(s_turns[i % s_turns.Length], 1 + (each / s_turns[i % s_turns.Length].Length)))[..each])];
    }
}
