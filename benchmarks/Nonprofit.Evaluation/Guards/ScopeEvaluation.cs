using System.Text.Json;
using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards;
using Nonprofit.Evaluation.Pii;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// <c>guards-scope</c>: the scope guard on the project's own multilingual dev set (Data/scope-dev.jsonl: two sample
/// apps, agriculture advisory and domestic-violence support; in-scope questions, small talk, short follow-ups and
/// off-topic questions in en, fr, es, pt, sw, hi, de), each message through <see cref="ScopeChatClient"/> (follow-ups
/// after their previous question). Positive = off topic (refused). The threshold is chosen on the agriculture app
/// only (the sweep below); the domestic-violence app is held out.
/// </summary>
internal static class ScopeEvaluation
{
    public const string DefaultData = "benchmarks/Nonprofit.Evaluation/Guards/Data/scope-dev.jsonl";

    private sealed record Case(string App, string Lang, string Expected, string Kind, string Text, string? Previous);

    private sealed class NoOpModel : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    public static int Run(string[] args)
    {
        var path = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : PiiEvaluation.FindAbove(DefaultData);
        var showErrors = args.Contains("--errors");
        var cases = File.ReadLines(path).Where(l => l.Length > 0).Select(Parse).ToList();
        var threshold = new ScopeOptions().Threshold;
        Console.WriteLine(FormattableString.Invariant($"scope.data={Path.GetFileName(path)} cases={cases.Count} default_threshold={threshold}"));

        // Threshold sweep on the agriculture app (the only tuning done).
        foreach (var t in new[] { -0.4, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4 })
        {
            var (acc, fpr, recall) = Score(Evaluate(cases.Where(c => c.App == "agriculture").ToList(), t, false));
            Console.WriteLine(FormattableString.Invariant($"scope.sweep.agriculture.t{t:0.0}: accuracy={acc:0.000} fpr={fpr:0.000} off_topic_recall={recall:0.000}"));
        }

        foreach (var app in new[] { "agriculture", "dv_support" })
        {
            var appCases = cases.Where(c => c.App == app).ToList();
            var results = Evaluate(appCases, threshold, showErrors);
            Report("scope." + app, results);
            foreach (var lang in appCases.Select(c => c.Lang).Distinct().Order(StringComparer.Ordinal))
            {
                Report("scope." + app + "." + lang, results.Where(r => r.Case.Lang == lang).ToList());
            }

            foreach (var kind in appCases.Select(c => c.Kind).Distinct().Order(StringComparer.Ordinal))
            {
                var k = results.Where(r => r.Case.Kind == kind).ToList();
                Console.WriteLine(FormattableString.Invariant($"scope.{app}.kind.{kind}: correct={k.Count(r => r.Correct)}/{k.Count}"));
            }
        }

        var all = Evaluate(cases, threshold, false);
        Report("scope.all", all);
        return 0;
    }

    private sealed record Result(Case Case, bool Refused)
    {
        public bool Correct => Refused == (Case.Expected == "off");
    }

    private static List<Result> Evaluate(List<Case> cases, double threshold, bool showErrors)
    {
        var results = new List<Result>(cases.Count);
        foreach (var group in cases.GroupBy(c => c.App))
        {
            var options = Options(group.Key, threshold);
            using var guard = new ScopeChatClient(new NoOpModel(), options);
            foreach (var c in group)
            {
                List<ChatMessage> messages = c.Previous is null
                    ? [new(ChatRole.User, c.Text)]
                    : [new(ChatRole.User, c.Previous), new(ChatRole.Assistant, "…"), new(ChatRole.User, c.Text)];
                var response = guard.GetResponseAsync(messages).GetAwaiter().GetResult();
                var refused = response.GetGuardVerdicts().Any(v => v.Action == GuardAction.Block);
                var result = new Result(c, refused);
                results.Add(result);
                if (showErrors && !result.Correct)
                {
                    var m = new SimilarityScopeClassifier(options).Match(c.Text);
                    Console.WriteLine(FormattableString.Invariant($"  error: {c.App} {c.Lang} {c.Kind} expected={c.Expected} score={m.Score:0.000}: {c.Text}"));
                }
            }
        }

        return results;
    }

    private static ScopeOptions Options(string app, double threshold) => app switch
    {
        "agriculture" => ScopeSampleApps.Agriculture(threshold),
        "dv_support" => ScopeSampleApps.DomesticViolenceSupport(threshold),
        _ => throw new FormatException($"unknown app '{app}' in the scope data"),
    };

    private static (double Accuracy, double Fpr, double Recall) Score(List<Result> results)
    {
        var inScope = results.Where(r => r.Case.Expected == "in").ToList();
        var off = results.Where(r => r.Case.Expected == "off").ToList();
        return (
            results.Count == 0 ? 0 : (double)results.Count(r => r.Correct) / results.Count,
            inScope.Count == 0 ? 0 : (double)inScope.Count(r => r.Refused) / inScope.Count,
            off.Count == 0 ? 0 : (double)off.Count(r => r.Refused) / off.Count);
    }

    private static void Report(string prefix, List<Result> results)
    {
        var (acc, fpr, recall) = Score(results);
        Console.WriteLine(FormattableString.Invariant($"{prefix}: n={results.Count} accuracy={acc:0.000} fpr={fpr:0.000} off_topic_recall={recall:0.000}"));
    }

    private static Case Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var r = doc.RootElement;
        return new Case(
            r.GetProperty("app").GetString()!,
            r.GetProperty("lang").GetString()!,
            r.GetProperty("expected").GetString()!,
            r.GetProperty("kind").GetString()!,
            r.GetProperty("text").GetString()!,
            r.TryGetProperty("previous", out var p) ? p.GetString() : null);
    }
}
