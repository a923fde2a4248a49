using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Nonprofit.Privacy;

namespace Nonprofit.Evaluation.Pii;

/// <summary>
/// Runs <see cref="PiiDetector"/> over the Presidio research synthetic set and prints the metrics.
/// </summary>
internal static class PiiEvaluation
{
    public const string DefaultData = "../shared/data/pii/presidio_research_synth_dataset_v2.json";

    public static int Run(string[] args)
    {
        var data = Option(args, "--data") ?? FindData();
        var predictionsPath = Option(args, "--predictions");
        var errors = int.Parse(Option(args, "--errors") ?? "0", CultureInfo.InvariantCulture);

        var records = PresidioRecord.Load(data);
        var detector = new PiiDetector();
        var predictions = new List<IReadOnlyList<PiiMatch>>(records.Count);
        var stopwatch = Stopwatch.StartNew();
        foreach (var record in records)
        {
            predictions.Add(detector.Detect(record.Text));
        }

        stopwatch.Stop();
        var score = CharacterScorer.Score(records, predictions.Select(p => p.Select(m => (m.Start, m.End)).ToArray()).ToArray());
        Console.WriteLine($"data={Path.GetFileName(data)}");
        Console.WriteLine($"records={records.Count}");
        foreach (var (key, value) in score.Metrics())
        {
            Console.WriteLine(FormattableString.Invariant($"{key}={value:0.000}"));
        }

        Console.WriteLine(FormattableString.Invariant($"wall_ms={stopwatch.Elapsed.TotalMilliseconds:0.0}"));

        if (predictionsPath is not null)
        {
            using var writer = new StreamWriter(predictionsPath, false, new UTF8Encoding(false));
            foreach (var p in predictions)
            {
                writer.WriteLine(JsonSerializer.Serialize(new
                {
                    spans = p.Select(m => new { start = m.Start, end = m.End, type = m.Type.Name, score = Math.Round(m.Score, 3) }),
                }));
            }
        }

        if (errors > 0)
        {
            PrintErrors(records, predictions, errors);
        }

        return 0;
    }

    internal static void PrintErrors(IReadOnlyList<PresidioRecord> records, List<IReadOnlyList<PiiMatch>> predictions, int max)
    {
        // For tuning on this synthetic, public, non-personal data set only: shows missed and spurious spans.
        var shown = 0;
        for (var r = 0; r < records.Count && shown < max; r++)
        {
            var text = records[r].Text;
            foreach (var gold in records[r].Spans.Where(s => !CharacterScorer.IsNeutral(s.Type)))
            {
                if (!predictions[r].Any(m => m.Start < gold.End && gold.Start < m.End))
                {
                    Console.WriteLine($"MISS {gold.Type}: {text[gold.Start..gold.End].Replace('\n', '|')}  <<{Context(text, gold.Start, gold.End)}>>");
                    shown++;
                }
            }

            foreach (var m in predictions[r])
            {
                if (!records[r].Spans.Any(g => m.Start < g.End && g.Start < m.End))
                {
                    Console.WriteLine($"FP   {m.Type} ({m.Recognizer} {m.Score:0.00}): {text[m.Start..m.End].Replace('\n', '|')}  <<{Context(text, m.Start, m.End)}>>");
                    shown++;
                }
            }
        }
    }

    private static string Context(string text, int start, int end) =>
        text[Math.Max(0, start - 30)..Math.Min(text.Length, end + 30)].Replace('\n', '|');

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static string FindData() => FindAbove(DefaultData);

    /// <summary>Finds <paramref name="relative"/> from the current folder or one of its parents.</summary>
    internal static string FindAbove(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Could not find {relative} above the current folder; pass its path.");
    }
}
