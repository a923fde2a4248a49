using System.Collections.Concurrent;
using System.Text;
using FarmerChat.Advisory.Retrieval;
using Lucene.Net.Analysis;

namespace FarmerChat.Advisory.Chat;

/// <summary>
/// Composes an answer from the best passage's own sentences: those that share the most analysed words with the question
/// (in the document's order; list headings ending in a colon are skipped), then the citation. Nothing is paraphrased, so nothing is invented.
/// </summary>
internal static class ExtractiveAnswer
{
    /// <summary>How many sentences an answer takes.</summary>
    public const int MaxSentences = 3;

    private static readonly ConcurrentDictionary<string, Analyzer> s_analyzers = new(StringComparer.Ordinal);

    public static string Compose(string question, IReadOnlyList<KnowledgeDocument> passages, string language)
    {
        ArgumentNullException.ThrowIfNull(passages);
        if (passages.Count == 0)
        {
            return Phrases.Decline(language);
        }

        var best = passages[0];
        var analyzer = s_analyzers.GetOrAdd(best.Language, AdvisoryAnalyzers.Create);
        var questionWords = Words(analyzer, question);
        var sentences = Sentences(best.Body);
        var chosen = sentences
            .Select((s, i) => (Sentence: s, Index: i, Score: Words(analyzer, s).Count(questionWords.Contains)))
            .Where(s => s.Score > 0 && !s.Sentence.EndsWith(':'))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Index)
            .Take(MaxSentences)
            .OrderBy(s => s.Index)
            .Select(s => s.Sentence)
            .ToList();
        if (chosen.Count == 0)
        {
            chosen = [.. sentences.Take(MaxSentences)];
        }

        var text = new StringBuilder();
        text.Append(best.Title).Append(":\n");
        foreach (var sentence in chosen)
        {
            text.Append(sentence).Append('\n');
        }

        text.Append('\n').Append(Phrases.Sources(language)).Append(": [1] ").Append(AdvisoryContext.Citation(best));
        return text.ToString();
    }

    /// <summary>Splits a body into sentences and list items.</summary>
    internal static List<string> Sentences(string body)
    {
        var result = new List<string>();
        foreach (var line in body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            for (var i = 0; i < line.Length; i++)
            {
                var end = line[i] is '।' or '?' or '!' || (line[i] == '.' && (i + 1 == line.Length || line[i + 1] == ' '));
                if (end && (i + 1 == line.Length || line[i + 1] == ' '))
                {
                    Add(result, line[start..(i + 1)]);
                    start = i + 1;
                }
            }

            Add(result, line[start..]);
        }

        return result;
    }

    private static void Add(List<string> sentences, string sentence)
    {
        sentence = sentence.Trim();
        if (sentence.Length > 1)
        {
            sentences.Add(sentence);
        }
    }

    private static HashSet<string> Words(Analyzer analyzer, string text) =>
        [.. AdvisoryIndex.Analyze(analyzer, "body", text)];
}
