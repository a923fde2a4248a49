using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Nonprofit.AI.Guards;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// Language identification on the <c>language</c> column of Multilingual HateCheck (issue 6), side by side in the same
/// run with the npm peers franc-min 6.2.0 and eld 2.1.0 (installed and run by <c>benchmarks/guards-language-peers.sh</c>).
/// </summary>
/// <remarks>
/// <para>
/// The rows are split deterministically by the FNV-1a hash of <c>mhc_case_id</c>: 20% DEV (looked at while developing:
/// thresholds, features, corpus gaps) and 80% TEST (reported, never looked at row by row). Both are printed. Nothing
/// from the file is trained on: the model is trained on the repository's own corpus only.
/// </para>
/// <para>
/// <c>dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- guards-language [--data FILE] [--no-peers]
/// [--errors N]</c> (<c>--errors</c> prints up to N DEV misses, for development; the data is offensive).
/// </para>
/// </remarks>
internal static class LanguageEvaluation
{
    public const string DataFile = "data/guards/multilingual_hatecheck_cases.csv";
    private const int DevPercent = 20;

    public static int Run(string[] args)
    {
        var data = LanguageTraining.Option(args, "--data") ?? Repository.Shared(DataFile);
        var errors = int.Parse(LanguageTraining.Option(args, "--errors") ?? "0", CultureInfo.InvariantCulture);
        var rows = Load(data);
        // --retrain: train on the corpus in memory instead of using the embedded model (development loop, with the
        // optional --bits/--max-n/--epochs/--l2/--min-confidence overrides); the reported figures use the embedded model.
        var identifier = args.Contains("--retrain") ? Retrained(args) : LanguageIdentifier.Default;

        // Ours: warm up once, then time the whole pass.
        foreach (var row in rows)
        {
            identifier.Identify(row.Text);
        }

        var ours = new string[rows.Count];
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < rows.Count; i++)
        {
            ours[i] = identifier.Identify(rows[i].Text).Language;
        }

        stopwatch.Stop();
        Console.WriteLine($"data={Path.GetFileName(data)}");
        Console.WriteLine($"rows={rows.Count}");
        Console.WriteLine($"rows.dev={rows.Count(r => r.Dev)}");
        Console.WriteLine($"rows.test={rows.Count(r => !r.Dev)}");
        Console.WriteLine(FormattableString.Invariant($"ours.us_per_text={stopwatch.Elapsed.TotalMicroseconds / rows.Count:0.00}"));

        var systems = new List<(string Name, string[] Predictions)> { ("ours", ours) };
        if (!args.Contains("--no-peers"))
        {
            systems.AddRange(Peers(rows));
        }

        foreach (var part in new[] { "dev", "test" })
        {
            var selected = Enumerable.Range(0, rows.Count).Where(i => rows[i].Dev == (part == "dev")).ToArray();
            foreach (var (name, predictions) in systems)
            {
                Print(name, part, rows, predictions, selected);
            }
        }

        PrintTable(rows, systems);
        if (errors > 0)
        {
            PrintDevErrors(rows, ours, errors, identifier);
        }

