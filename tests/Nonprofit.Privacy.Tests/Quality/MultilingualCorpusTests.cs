using System.Text.Json;

using Nonprofit.Evaluation.Pii;

namespace Nonprofit.Privacy.Tests.Quality;

/// <summary>
/// Quality floors on the project's own multilingual corpus (Corpus/source.txt, built by
/// tools/corpus/build_corpus.py): en, fr, es, pt, sw, hi-Latn and hi, with negatives. The floors sit a little
/// under the measured values (docs/privacy.md) so that a regression fails here.
/// </summary>
public sealed class MultilingualCorpusTests
{
    private static readonly PiiDetector s_detector = new();

    private static readonly string[] s_checksumTypes =
    [
        "CREDIT_CARD", "IBAN_CODE", "BR_CPF", "IN_AADHAAR", "FR_NIR", "ES_DNI", "ES_NIE", "ZA_ID", "US_SSN", "UK_NHS", "CRYPTO",
        "EMAIL_ADDRESS", "IP_ADDRESS", "UK_NINO", "KE_KRA_PIN",
    ];

    private sealed record Case(int Id, string Lang, string Text, (string Type, int Start, int End)[] Spans);

    private static Case[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", "multilingual.jsonl");
        return File.ReadLines(path).Where(l => l.Length > 0).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var spans = r.GetProperty("spans").EnumerateArray()
                .Select(s => (s.GetProperty("type").GetString()!, s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32()))
                .ToArray();
            return new Case(r.GetProperty("id").GetInt32(), r.GetProperty("lang").GetString()!, r.GetProperty("text").GetString()!, spans);
        }).ToArray();
    }

    [Fact]
    public void Corpus_HasEveryLanguageAndNegatives()
    {
        var cases = Load();

        Assert.True(cases.Length >= 400, $"Only {cases.Length} cases.");
        foreach (var lang in new[] { "en", "fr", "es", "pt", "sw", "hi-Latn", "hi" })
        {
            Assert.True(cases.Count(c => c.Lang == lang) >= 50, $"Fewer than 50 cases in {lang}.");
        }

        Assert.True(cases.Count(c => c.Spans.Length == 0) >= 100);
    }

    [Fact]
    public void Detect_Corpus_CharacterF1AtLeast090AndPrecisionAtLeast095()
    {
        var score = new CharacterScorer();
        foreach (var c in Load())
        {
            score.Add(new PresidioRecord(c.Text, [.. c.Spans.Select(s => new GoldSpan(s.Type, s.Start, s.End))]), [.. s_detector.Detect(c.Text).Select(m => (m.Start, m.End))]);
        }

        Assert.True(score.F1 >= 0.90, $"F1 {score.F1:0.000} (precision {score.Precision:0.000}, recall {score.Recall:0.000}).");
        Assert.True(score.Precision >= 0.95, $"Precision {score.Precision:0.000}.");
    }

    [Theory]
    [InlineData("en", 0.90)]
    [InlineData("fr", 0.90)]
    [InlineData("es", 0.90)]
    [InlineData("pt", 0.90)]
    [InlineData("sw", 0.88)]
    [InlineData("hi-Latn", 0.90)]
    [InlineData("hi", 0.85)]
    public void Detect_CorpusLanguage_CharacterF1AboveFloor(string lang, double floor)
    {
        var score = new CharacterScorer();
        foreach (var c in Load().Where(c => c.Lang == lang))
        {
            score.Add(new PresidioRecord(c.Text, [.. c.Spans.Select(s => new GoldSpan(s.Type, s.Start, s.End))]), [.. s_detector.Detect(c.Text).Select(m => (m.Start, m.End))]);
        }

        Assert.True(score.F1 >= floor, $"{lang}: F1 {score.F1:0.000} < {floor} (precision {score.Precision:0.000}, recall {score.Recall:0.000}).");
    }

    [Fact]
    public void Detect_CorpusNegatives_AtLeast95PercentReportNothing()
    {
        var negatives = Load().Where(c => c.Spans.Length == 0).ToArray();
        var noisy = negatives.Where(c => s_detector.Detect(c.Text).Count > 0).Select(c => c.Id).ToArray();

        Assert.True(noisy.Length <= negatives.Length * 0.05, $"{noisy.Length} of {negatives.Length} negative cases report PII: ids {string.Join(", ", noisy)}.");
    }

    [Fact]
    public void Detect_CorpusValidatedIdentifiers_FoundWithTheirTypeAndExactSpan()
    {
        var missed = new List<string>();
        foreach (var c in Load())
        {
            var found = s_detector.Detect(c.Text);
            foreach (var (type, start, end) in c.Spans.Where(s => s_checksumTypes.Contains(s.Type)))
            {
                if (!found.Any(m => m.Type.Name == type && m.Start == start && m.End == end))
                {
                    missed.Add($"case {c.Id}: {type} {start}..{end}");
                }
            }
        }

        Assert.True(missed.Count == 0, "Missed: " + string.Join("; ", missed));
    }
}
