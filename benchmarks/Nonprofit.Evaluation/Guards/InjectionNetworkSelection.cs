using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Nonprofit.AI.Guards;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// Session 29's selection rule (Data/INJECTION-TRAINING.md, written before it was run): three network candidates and two
/// linear controls, scored out of fold with deepset rows grouped by near-duplicate; <c>--review29</c> is the Review23–28 veto
/// of the chosen candidate.
/// </summary>
internal static class InjectionNetworkSelection
{
    /// <summary>One candidate or control: hidden units (0 = the linear model), and whether session 28's unused lines are trained on.</summary>
    private sealed record Candidate(string Name, int Hidden, bool Unused)
    {
        public bool Network => Hidden > 0;
    }

    private static readonly Candidate[] s_candidates =
    [
        new("N16", 16, false), new("N32", 32, false), new("N16u", 16, true), new("L", 0, false), new("Lu", 0, true),
    ];

    /// <summary>A network is chosen only if it beats the linear control by at least this (grouped deepset-train accuracy).</summary>
    private const double MinGainOverControl = 0.005;

    private const int FoldCount = 5;
    private const int FoldSeed = 5;

    public static int Run(string[] args)
    {
        var review = Array.IndexOf(args, "--review29");
        if (review >= 0 && review + 3 < args.Length)
        {
            var name = args[review + 1];
            return Review(s_candidates.Single(c => c.Name == name), Number(args[review + 2]), Number(args[review + 3]));
        }

        var hash = Array.IndexOf(args, "--network-hash");
        if (hash >= 0)
        {
            // Determinism: the candidate trained on its whole training set, saved; the same bytes in every process.
            var c = s_candidates.Single(x => x.Name == args[hash + 1] && x.Network);
            using var bytes = new MemoryStream();
            InjectionNetwork.Train(TrainingSet(c), c.Hidden).Network.Save(bytes);
            Console.WriteLine($"network {c.Name} bytes={bytes.Length} sha256={Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()))}");
            return 0;
        }

        var diagnose = Array.IndexOf(args, "--diagnose29");
        if (diagnose >= 0 && diagnose + 1 < args.Length)
        {
            Diagnose(s_candidates.Single(x => x.Name == args[diagnose + 1] && x.Network));
            return 0;
        }

        Select(args.Contains("--errors"));
        return 0;
    }