        return 0;
    }

    private static void Print(string system, string part, List<Row> rows, string[] predictions, int[] selected)
    {
        var correct = selected.Count(i => predictions[i] == rows[i].Language);
        var unknown = selected.Count(i => predictions[i] == LanguageIdentification.UnknownLanguage);
        Console.WriteLine(FormattableString.Invariant($"{system}.{part}.accuracy={correct / (double)selected.Length:0.000}"));
        Console.WriteLine(FormattableString.Invariant($"{system}.{part}.unknown_rate={unknown / (double)selected.Length:0.000}"));
        foreach (var language in rows.Select(r => r.Language).Distinct().Order(StringComparer.Ordinal))
        {
            var of = selected.Where(i => rows[i].Language == language).ToArray();
            var ok = of.Count(i => predictions[i] == language);
            Console.WriteLine(FormattableString.Invariant($"{system}.{part}.accuracy.{language}={ok / (double)of.Length:0.000}"));
        }
    }

    /// <summary>A markdown table of TEST accuracy per language for every system (for docs/guards.md).</summary>
    private static void PrintTable(List<Row> rows, List<(string Name, string[] Predictions)> systems)
    {
        var test = Enumerable.Range(0, rows.Count).Where(i => !rows[i].Dev).ToArray();
        var languages = rows.Select(r => r.Language).Distinct().Order(StringComparer.Ordinal).ToArray();
        Console.WriteLine();
        Console.WriteLine("| TEST | " + string.Join(" | ", languages) + " | overall |");
        Console.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---|", languages.Length + 1)));
        foreach (var (name, predictions) in systems)
        {
            var cells = languages.Select(l =>
            {
                var of = test.Where(i => rows[i].Language == l).ToArray();
                return (of.Count(i => predictions[i] == l) / (double)of.Length).ToString("0.000", CultureInfo.InvariantCulture);
            });
            var overall = test.Count(i => predictions[i] == rows[i].Language) / (double)test.Length;
            Console.WriteLine($"| {name} | " + string.Join(" | ", cells) + FormattableString.Invariant($" | {overall:0.000} |"));
        }
    }

    private static void PrintDevErrors(List<Row> rows, string[] ours, int max, LanguageIdentifier identifier)
    {
        // DEV rows only: the TEST part is never looked at row by row.
        var shown = 0;
        for (var i = 0; i < rows.Count && shown < max; i++)
        {
            if (rows[i].Dev && ours[i] != rows[i].Language)
            {
                var result = identifier.Identify(rows[i].Text);
                Console.WriteLine(FormattableString.Invariant($"DEV MISS {rows[i].Language} -> {result.Language} ({result.Confidence:0.00}): {rows[i].Text}"));
                shown++;
            }
        }
    }

    private static LanguageIdentifier Retrained(string[] args)
    {
        string? Get(string name) => LanguageTraining.Option(args, name);
        var defaults = LanguageTraining.Featurizer();
        var featurizer = new Nonprofit.AI.Guards.Detection.TextFeaturizer(
            int.Parse(Get("--bits") ?? defaults.BucketBits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            int.Parse(Get("--min-n") ?? defaults.MinCharN.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            int.Parse(Get("--max-n") ?? defaults.MaxCharN.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            words: !args.Contains("--no-words"),
            wordBigrams: args.Contains("--bigrams"));
        var options = LanguageTraining.Options with
        {
            Epochs = int.Parse(Get("--epochs") ?? LanguageTraining.Options.Epochs.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            L2 = float.Parse(Get("--l2") ?? LanguageTraining.Options.L2.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        };
        var model = LanguageTraining.Train(Path.Combine(Repository.Root(), LanguageTraining.CorpusFolder), featurizer, options, out var sentences, out var examples);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        Console.WriteLine($"retrained.sentences={sentences}");
        Console.WriteLine($"retrained.examples={examples}");
        Console.WriteLine($"retrained.bytes={buffer.Length}");
        var confidence = double.Parse(Get("--min-confidence") ?? LanguageIdentifier.DefaultMinimumConfidence.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return new LanguageIdentifier(model, confidence, LanguageIdentifier.DefaultMinimumLetters);
    }

    private static IEnumerable<(string Name, string[] Predictions)> Peers(List<Row> rows)
    {
        var script = Path.Combine(Repository.Root(), "benchmarks", "guards-language-peers.sh");
        var input = Path.GetTempFileName();
        var output = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(input, rows.Select(r => JsonSerializer.Serialize(r.Text)), new UTF8Encoding(false));
            var start = new ProcessStartInfo("bash", [script, input, output]) { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
            var printed = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"peers=failed (exit {process.ExitCode}; see stderr)");
                return [];
            }

            Console.Write(printed);
            var lines = File.ReadAllLines(output);
            if (lines.Length != rows.Count)
            {
                throw new InvalidDataException($"The peers wrote {lines.Length} predictions for {rows.Count} texts.");
            }

            var franc = new string[rows.Count];
            var eld = new string[rows.Count];
            for (var i = 0; i < lines.Length; i++)
            {
                using var json = JsonDocument.Parse(lines[i]);
                franc[i] = json.RootElement.GetProperty("franc").GetString() ?? LanguageIdentification.UnknownLanguage;
                eld[i] = json.RootElement.GetProperty("eld").GetString() ?? LanguageIdentification.UnknownLanguage;
            }

            return [("franc-min", franc), ("eld", eld)];
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    internal readonly record struct Row(string Id, string Language, string Text, bool Dev);

    /// <summary>Reads the CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks).</summary>
    internal static List<Row> Load(string path)
    {
        var records = Csv.Read(File.ReadAllText(path, Encoding.UTF8));
        var header = records[0];
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"Column '{name}' is missing.");
        var id = Column("mhc_case_id");
        var language = Column("language");
        var text = Column("test_case");
        return [.. records.Skip(1).Where(r => r.Length == header.Length).Select(r => new Row(r[id], r[language], r[text], IsDev(r[id])))];
    }

    /// <summary>Whether a case id falls in the DEV part: FNV-1a (32-bit) of its UTF-8 bytes, modulo 100, below 20.</summary>
    internal static bool IsDev(string caseId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(caseId))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash % 100 < DevPercent;
    }
}

/// <summary>A minimal RFC 4180 CSV reader.</summary>
internal static class Csv
{
    public static List<string[]> Read(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }
}
