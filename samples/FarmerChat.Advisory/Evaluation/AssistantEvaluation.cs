using System.Globalization;
using System.Text;
using FarmerChat.Advisory.Chat;
using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Evaluation;

/// <summary>
/// <c>--eval-app</c>: the labelled questions through the whole assistant (guards included, offline responder): how
/// many are answered from the expected document, and why the others are declined.
/// </summary>
internal static class AssistantEvaluation
{
    public static async Task<string> RunAsync(Advisor advisor, IReadOnlyList<LabelledQuestion> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        var text = new StringBuilder("| lang | n | answered from the expected document | declined (reasons) | none: n | none declined |\n|---|---|---|---|---|---|\n");
        foreach (var language in Languages.All)
        {
            int n = 0, right = 0, none = 0, noneDeclined = 0;
            var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var q in questions.Where(q => q.Language == language))
            {
                var answer = await advisor.AskAsync(q.Question, null, q.Language, cancellationToken);
                if (q.Expected is null)
                {
                    none++;
                    noneDeclined += answer.Declined ? 1 : 0;
                    continue;
                }

                n++;
                right += !answer.Declined && answer.Citations.Any(c => c.Id == q.Expected) ? 1 : 0;
                if (answer.Declined)
                {
                    reasons[answer.Reason ?? "?"] = reasons.GetValueOrDefault(answer.Reason ?? "?") + 1;
                }
            }

            text.Append(CultureInfo.InvariantCulture, $"| {language} | {n} | {Share(right, n)} | {reasons.Values.Sum()} ({string.Join(", ", reasons.Select(r => $"{r.Key} {r.Value}"))}) | {none} | {Share(noneDeclined, none)} |\n");
        }

        return text.ToString();
    }

    private static string Share(int count, int total) => total == 0 ? "-" : (count / (double)total).ToString("0.000", CultureInfo.InvariantCulture);
}
