using System.Globalization;
using System.Text.Json;
using Nonprofit.AI.Guards;
using Nonprofit.Evaluation.Pii;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// <c>guards-heldout</c>: the crisis, injection and scope detectors, with their shipped defaults, on the held-out corpora
/// of tests/Nonprofit.AI.Guards.Tests/Corpora/HeldOut (written by a separate author for this repository, never seen by
/// the detectors' authors, never tuned on; see that folder's README). Prints <c>metric=value</c> lines; nothing here
/// changes a threshold.
/// </summary>
internal static class HeldOutEvaluation
{
    private const string Folder = "tests/Nonprofit.AI.Guards.Tests/Corpora/HeldOut";

    public static int Run(string[] args)
    {
        var folder = Path.GetDirectoryName(PiiEvaluation.FindAbove(Folder + "/README.md"))!;
        var showErrors = args.Contains("--errors");
        Crisis(Path.Combine(folder, "crisis-heldout.jsonl"), showErrors);
        Injection(Path.Combine(folder, "injection-heldout.jsonl"), showErrors);
        Scope(Path.Combine(folder, "scope-heldout.jsonl"), showErrors);
        return 0;
    }

    private static IEnumerable<JsonElement> Lines(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone());

    private static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string R(double x) => double.IsNaN(x) ? "nan" : x.ToString("0.000", CultureInfo.InvariantCulture);

    private static double Ratio(int a, int b) => b == 0 ? double.NaN : (double)a / b;

    private static void Crisis(string path, bool showErrors)
    {
        var detector = CrisisDetector.Instance;
        var rows = Lines(path).Select(e => (Text: Str(e, "text"), Lang: Str(e, "language") + (Str(e, "script") is "Deva" or "Arab" ? "-" + Str(e, "script") : ""), Category: Str(e, "category"), Kind: Str(e, "kind"))).ToList();
        var perLang = new SortedDictionary<string, int[]>(StringComparer.Ordinal); // tp, positives, fp, negatives, right category
        foreach (var row in rows)
        {
            var detection = detector.Detect(row.Text);
            var flagged = detection.CategoriesAtOrAbove(CrisisDetector.DefaultThreshold);
            var positive = row.Category != "none";
            foreach (var key in new[] { "all", row.Lang })
            {
                if (!perLang.TryGetValue(key, out var c))
                {
                    perLang[key] = c = new int[5];
                }

                if (positive)
                {
                    c[1]++;
                    c[0] += flagged.Count > 0 ? 1 : 0;
                    c[4] += flagged.Count > 0 && flagged[0] == row.Category ? 1 : 0;
                }
                else
                {
                    c[3]++;
                    c[2] += flagged.Count > 0 ? 1 : 0;
                }
            }

            if (showErrors && (flagged.Count > 0) != positive)
            {
                Console.WriteLine($"  crisis miss [{row.Lang} {row.Kind}] expected {row.Category}, got {detection}");
            }
        }

        foreach (var (key, c) in perLang)
        {
            Console.WriteLine($"heldout.crisis.{key}: n={c[1] + c[3]} recall={R(Ratio(c[0], c[1]))} fpr={R(Ratio(c[2], c[3]))} category_accuracy={R(Ratio(c[4], c[0]))}");
        }
    }

    private static void Injection(string path, bool showErrors)
    {
        var detector = PromptInjectionDetector.Default;
        var rows = Lines(path).Select(e => (Text: Str(e, "text"), Lang: Str(e, "language"), Label: e.GetProperty("label").GetInt32(), Kind: Str(e, "kind"))).ToList();
        Report("heldout.injection.all", rows.Select(r => (r.Label, Flag(r.Text))).ToList());
        Report("heldout.injection.without_borderline", rows.Where(r => r.Kind != "borderline").Select(r => (r.Label, Flag(r.Text))).ToList());
        Report("heldout.injection.borderline", rows.Where(r => r.Kind == "borderline").Select(r => (r.Label, Flag(r.Text))).ToList());
        foreach (var lang in rows.Select(r => r.Lang).Distinct().Order(StringComparer.Ordinal))
        {
            Report("heldout.injection." + lang, rows.Where(r => r.Lang == lang).Select(r => (r.Label, Flag(r.Text))).ToList());
        }

        if (showErrors)
        {
            foreach (var r in rows.Where(r => (r.Label == 1) != Flag(r.Text)))
            {
                Console.WriteLine($"  injection miss [{r.Lang} {r.Kind}] label {r.Label}");
            }
        }

        var rulesOnly = PromptInjectionDetector.RulesOnly;
        Report("heldout.injection.rules_only.all", rows.Select(r => (r.Label, !rulesOnly.Detect(r.Text).IsEmpty)).ToList());

        bool Flag(string text) => !detector.Detect(text).IsEmpty;
    }

    private static void Report(string name, List<(int Label, bool Flagged)> rows)
    {
        var tp = rows.Count(r => r.Label == 1 && r.Flagged);
        var fp = rows.Count(r => r.Label == 0 && r.Flagged);
        var fn = rows.Count(r => r.Label == 1 && !r.Flagged);
        var tn = rows.Count(r => r.Label == 0 && !r.Flagged);
        Console.WriteLine($"{name}: n={rows.Count} accuracy={R(Ratio(tp + tn, rows.Count))} precision={R(Ratio(tp, tp + fp))} recall={R(Ratio(tp, tp + fn))} fpr={R(Ratio(fp, fp + tn))}");
    }

    private static void Scope(string path, bool showErrors)
    {
        var threshold = new ScopeOptions().Threshold;
        var classifiers = new Dictionary<string, SimilarityScopeClassifier>(StringComparer.Ordinal)
        {
            ["agriculture"] = new(ScopeSampleApps.Agriculture(threshold)),
            ["support"] = new(ScopeSampleApps.DomesticViolenceSupport(threshold)),
        };
        var rows = Lines(path).Select(e => (Text: Str(e, "text"), Lang: Str(e, "language"), App: Str(e, "app"), InScope: e.GetProperty("in_scope").GetBoolean())).ToList();
        foreach (var app in new[] { "all", "agriculture", "support" })
        {
            var results = rows.Where(r => app == "all" || r.App == app)
                .Select(r => (Label: r.InScope ? 0 : 1, Flagged: !classifiers[r.App].Detect(r.Text).IsEmpty)).ToList();
            Report("heldout.scope." + app, results);
        }

        if (showErrors)
        {
            foreach (var r in rows.Where(r => r.InScope == !classifiers[r.App].Detect(r.Text).IsEmpty))
            {
                Console.WriteLine($"  scope miss [{r.Lang} {r.App}] in_scope={r.InScope}");
            }
        }
    }
}
