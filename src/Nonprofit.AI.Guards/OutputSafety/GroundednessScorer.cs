using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Lexical groundedness of a reply against the sources the app passed: the share of the reply's sentences (those with
/// at least <see cref="MinContentWords"/> content words) whose content words are at least a given share present in the
/// sources. Content words are the words of <see cref="GuardText"/>'s normalised text with four letters or more (two
/// outside the Latin script), minus a short multilingual stop list; numbers are not compared (normalisation maps
/// digits to 0). A first method, as the issue allows: it does not see paraphrase, and texts without spaces between
/// words (Chinese, Japanese) are not supported.
/// </summary>
internal static class GroundednessScorer
{
    public const int MinContentWords = 3;

    private static readonly FrozenSet<string> s_stopWords = FrozenSet.ToFrozenSet(
    [
        "that", "this", "these", "those", "with", "from", "have", "has", "your", "yours", "will", "they", "them", "there", "their", "what", "when",
        "where", "which", "would", "could", "should", "about", "into", "been", "were", "also", "more", "some", "than", "then", "only", "very",
        "just", "like", "here", "each", "other", "after", "before", "because", "does", "dont", "cant", "please", "many", "much", "make", "take",
        "pour", "dans", "avec", "vous", "nous", "sont", "cette", "mais", "plus", "comme", "tout", "tous", "faire", "peut", "votre", "leur",
        "para", "como", "pero", "esta", "este", "todo", "todos", "puede", "usted", "sobre", "entre", "cuando", "donde", "tambien",
        "pode", "voce", "mais", "muito", "quando", "onde", "isso", "essa", "esse", "sobre", "tambem",
        "sich", "nicht", "eine", "einer", "einen", "oder", "auch", "sind", "wird", "haben", "kann", "ihre", "wenn", "dass", "mit", "sie",
        "kwamba", "hiyo", "hii", "kwenye", "lakini", "sana", "pia", "wako", "yako",
    ]);

    /// <summary>The groundedness of <paramref name="reply"/> (1 when it has no sentence long enough to judge).</summary>
    public static double Groundedness(string reply, IReadOnlyList<string> sources, double sentenceSupport)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var word in ContentWords(source))
            {
                known.Add(word);
            }
        }

        var judged = 0;
        var supported = 0;
        var rest = reply.AsSpan();
        while (!rest.IsEmpty)
        {
            var length = SentenceBoundaries.First(rest);
            var (total, found) = (0, 0);
            foreach (var word in ContentWords(rest[..length]))
            {
                total++;
                found += known.Contains(word) ? 1 : 0;
            }

            rest = rest[length..];
            if (total >= MinContentWords)
            {
                judged++;
                supported += found >= sentenceSupport * total ? 1 : 0;
            }
        }

        return judged == 0 ? 1 : supported / (double)judged;
    }

    private static List<string> ContentWords(ReadOnlySpan<char> text)
    {
        var words = new List<string>();
        foreach (var word in GuardText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var latin = word[0] < 0x250;
            if (word[0] != '0' && word.Length >= (latin ? 4 : 2) && !s_stopWords.Contains(word))
            {
                words.Add(word);
            }
        }

        return words;
    }
}
