using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace FarmerChat.Advisory.Retrieval;

/// <summary>
/// Lucene has no Swahili analyzer: the standard tokenizer, lower case, ASCII folding and a small list of Swahili
/// function words. A light suffix stemmer (locative -ni, final vowel) was tried and made no difference on the dev
/// questions once the n-gram field was there (which also matches the prefixed verb forms a suffix stemmer cannot), so
/// it was left out.
/// </summary>
internal sealed class SwahiliAnalyzer : Analyzer
{
    /// <summary>Function words: connectives, the "-a of" forms, pronouns and auxiliaries that say nothing about the topic.</summary>
    private static readonly CharArraySet s_stopWords = new(LuceneVersion.LUCENE_48,
    [
        "na", "ya", "wa", "za", "la", "cha", "vya", "kwa", "katika", "kwenye", "ni", "si", "au", "lakini", "pia", "hii", "hiyo", "huu",
        "huo", "hizi", "hizo", "haya", "hayo", "kama", "ili", "hata", "sana", "tu", "je", "nini", "gani", "vipi", "mimi", "wewe", "yeye",
        "sisi", "nyinyi", "wao", "yangu", "yako", "yake", "wangu", "wako", "wake", "zangu", "zako", "zake", "langu", "lako", "lake",
        "changu", "chako", "chake", "vyangu", "vyako", "vyake", "kuna", "kuwa", "ndio", "hapana", "bila", "baada", "kabla", "kila",
        "hadi", "mpaka", "ambayo", "ambao", "ambacho", "ambazo", "huku", "pale", "hapa", "hilo", "hili", "yao", "wao", "kwamba",
    ], ignoreCase: true);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream result = new LowerCaseFilter(LuceneVersion.LUCENE_48, source);
        result = new ASCIIFoldingFilter(result);
        result = new StopFilter(LuceneVersion.LUCENE_48, result, s_stopWords);
        return new TokenStreamComponents(source, result);
    }
}
