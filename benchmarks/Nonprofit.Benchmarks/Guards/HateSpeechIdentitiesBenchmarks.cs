using BenchmarkDotNet.Attributes;
using Nonprofit.AI.Guards;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Benchmarks.Guards;

/// <summary>
/// The cost of the hate model's identity abstraction (<see cref="HateSpeechIdentities"/>): the same weights scored
/// without and with the placeholder pass, on a 1 KB advisory reply (no group named) and on ten short sentences that
/// each name a group (the worst case: every sentence has a mention).
/// </summary>
[MemoryDiagnoser]
public class HateSpeechIdentitiesBenchmarks
{
    private const string Sentence = "Plant the maize after the first good rains, keep the rows weeded, and ask the cooperative about certified seed. ";

    private static readonly string s_groups = string.Join(' ',
        "Refugees are welcome in our town.", "Les femmes ont les mêmes droits.", "Los inmigrantes trabajan en el campo.",
        "Muslime feiern heute das Fest.", "Os judeus da cidade organizam uma feira.", "Gli omosessuali hanno gli stessi diritti.",
        "Vluchtelingen krijgen hier les.", "Kobiety prowadzą tę spółdzielnię.", "महिलाओं को सलाह मिलती है।", "المهاجرون يعملون هنا.");

    private string _reply = "";
    private char[] _normalized = [];
    private char[] _work = [];
    private HateSpeechModel _model = null!;

    [Params(false, true)]
    public bool Abstract { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _reply = string.Concat(Enumerable.Repeat(Sentence, 1 + (1024 / Sentence.Length)))[..1024];
        _normalized = GuardText.Normalize(_reply).ToCharArray();
        _work = new char[_normalized.Length];
        _model = new HateSpeechModel(LinearTextModel.LoadEmbedded(HateSpeechModel.FileName), abstractIdentities: Abstract);
    }

    [Benchmark]
    public double Reply1Kb() => _model.Score(_reply);

    /// <summary>The placeholder pass alone over the normalised 1 KB reply (the same work whatever <see cref="Abstract"/> says).</summary>
    [Benchmark]
    public int AbstractPass1Kb()
    {
        _normalized.CopyTo(_work, 0);
        return HateSpeechIdentities.Abstract(_work);
    }

    [Benchmark]
    public double TenGroupSentences() => _model.Score(s_groups);
}
