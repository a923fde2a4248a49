using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hi;
using Lucene.Net.Analysis.In;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace FarmerChat.Advisory.Retrieval;

/// <summary>
/// Character n-grams inside words (lower case, accents folded, Hindi normalised): a second field that matches
/// inflected forms, prefixed Swahili verbs and small spelling slips that the word-level analyzers miss.
/// </summary>
internal sealed class GramAnalyzer(int gramSize) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream result = new LowerCaseFilter(LuceneVersion.LUCENE_48, source);
        result = new ASCIIFoldingFilter(result);
        result = new IndicNormalizationFilter(result);
        result = new HindiNormalizationFilter(result);
        result = new NGramTokenFilter(LuceneVersion.LUCENE_48, result, gramSize, gramSize);
        return new TokenStreamComponents(source, result);
    }
}
