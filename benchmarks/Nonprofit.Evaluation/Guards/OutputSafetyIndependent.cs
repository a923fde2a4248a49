using System.Globalization;
using System.Text.Json;
using Nonprofit.AI.Guards;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// Scores hate models on an independent evaluation set (JSON Lines: <c>id</c>, <c>lang</c>, <c>label</c>
/// "hateful"/"non-hateful", <c>kind</c>, <c>text</c>; written by another author, never trained or tuned on): per language
/// macro-F1, hateful recall and non-hateful blocked (also per kind) at the shipped threshold, the macro-F1 averaged over
/// the languages, the blocked rate of counter-speech and survivors' kinds, and the samples' vetted sentences blocked.
/// The embedded model first, then each <c>--model FILE</c> (<c>--model-translit FILE</c>: a model trained on
/// Devanagari transliterated to Latin).
/// <code>dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- guards-output-indep [--data FILE] [--threshold T] [--model FILE]... [--model-translit FILE]... [--model-identities FILE]... (trained with --identities)</code>
/// </summary>
internal static class OutputSafetyIndependent
{
    public const string DefaultPath = "benchmarks/Nonprofit.Evaluation/Guards/Data/output-independent-s22.jsonl";

    public static int Run(string[] args)
    {
        var data = OutputSafetyTraining.Arg(args, "--data") ?? OutputHateData.FindShared(DefaultPath);
        var threshold = OutputSafetyTraining.Arg(args, "--threshold") is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : new OutputSafetyDetectorOptions().HateThreshold;
        var cases = Load(data);
        Console.WriteLine($"guards.output.indep.data={Path.GetFileName(data)} (n={cases.Count})");
        Console.WriteLine($"guards.output.indep.threshold={OutputSafetyEvaluation.F(threshold)}");
        var models = new List<(string Name, HateSpeechModel Model)> { ("embedded", HateSpeechModel.Default) };
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] is "--model" or "--model-translit" or "--model-identities")
            {
                using var stream = File.OpenRead(args[i + 1]);
                models.Add((Path.GetFileNameWithoutExtension(args[i + 1]), new HateSpeechModel(Nonprofit.AI.Guards.Detection.LinearTextModel.Load(stream), args[i] == "--model-translit", args[i] == "--model-identities")));
            }
        }

        foreach (var (name, model) in models)
        {
            Report($"guards.output.indep.{name}", cases.Select(c => (Case: c, Score: model.Score(c.Text))).ToList(), threshold);
            OutputSafetySamples.Report(model, threshold, $"guards.output.indep.{name}.samples");
        }

        return 0;
    }

    /// <summary>Counter-speech and survivors' kinds: what a support bot must let through (all non-hateful kinds if the set names none).</summary>
    internal static bool IsAllowKind(string kind) =>
        kind.Contains("counter", StringComparison.OrdinalIgnoreCase) || kind.Contains("surviv", StringComparison.OrdinalIgnoreCase);

    private static void Report(string prefix, List<(HateCase Case, double Score)> scored, double threshold)
    {
        var anyAllowKind = scored.Any(s => !s.Case.Hateful && IsAllowKind(s.Case.Functionality));
        var f1s = new List<double>();
        foreach (var group in scored.GroupBy(s => s.Case.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var f1 = OutputSafetyEvaluation.MacroF1(group, threshold);
            f1s.Add(f1);
            var hateful = group.Where(s => s.Case.Hateful).ToList();
            var nonHateful = group.Where(s => !s.Case.Hateful).ToList();
            var allow = nonHateful.Where(s => !anyAllowKind || IsAllowKind(s.Case.Functionality)).ToList();
            Console.WriteLine($"{prefix}.{group.Key}: f1_macro={OutputSafetyEvaluation.F(f1)} hateful_recall={OutputSafetyEvaluation.F(Rate(hateful, threshold))} (n={hateful.Count}) non_hateful_blocked={OutputSafetyEvaluation.F(Rate(nonHateful, threshold))} (n={nonHateful.Count}) counter_survivor_blocked={OutputSafetyEvaluation.F(Rate(allow, threshold))} (n={allow.Count})");
            foreach (var kind in group.GroupBy(s => (s.Case.Hateful, s.Case.Functionality)).OrderBy(k => k.Key.Hateful).ThenBy(k => k.Key.Functionality, StringComparer.Ordinal))
            {
                Console.WriteLine($"{prefix}.{group.Key}.{(kind.Key.Hateful ? "recall" : "blocked")}.{kind.Key.Functionality}={OutputSafetyEvaluation.F(Rate([.. kind], threshold))} (n={kind.Count()})");
            }
        }

        Console.WriteLine($"{prefix}.f1_macro.avg_languages={OutputSafetyEvaluation.F(f1s.Average())} ({f1s.Count} languages)");
        Console.WriteLine($"{prefix}.f1_macro.all_pooled={OutputSafetyEvaluation.F(OutputSafetyEvaluation.MacroF1(scored, threshold))}");
    }

    private static double Rate(List<(HateCase Case, double Score)> cases, double threshold) =>
        cases.Count == 0 ? double.NaN : cases.Count(c => c.Score >= threshold) / (double)cases.Count;

    /// <summary>Reads the JSON Lines file; a line without the fields is an error with its line number.</summary>
    internal static List<HateCase> Load(string path)
    {
        var cases = new List<HateCase>();
        foreach (var (line, number) in File.ReadLines(path).Select((line, i) => (line, i + 1)).Where(l => !string.IsNullOrWhiteSpace(l.line)))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new InvalidDataException($"{path}:{number}: no string field '{name}'.");
            var label = Field("label");
            if (label is not ("hateful" or "non-hateful"))
            {
                throw new InvalidDataException($"{path}:{number}: label must be 'hateful' or 'non-hateful'.");
            }

            cases.Add(new HateCase(Field("id"), Field("lang"), Field("kind"), Field("text"), label == "hateful", string.Empty, Field("id")));
        }

        return cases;
    }
}
