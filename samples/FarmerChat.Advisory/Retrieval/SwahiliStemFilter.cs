using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FarmerChat.Advisory.Retrieval;

/// <summary>Applies <see cref="SwahiliStemmer"/> to each token.</summary>
internal sealed class SwahiliStemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public SwahiliStemFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        _term.Length = SwahiliStemmer.Stem(_term.Buffer, _term.Length);
        return true;
    }
}
