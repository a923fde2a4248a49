using Nonprofit.Evaluation.Pii;

namespace Nonprofit.Privacy.Tests.Quality;

/// <summary>
/// The Privacy issue's quality bar on the Presidio research synthetic set (../shared/data/pii, MIT): character
/// F1 at least 0.85, and recall of e-mail, card, IBAN, IP and SSN at least 0.98 and of phones at least 0.95.
/// The same definition as benchmarks/Nonprofit.Evaluation (cross-checked by benchmarks/peers/score_chars.py).
/// </summary>
public sealed class PresidioResearchSetTests
{
    private static IReadOnlyList<PresidioRecord> Load() =>
        PresidioRecord.Load(TestSupport.FindData("../shared/data/pii/presidio_research_synth_dataset_v2.json"));

    [Fact]
    public void Detect_PresidioResearchSet_CharacterF1AtLeast085()
    {
        var detector = new PiiDetector();
        var score = new CharacterScorer();
        foreach (var r in Load())
        {
            score.Add(r, [.. detector.Detect(r.Text).Select(m => (m.Start, m.End))]);
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
        var score = new CharacterScorer();
        foreach (var r in Load())
        {
            score.Add(r, [.. detector.Detect(r.Text).Select(m => (m.Start, m.End))]);
        }

        // A gold span counts as found when at least half of its non-space characters are flagged.
        var recall = score.Metrics().Single(m => m.Key == $"pii.recall.{type}").Value;
        Assert.True(recall >= goal, $"{type}: recall {recall:0.000} < {goal}.");
    }
}
