using BenchmarkDotNet.Attributes;
using Nonprofit.AI.Guards;

namespace Nonprofit.Benchmarks.Guards;

/// <summary>
/// <see cref="LanguageIdentifier"/> on a 100-character and a 1 KB chat message (Latin script: the statistical path),
/// and a Devanagari message (decided by the script). Allocation-free: the Allocated column should read 0 B.
/// </summary>
[MemoryDiagnoser]
public class LanguageIdentifierBenchmarks
{
    private const string Sentence = "Bonjour, notre maïs a des rayures jaunes après les pluies et la coopérative demande quoi traiter cette semaine. ";
    private string _message100 = null!;
    private string _message1Kb = null!;
    private string _devanagari = null!;
    private LanguageIdentifier _identifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        _identifier = LanguageIdentifier.Default;
        var long1Kb = string.Concat(Enumerable.Repeat(Sentence, 1 + (1024 / Sentence.Length)));
        _message100 = long1Kb[..100];
        _message1Kb = long1Kb[..1024];
        _devanagari = "बारिश के बाद हमारे मक्के की पत्तियों पर पीली धारियाँ हैं, इस हफ़्ते क्या छिड़कें?";
        _identifier.Identify(_message100);
    }

    [Benchmark(Baseline = true)]
    public LanguageIdentification Identify100Chars() => _identifier.Identify(_message100);

    [Benchmark]
    public LanguageIdentification Identify1Kb() => _identifier.Identify(_message1Kb);

    [Benchmark]
    public LanguageIdentification IdentifyDevanagari() => _identifier.Identify(_devanagari);
}
