using System.Globalization;
using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Evaluation;

/// <summary>
/// How the retrieval settings were chosen (<c>--sweep</c>): on the dev questions and the first half of the no-answer
/// questions (<c>questions-none.a</c>) only; the test questions and <c>questions-none.b</c> are not read.
/// </summary>
internal static class RetrievalSweep
{
    public static void Run(string dataFolder, TextWriter output)
    {
        var kb = KnowledgeBase.Load(KnowledgeBase.DefaultFolder);
        var dev = LabelledQuestion.LoadAll(dataFolder, "questions-dev.*.jsonl");
        var none = LabelledQuestion.Load(Path.Combine(dataFolder, "questions-none.a.jsonl"));
        output.WriteLine("gramWeight titleBoost | recall@1 / recall@3 per language (dev)");
        foreach (var gram in new[] { 0f, 0.25f, 0.5f, 1f, 2f })
        {
            foreach (var title in new[] { 1f, 2f, 3f })
            {
                using var index = new AdvisoryIndex(kb, RetrievalOptions.Default with { GramWeight = gram, TitleBoost = title });
                var scores = RetrievalEvaluation.Evaluate(index, dev);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{gram,4} {title,4} | {string.Join("  ", scores.Select(s => $"{s.Language} {s.RecallAt1:0.00}/{s.RecallAt3:0.00}"))}  | mean@3 {scores.Average(s => s.RecallAt3):0.000}"));
            }
        }

        using var chosen = new AdvisoryIndex(kb, RetrievalOptions.Default with { MinScore = 0, MinCoverage = 0 });
        output.WriteLine("minCoverage minScore | answerable dev questions declined (en sw hi fr) | none.a declined (en sw hi fr)");
        foreach (var coverage in new[] { 0.0, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45 })
        {
            foreach (var score in new[] { 0f, 0.04f, 0.06f, 0.08f, 0.1f, 0.12f, 0.15f })
            {
                var options = chosen.Options with { MinCoverage = coverage, MinScore = score, MinScoreByLanguage = new Dictionary<string, float>() };
                bool Declined(LabelledQuestion q) => !chosen.Search(q.Question, QuestionLanguage.Resolve(q.Question, q.Language))
                    .Any(h => h.Score >= options.MinScoreFor(h.Document.Language) && h.Coverage >= options.MinCoverage);
                string Rates(IReadOnlyList<LabelledQuestion> set) => string.Join(' ', Languages.All.Select(l =>
                    (set.Count(q => q.Language == l && Declined(q)) / (double)set.Count(q => q.Language == l)).ToString("0.00", CultureInfo.InvariantCulture)));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{coverage,4} {score,4} | {Rates(dev)} | {Rates(none)}"));
            }
        }
    }
}