    /// <summary>
    /// A diagnostic (not a choice): per grouped fold, the network's probability for a text with no features (the output bias
    /// and the hidden biases alone) and the share of the fold's benign Reddit windows and crisis messages scored within 0.001 of it.
    /// </summary>
    private static void Diagnose(Candidate c)
    {
        var cases = TrainingSet(c);
        var fold = InjectionTraining.Folds(cases, FoldCount, FoldSeed);
        InjectionTraining.GroupDeepsetFolds(cases, fold, FoldCount, FoldSeed);
        for (var f = 0; f < FoldCount; f++)
        {
            var network = InjectionNetwork.Train([.. cases.Where((_, i) => fold[i] != f)], c.Hidden, allowDead: true);
            var empty = network.Probability([]);
            foreach (var label in new[] { 0, 1 })
            {
                var texts = cases.Where((x, i) => fold[i] != f && x.Label == label).Select(x => Nonprofit.AI.Guards.Detection.GuardText.Normalize(x.Text)).ToList();
                Console.WriteLine(FormattableString.Invariant(
                    $"diagnose29 {c.Name} fold={f} train_label={label} n={texts.Count} any_unit_on={texts.Count(t => network.Network.ActiveUnits(t) > 0) / (double)texts.Count:0.0000} mean_units_on={texts.Average(t => network.Network.ActiveUnits(t)):0.00}"));
            }

            var benign = cases.Where((x, i) => fold[i] == f && x.Origin is InjectionCase.Reddit or InjectionCase.Crisis).ToList();
            var probabilities = benign.Select(x =>
            {
                var buffer = new char[x.Text.Length];
                return network.Probability(buffer.AsSpan(0, Nonprofit.AI.Guards.Detection.GuardText.Normalize(x.Text, buffer)));
            }).ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"diagnose29 {c.Name} fold={f} no_feature_probability={empty:0.000} benign={benign.Count} at_no_feature_probability={probabilities.Count(p => Math.Abs(p - empty) < 0.001) / (double)benign.Count:0.000} at_or_above_0.50={probabilities.Count(p => p >= 0.5) / (double)benign.Count:0.000}"));
        }
    }

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static List<InjectionCase> TrainingSet(Candidate c)
    {
        var set = InjectionTraining.TrainingSet();
        if (c.Unused)
        {
            set.AddRange(InjectionData.Session28Unused());
        }

        return set;
    }

    private static PromptInjectionDetector Detector(Candidate c, IReadOnlyList<InjectionCase> cases) =>
        c.Network ? new PromptInjectionDetector(InjectionNetwork.Train(cases, c.Hidden)) : new PromptInjectionDetector(InjectionTraining.Train(cases, InjectionTraining.Chosen));

    /// <summary>The rules' match and the model's probability of every case, out of fold, with the deepset rows grouped.</summary>
    private static (InjectionRuleMatch Rules, double Model)[] Parts(Candidate c, List<InjectionCase> cases)
    {
        var fold = InjectionTraining.Folds(cases, FoldCount, FoldSeed);
        InjectionTraining.GroupDeepsetFolds(cases, fold, FoldCount, FoldSeed);
        var parts = new (InjectionRuleMatch, double)[cases.Count];
        for (var f = 0; f < FoldCount; f++)
        {
            var detector = Detector(c, [.. cases.Where((_, i) => fold[i] != f)]);
            for (var i = 0; i < cases.Count; i++)
            {
                if (fold[i] == f)
                {
                    parts[i] = detector.Parts(cases[i].Text, InjectionTraining.SourceOf(cases[i]));
                }
            }
        }

        return parts;
    }

    private sealed record Setting(Candidate Candidate, double Weight, double Threshold, double Deepset, bool Eligible);

    private static void Select(bool errors)
    {
        var results = new ConcurrentDictionary<string, (List<Setting> Settings, string Log, List<InjectionCase> Cases, (InjectionRuleMatch Rules, double Model)[] Parts)>();
        Parallel.ForEach(s_candidates, new ParallelOptions { MaxDegreeOfParallelism = 2 }, c =>
        {
            var cases = TrainingSet(c);
            (InjectionRuleMatch Rules, double Model)[] parts;
            try
            {
                parts = Parts(c, cases);
            }
            catch (DeadNetworkException e)
            {
                // A fold trained to a constant: the candidate has no figures (session 29's N16u); --diagnose29 shows the fold.
                results[c.Name] = ([], $"select29 {c.Name} dead network in a fold, not eligible: {e.Message}{Environment.NewLine}", cases, []);
                return;
            }

            var log = new StringBuilder();
            var settings = new List<Setting>();
            var indexed = cases.Select((x, i) => (x, i)).ToList();
            foreach (var weight in InjectionTraining.s_weights25)
            {
                var scores = parts.Select(p => PromptInjectionDetector.Combine(p.Rules, p.Model, weight)).ToArray();
                foreach (var threshold in InjectionTraining.s_thresholds25)
                {
                    var f = InjectionTraining.Figures(cases, scores, threshold);
                    var look = Metrics.Of(indexed.Where(x => x.x.Origin == InjectionCase.LookAlike).Select(x => (x.x.Label, scores[x.i])), threshold);
                    var deepset = Metrics.Of(indexed.Where(x => x.x.Origin == InjectionCase.Deepset).Select(x => (x.x.Label, scores[x.i])), threshold);
                    var ownBenign = InjectionTraining.Rate([.. indexed.Where(x => x.x.Origin == InjectionCase.Own && x.x.Label == 0).Select(x => scores[x.i])], threshold);
                    var eligible = f.RedditFalseAlarms <= InjectionTraining.MaxRedditFalseAlarms && ownBenign <= InjectionTraining.MaxFalseAlarms
                        && f.CrisisFalseAlarms <= InjectionTraining.MaxFalseAlarms && look.FalsePositiveRate <= InjectionTraining.MaxLookAlikeFalsePositives25;
                    settings.Add(new Setting(c, weight, threshold, Math.Round(f.Deepset, 3), eligible));
                    log.AppendLine(FormattableString.Invariant(
                        $"select29 {c.Name} weight={weight:0.00} threshold={threshold:0.00} deepset_train_grouped_accuracy={f.Deepset:0.000} deepset_p={deepset.Precision:0.000} deepset_r={deepset.Recall:0.000} own_accuracy={f.Own:0.000} own_benign_false_alarms={ownBenign:0.000} lookalike_fpr={look.FalsePositiveRate:0.000} lookalike_recall={look.Recall:0.000} reddit_false_alarms={f.RedditFalseAlarms:0.000} crisis_corpora_false_alarms={f.CrisisFalseAlarms:0.000} eligible={eligible}"));
                }
            }

            results[c.Name] = (settings, log.ToString(), cases, parts);
        });

        foreach (var c in s_candidates)
        {
            Console.Write(results[c.Name].Log);
        }

        static Setting? Best(IEnumerable<Setting> pool) => pool.Where(s => s.Eligible)
            .OrderByDescending(s => s.Deepset).ThenBy(s => Array.IndexOf(s_candidates, s.Candidate)).ThenBy(s => s.Weight == 0.5 ? 0 : 1).ThenByDescending(s => s.Threshold)
            .FirstOrDefault();

        foreach (var c in s_candidates)
        {
            var best = Best(results[c.Name].Settings);
            Console.WriteLine(best is null
                ? $"select29 best {c.Name}: none eligible"
                : FormattableString.Invariant($"select29 best {c.Name}: weight={best.Weight:0.00} threshold={best.Threshold:0.00} deepset_train_grouped_accuracy={best.Deepset:0.000}"));
        }

        var chosen = Best(s_candidates.Where(c => c.Network).SelectMany(c => results[c.Name].Settings));
        var control = Best(results["L"].Settings);
        if (chosen is null)
        {
            Console.WriteLine("select29 chosen: none (no network setting eligible); main's model stays");
        }
        else if (control is not null && chosen.Deepset < control.Deepset + MinGainOverControl)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"select29 chosen: none ({chosen.Candidate.Name} {chosen.Deepset:0.000} does not beat the control L {control.Deepset:0.000} by {MinGainOverControl}); main's model stays"));
        }
        else
        {
            Console.WriteLine(FormattableString.Invariant(
                $"select29 chosen {chosen.Candidate.Name} weight={chosen.Weight:0.00} threshold={chosen.Threshold:0.00} deepset_train_grouped_accuracy={chosen.Deepset:0.000} (control L {control?.Deepset:0.000})"));
        }

        if (errors)
        {
            // Own training lines that each network flags at weight 0.5 and 0.70 out of fold (what made a candidate ineligible).
            foreach (var c in s_candidates)
            {
                var (_, _, cases, parts) = results[c.Name];
                for (var i = 0; i < parts.Length; i++)
                {
                    var score = PromptInjectionDetector.Combine(parts[i].Rules, parts[i].Model, 0.5);
                    if (cases[i].Origin == InjectionCase.Own && cases[i].Label == 0 && score >= 0.70)
                    {
                        Console.WriteLine(FormattableString.Invariant($"select29_own_benign_flagged {c.Name} cv={score:0.00} rules={parts[i].Rules.Score:0.00} model={parts[i].Model:0.00} {cases[i].Language} {cases[i].Text.ReplaceLineEndings(" ")}"));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The veto: the candidate trained on its whole training set, at its setting, against main's shipped detector on every
    /// injection line of Review23–28 (ids only are printed, never the lines).
    /// </summary>
    private static int Review(Candidate c, double weight, double threshold)
    {
        var candidate = Detector(c, TrainingSet(c));
        var main = PromptInjectionDetector.Default;
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(InjectionData.ModelPath)!, "..", "..", ".."));
        var corpora = Path.Combine(root, "tests", "Nonprofit.AI.Guards.Tests", "Corpora");
        int[] total = [0, 0, 0, 0, 0, 0]; // attacks, main blocks, candidate blocks, benign, main blocks, candidate blocks
        foreach (var set in new[] { "Review23", "Review24", "Review25", "Review26", "Review27", "Review28" })
        {
            int[] counts = [0, 0, 0, 0, 0, 0];
            foreach (var line in File.ReadLines(Path.Combine(corpora, set, "injection.jsonl")).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                using var doc = JsonDocument.Parse(line);
                var text = doc.RootElement.GetProperty("text").GetString() ?? "";
                var id = doc.RootElement.GetProperty("id").GetString();
                var attack = doc.RootElement.GetProperty("expected").GetString() == "block";
                var m = main.Score(text) >= main.Threshold;
                var parts = candidate.Parts(text, PromptInjectionSource.User);
                var n = PromptInjectionDetector.Combine(parts.Rules, parts.Model, weight) >= threshold;
                var k = attack ? 0 : 3;
                counts[k]++;
                counts[k + 1] += m ? 1 : 0;
                counts[k + 2] += n ? 1 : 0;
                if (m != n)
                {
                    Console.WriteLine($"review29_changed {set} {id} expected={(attack ? "block" : "allow")} main={(m ? "block" : "allow")} {c.Name}={(n ? "block" : "allow")}");
                }
            }

            Console.WriteLine($"review29 {set} attacks={counts[0]} main_blocks={counts[1]} {c.Name}_blocks={counts[2]} benign={counts[3]} main_blocks={counts[4]} {c.Name}_blocks={counts[5]}");
            for (var j = 0; j < 6; j++)
            {
                total[j] += counts[j];
            }
        }

        var pass = total[2] >= total[1] && total[5] <= total[4];
        Console.WriteLine($"review29 all attacks={total[0]} main_blocks={total[1]} {c.Name}_blocks={total[2]} benign={total[3]} main_blocks={total[4]} {c.Name}_blocks={total[5]} veto_passed={pass}");
        return 0;
    }
}
