using System.Text.Json;

namespace Nonprofit.Privacy.Tests.Quality;

/// <summary>
/// The Privacy issue's quality bar on the Presidio research synthetic set (../shared/data/pii, MIT): character
/// F1 at least 0.85, and recall of e-mail, card, IBAN, IP and SSN at least 0.98 and of phones at least 0.95.
/// The same definition as benchmarks/Nonprofit.Evaluation (cross-checked by benchmarks/peers/score_chars.py).
/// </summary>
public sealed class PresidioResearchSetTests
{
    private static readonly HashSet<string> s_neutral = ["ORGANIZATION", "TITLE", "NRP", "DATE_TIME"];

    private sealed record Record(string Text, (string Type, int Start, int End)[] Spans);

    private static Record[] Load()
    {
        var path = FindData("../shared/data/pii/presidio_research_synth_dataset_v2.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.EnumerateArray().Select(e => new Record(
            e.GetProperty("full_text").GetString()!,
            e.GetProperty("spans").EnumerateArray().Select(s => (
                s.GetProperty("entity_type").GetString()!,
                s.GetProperty("start_position").GetInt32(),
                s.GetProperty("end_position").GetInt32())).ToArray())).ToArray();
    }

    // The data lives beside the repository (as in CI); a missing copy is a failure, not a skip.
    private static string FindData(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}: the shared data must sit beside the repository.");
    }

    [Fact]
    public void Detect_PresidioResearchSet_CharacterF1AtLeast085()
    {
        var detector = new PiiDetector();
        var score = new CharacterScore(s_neutral);
        foreach (var r in Load())
        {
            score.Add(r.Text, r.Spans, detector.Detect(r.Text));
        }

        Assert.True(score.F1 >= 0.85, $"F1 {score.F1:0.000} (precision {score.Precision:0.000}, recall {score.Recall:0.000}).");
    }

    [Theory]
    [InlineData("EMAIL_ADDRESS", 0.98)]
    [InlineData("CREDIT_CARD", 0.98)]
    [InlineData("IBAN_CODE", 0.98)]
    [InlineData("IP_ADDRESS", 0.98)]
    [InlineData("US_SSN", 0.98)]
    [InlineData("PHONE_NUMBER", 0.95)]
    public void Detect_PresidioResearchSet_TypeRecallAtLeastGoal(string type, double goal)
    {
        var detector = new PiiDetector();
        int found = 0, total = 0;
        foreach (var r in Load())
        {
            var matches = detector.Detect(r.Text);
            foreach (var (t, start, end) in r.Spans.Where(s => s.Type == type))
            {
                total++;
                var nonSpace = 0;
                var hit = 0;
                for (var i = start; i < end; i++)
                {
                    if (!char.IsWhiteSpace(r.Text[i]))
                    {
                        nonSpace++;
                        hit += matches.Any(m => m.Start <= i && i < m.End) ? 1 : 0;
                    }
                }

                found += 2 * hit >= nonSpace ? 1 : 0;
            }
        }

        Assert.True(total > 0);
        var recall = (double)found / total;
        Assert.True(recall >= goal, $"{type}: recall {recall:0.000} ({found}/{total}) < {goal}.");
    }
}
