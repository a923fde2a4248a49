using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Hi;
using Lucene.Net.Util;

namespace FarmerChat.Advisory.Retrieval;

/// <summary>The word-level analyzer of each language.</summary>
internal static class AdvisoryAnalyzers
{
    /// <summary>Creates the analyzer of <paramref name="language"/> (en, sw, hi, fr).</summary>
    public static Analyzer Create(string language) => language switch
    {
        Languages.English => new EnglishAnalyzer(LuceneVersion.LUCENE_48),
        Languages.French => new FrenchAnalyzer(LuceneVersion.LUCENE_48),
        Languages.Hindi => new HindiAnalyzer(LuceneVersion.LUCENE_48),
        Languages.Swahili => new SwahiliAnalyzer(),
        _ => throw new ArgumentException("Unsupported language.", nameof(language)),
    };
}
