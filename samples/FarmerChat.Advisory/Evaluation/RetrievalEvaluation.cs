using System.Globalization;
using System.Text;
using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Evaluation;

/// <summary>Recall@1, recall@3 and the decline rates per language, searched the way the assistant searches.</summary>
internal static class RetrievalEvaluation
{
    /// <summary>Scores <paramref name="questions"/> (answerable and not) per language of the labels.</summary>
    public static IReadOnlyList<LanguageScore> Evaluate(AdvisoryIndex index, IEnumerable<LabelledQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(index);
        var scores = new List<LanguageScore>();
        foreach (var group in questions.GroupBy(q => q.Language).OrderBy(g => Languages.All.ToList().IndexOf(g.Key)))
        {
            int answerable = 0, at1 = 0, at3 = 0, answered = 0, wronglyDeclined = 0, unanswerable = 0, declined = 0;
            foreach (var q in group)
            {
                var language = QuestionLanguage.Resolve(q.Question, q.Language);
                var hits = index.Search(q.Question, language);
                var relevant = hits.Where(index.IsRelevant).ToList();
                if (q.Expected is null)
                {
                    unanswerable++;
                    declined += relevant.Count == 0 ? 1 : 0;
                    continue;
                }

                answerable++;
                at1 += hits.Count > 0 && hits[0].Document.Id == q.Expected ? 1 : 0;
                at3 += hits.Any(h => h.Document.Id == q.Expected) ? 1 : 0;
                answered += relevant.Any(h => h.Document.Id == q.Expected) ? 1 : 0;
                wronglyDeclined += relevant.Count == 0 ? 1 : 0;
            }

            scores.Add(new LanguageScore(
                group.Key, answerable, Share(at1, answerable), Share(at3, answerable), Share(answered, answerable), Share(wronglyDeclined, answerable),
                unanswerable, Share(declined, unanswerable)));
        }

        return scores;
    }

    /// <summary>The table <c>--eval</c> prints.</summary>
    public static string ToTable(IReadOnlyList<LanguageScore> scores)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| lang | n | recall@1 | recall@3 | answered from the right document | wrongly declined | none: n | none correctly declined |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var s in scores)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {s.Language} | {s.Answerable} | {s.RecallAt1:0.000} | {s.RecallAt3:0.000} | {s.AnsweredCorrectly:0.000} | {s.WronglyDeclined:0.000} | {s.Unanswerable} | {s.CorrectlyDeclined:0.000} |");
        }

        return sb.ToString();
    }

    private static double Share(int count, int total) => total == 0 ? double.NaN : count / (double)total;
}
