using System.Globalization;
using System.Text.Json;
using Nonprofit.Privacy;

namespace Nonprofit.Evaluation.Pii;

/// <summary>
/// The project's own multilingual corpus (tests/Nonprofit.Privacy.Tests/Corpus/multilingual.jsonl): the same
/// character-level metric per language, plus the share of negative lines (no gold span) with no detection.
/// </summary>
internal static class CorpusEvaluation
{
    public const string DefaultCorpus = "tests/Nonprofit.Privacy.Tests/Corpus/multilingual.jsonl";

    public static int Run(string[] args)
    {
        var errorsAt = Array.IndexOf(args, "--errors");
        var path = args.Length > 0 && errorsAt != 0 ? args[0] : PiiEvaluation.FindAbove(DefaultCorpus);
        var cases = Load(path);
        var detector = new PiiDetector();
        var all = new CharacterScorer();
        var byLanguage = new SortedDictionary<string, CharacterScorer>(StringComparer.Ordinal);
        var negatives = 0;
        var cleanNegatives = 0;
        foreach (var (lang, record) in cases)
        {
            var predicted = detector.Detect(record.Text).Select(m => (m.Start, m.End)).ToArray();
            all.Add(record, predicted);
            if (!byLanguage.TryGetValue(lang, out var scorer))
            {
                byLanguage[lang] = scorer = new CharacterScorer();
            }

            scorer.Add(record, predicted);
            if (record.Spans.Count == 0)
            {
                negatives++;
                cleanNegatives += predicted.Length == 0 ? 1 : 0;
            }
        }

        Console.WriteLine($"corpus={Path.GetFileName(path)}");
        Console.WriteLine($"cases={cases.Count}");
        foreach (var (key, value) in all.Metrics())
        {
            Console.WriteLine(FormattableString.Invariant($"corpus.{key}={value:0.000}"));
        }

        foreach (var (lang, scorer) in byLanguage)
        {
            Console.WriteLine(FormattableString.Invariant($"corpus.{lang}.f1={scorer.F1:0.000} precision={scorer.Precision:0.000} recall={scorer.Recall:0.000}"));
        }

        if (errorsAt >= 0)
        {
            PiiEvaluation.PrintErrors(
                cases.Select(c => c.Record).ToList(),
                cases.Select(c => detector.Detect(c.Record.Text)).ToList(),
                int.Parse(args[errorsAt + 1], CultureInfo.InvariantCulture));
        }

        Console.WriteLine(FormattableString.Invariant($"corpus.negatives_clean={(double)cleanNegatives / Math.Max(1, negatives):0.000} ({cleanNegatives}/{negatives})"));
        return 0;
    }

    public static List<(string Language, PresidioRecord Record)> Load(string path)
    {
        var cases = new List<(string, PresidioRecord)>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var spans = root.GetProperty("spans").EnumerateArray()
                .Select(s => new GoldSpan(s.GetProperty("type").GetString()!, s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32()))
                .ToArray();
            cases.Add((root.GetProperty("lang").GetString()!, new PresidioRecord(root.GetProperty("text").GetString()!, spans)));
        }

        return cases;
    }
}
