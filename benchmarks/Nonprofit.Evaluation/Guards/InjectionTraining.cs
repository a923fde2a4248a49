using Nonprofit.AI.Guards;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Evaluation.Guards;

/// <summary>One choice of features, training options and threshold for the injection model.</summary>
internal sealed record InjectionModelConfig(int BucketBits, int MinCharN, int MaxCharN, bool Words, bool WordBigrams, TrainerOptions Trainer)
{
    public TextFeaturizer Featurizer() => new(BucketBits, MinCharN, MaxCharN, Words, WordBigrams);

    public override string ToString() => FormattableString.Invariant(
        $"bits={BucketBits} chars={MinCharN}-{MaxCharN} words={Words} bigrams={WordBigrams} epochs={Trainer.Epochs} lr={Trainer.LearningRate} l2={Trainer.L2} balance={Trainer.BalanceClasses}");
}

/// <summary>
/// Trains the prompt-injection model embedded in Nonprofit.AI.Guards (Models/injection.nplt) on the deepset
/// <c>train</c> rows and the own multilingual cases, never on deepset <c>test</c>. <c>guards-injection train</c> trains
/// with <see cref="Chosen"/> and writes the model; <c>guards-injection train --search</c> re-runs the 5-fold
/// cross-validation on the training data that chose it (features, epochs, L2, threshold).
/// </summary>
internal static class InjectionTraining
{
    public static readonly string[] Labels = ["benign", "injection"];

    // The search space and the selection rule below were written down before the search was run (stop 20).
    private static readonly (int, int, int, bool, bool)[] s_features =
    [
        (16, 3, 3, true, true), (16, 1, 4, true, true), (16, 2, 5, true, true), (16, 3, 4, true, true),
        (16, 0, 0, true, true), (18, 0, 0, true, true), (14, 3, 3, true, true),
    ];

    private static readonly int[] s_epochs = [8, 16];
    private static readonly float[] s_l2 = [1e-5f, 1e-4f];
    private static readonly double[] s_thresholds = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85];

    /// <summary>The largest false-alarm rate allowed on long personal text (Reddit training users and own benign narratives, out of fold).</summary>
    internal const double MaxFalseAlarms = 0.02;

    /// <summary>Settings whose mean accuracy is within this of the best count as equal; the cheapest of them is kept.</summary>
    private const double Tie = 0.005;

    /// <summary>The configuration chosen by <c>--search</c> (5-fold cross-validation on the training set, rule in <see cref="Search"/>).</summary>
    /// <remarks>Its threshold was 0.75; session 25's rule (Data/INJECTION-TRAINING.md) chose 0.70, <see cref="PromptInjectionDetector.DefaultThreshold"/>.</remarks>
    public static InjectionModelConfig Chosen { get; } = new(16, 3, 4, true, true, new TrainerOptions(Epochs: 16, LearningRate: 0.5f, L2: 1e-4f, Seed: 17, BalanceClasses: true));

    public static int Run(string[] args)
    {
        var train = TrainingSet();
        if (args.Contains("--search"))
        {
            Search(train);
            return 0;
        }

        if (args.Contains("--select25"))
        {
            Select25(train, args.Contains("--errors"), args.Contains("--grouped"));
            return 0;
        }

        if (args.Contains("--select"))
        {
            SelectThreshold(train, args.Contains("--errors"));
            return 0;
        }

        var model = Train(train, Chosen);
        var path = args.Length >= 2 && args[0] == "--out" ? args[1] : InjectionData.ModelPath;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var file = File.Create(path))
        {
            model.Save(file);
        }

        Console.WriteLine($"config={Chosen}");
        Console.WriteLine($"examples={train.Count}");
        Console.WriteLine($"model={path}");
        Console.WriteLine($"model_bytes={new FileInfo(path).Length}");
        return 0;
    }

    /// <summary>
    /// deepset train rows, the own cases, the own narratives, the Reddit training users' long posts in windows and the
    /// crisis training corpora's messages as benign text (never deepset test, never the held-apart Reddit users, never
    /// the held-out corpora).
    /// </summary>
    public static List<InjectionCase> TrainingSet() =>
        [.. InjectionData.Deepset("train"), .. InjectionData.Cases(), .. InjectionData.Narratives(), .. InjectionData.RolePlay(), .. InjectionData.LookAlikes().Training, .. InjectionData.RedditTraining(), .. InjectionData.CrisisMessages()];

    public static LinearTextModel Train(IReadOnlyList<InjectionCase> cases, InjectionModelConfig config) =>
        LinearTextModelTrainer.Train([.. cases.Select(c => new TrainingExample(c.Text, c.Label))], Labels, config.Featurizer(), config.Trainer);

    /// <summary>
    /// Held-out combined scores of every case by k-fold cross-validation (folds stratified by language and label, in a
    /// seeded order; Reddit text by user, so a user's windows are never on both sides): each case is scored by a model
    /// that did not see it.
    /// </summary>
    public static double[] CrossValidatedScores(IReadOnlyList<InjectionCase> cases, InjectionModelConfig config, int folds = 5, int seed = 5)
    {
        var fold = Folds(cases, folds, seed);
        var scores = new double[cases.Count];
        for (var f = 0; f < folds; f++)
        {
            var model = Train([.. cases.Where((_, i) => fold[i] != f)], config);
            var detector = new PromptInjectionDetector(model);
            for (var i = 0; i < cases.Count; i++)
            {
                if (fold[i] == f)
                {
                    scores[i] = detector.Score(cases[i].Text, SourceOf(cases[i]));
                }
            }
        }

        return scores;
    }

    /// <summary>The rules' match and the model's probability of every case, out of fold (the same folds as <see cref="CrossValidatedScores"/>).</summary>
    /// <remarks>
    /// <paramref name="grouped"/> (session 27): deepset rows that are near-duplicates (the same template with other words) go
    /// to one fold together (<see cref="NearDuplicateGroups"/>), so a style is scored by a model that saw none of its rows.
    /// </remarks>
    public static (InjectionRuleMatch Rules, double Model)[] CrossValidatedParts(IReadOnlyList<InjectionCase> cases, InjectionModelConfig config, int folds = 5, int seed = 5, bool grouped = false)
    {
        var fold = Folds(cases, folds, seed);
        if (grouped)
        {
            GroupDeepsetFolds(cases, fold, folds, seed);
        }

        var parts = new (InjectionRuleMatch, double)[cases.Count];
        for (var f = 0; f < folds; f++)
        {
            var model = Train([.. cases.Where((_, i) => fold[i] != f)], config);
            var detector = new PromptInjectionDetector(model);
            for (var i = 0; i < cases.Count; i++)
            {
                if (fold[i] == f)
                {
                    parts[i] = detector.Parts(cases[i].Text, SourceOf(cases[i]));
                }
            }
        }

        return parts;
    }

    internal static int[] Folds(IReadOnlyList<InjectionCase> cases, int folds, int seed)
    {
        var fold = new int[cases.Count];
        var random = new Random(seed);
        var users = cases.Where(c => c.User >= 0).Select(c => c.User).Distinct().Order().ToArray();
        random.Shuffle(users);
        var userFold = users.Select((u, k) => (u, k)).ToDictionary(x => x.u, x => x.k % folds);
        for (var i = 0; i < cases.Count; i++)
        {
            fold[i] = cases[i].User >= 0 ? userFold[cases[i].User] : 0;
        }

        foreach (var group in Enumerable.Range(0, cases.Count).Where(i => cases[i].User < 0).GroupBy(i => (cases[i].Language, cases[i].Label)))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
            {
                fold[members[k]] = k % folds;
            }
        }

        return fold;
    }

    /// <summary>Two deepset rows whose word sets overlap this much (Jaccard) are near-duplicates.</summary>
    private const double NearDuplicateJaccard = 0.5;

    /// <summary>Two deepset rows opening with the same this many words come from one template.</summary>
    private const int TemplateWords = 5;

    /// <summary>
    /// Re-assigns the deepset rows' folds by group of near-duplicates: the groups, in a seeded order, each go whole to the
    /// fold with the fewest deepset rows so far. The other rows keep their folds.
    /// </summary>
    internal static void GroupDeepsetFolds(IReadOnlyList<InjectionCase> cases, int[] fold, int folds, int seed)
    {
        var rows = Enumerable.Range(0, cases.Count).Where(i => cases[i].Origin == InjectionCase.Deepset).ToArray();
        var groups = NearDuplicateGroups([.. rows.Select(i => cases[i].Text)]);
        var members = rows.Select((row, k) => (row, group: groups[k])).GroupBy(x => x.group).Select(g => g.Select(x => x.row).ToArray()).OrderBy(g => g[0]).ToArray();
        new Random(seed).Shuffle(members);
        var size = new int[folds];
        foreach (var group in members)
        {
            var f = Array.IndexOf(size, size.Min());
            foreach (var row in group)
            {
                fold[row] = f;
            }

            size[f] += group.Length;
        }

        Console.WriteLine(FormattableString.Invariant($"grouped_folds deepset_rows={rows.Length} groups={members.Length} largest={members.Max(g => g.Length)} in_groups_of_two_or_more={members.Where(g => g.Length > 1).Sum(g => g.Length)}"));
    }

    /// <summary>The group of every text: texts joined (transitively) when their word sets overlap by <see cref="NearDuplicateJaccard"/> or they open with the same <see cref="TemplateWords"/> words.</summary>
    internal static int[] NearDuplicateGroups(IReadOnlyList<string> texts)
    {
        var words = texts.Select(t => t.ToLowerInvariant().Split((char[])[' ', '\t', '\n', '\r', '.', ',', '!', '?', ':', ';', '"', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var sets = words.Select(w => w.ToHashSet(StringComparer.Ordinal)).ToArray();
        var parent = Enumerable.Range(0, texts.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var a = 0; a < texts.Count; a++)
        {
            for (var b = a + 1; b < texts.Count; b++)
            {
                var shared = sets[a].Count(sets[b].Contains);
                var union = sets[a].Count + sets[b].Count - shared;
                var template = words[a].Length >= TemplateWords && words[b].Length >= TemplateWords && words[a].Take(TemplateWords).SequenceEqual(words[b].Take(TemplateWords));
                if ((union > 0 && shared / (double)union >= NearDuplicateJaccard) || template)
                {
                    parent[Find(a)] = Find(b);
                }
            }
        }

        return [.. Enumerable.Range(0, texts.Count).Select(Find)];
    }

    public static PromptInjectionSource SourceOf(InjectionCase c) => c.Source switch
    {
        "document" => PromptInjectionSource.RetrievedDocument,
        "tool" => PromptInjectionSource.ToolResult,
        _ => PromptInjectionSource.User,
    };

    /// <summary>
    /// The figures of one setting on cross-validated scores: deepset train accuracy, own cases' and narratives' accuracy,
    /// and the false-alarm rates on Reddit posts (a post is flagged when any of its windows is), on own benign texts over
    /// 200 characters and on the crisis corpora's messages.
    /// </summary>
    public static (double Deepset, double Own, double RedditFalseAlarms, double NarrativeFalseAlarms, double CrisisFalseAlarms) Figures(IReadOnlyList<InjectionCase> train, double[] scores, double threshold)
    {
        var indexed = train.Select((c, i) => (c, i)).ToList();
        var d = Metrics.Of(indexed.Where(x => x.c.Origin == InjectionCase.Deepset).Select(x => (x.c.Label, scores[x.i])), threshold);
        var o = Metrics.Of(indexed.Where(x => x.c.Origin == InjectionCase.Own).Select(x => (x.c.Label, scores[x.i])), threshold);
        var posts = indexed.Where(x => x.c.Origin == InjectionCase.Reddit).GroupBy(x => (x.c.User, x.c.Post)).Select(g => g.Max(x => scores[x.i])).ToList();
        var narratives = indexed.Where(x => x.c.Origin == InjectionCase.Own && x.c.Label == 0 && x.c.Text.Length > 200).Select(x => scores[x.i]).ToList();
        var crisis = indexed.Where(x => x.c.Origin == InjectionCase.Crisis).Select(x => scores[x.i]).ToList();
        return (d.Accuracy, o.Accuracy, Rate(posts, threshold), Rate(narratives, threshold), Rate(crisis, threshold));
    }

    internal static double Rate(List<double> scores, double threshold) => scores.Count == 0 ? 0 : scores.Count(s => s >= threshold) / (double)scores.Count;

    /// <summary>The thresholds <c>--select</c> considers (session 22).</summary>
    private static readonly double[] s_selectThresholds = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

    /// <summary>Out-of-fold false positives allowed on the training part's benign look-alikes (session 22).</summary>
    private const double MaxLookAlikeFalsePositives = 0.02;

    /// <summary>Out-of-fold share of the Reddit training users' posts allowed to be flagged (session 22).</summary>
    internal const double MaxRedditFalseAlarms = 0.005;

    /// <summary>
    /// Session 22's threshold rule, written in docs/guards.md before it was run: with <see cref="Chosen"/>'s features and
    /// options, the lowest threshold whose out-of-fold false positives are at most 2 % on the benign look-alikes of
    /// injection-lookalikes.tsv's training part, at most 0.5 % on the Reddit training users' posts and at most 2 % on the
    /// own benign texts over 200 characters and on the crisis corpora's messages; if none, the one with the smallest
    /// largest excess over those limits.
    /// </summary>
    private static void SelectThreshold(List<InjectionCase> train, bool errors)
    {
        var scores = CrossValidatedScores(train, Chosen);
        var lookAlikes = train.Select((c, i) => (c, i)).Where(x => x.c.Origin == InjectionCase.LookAlike).ToList();
        var rows = new List<(double Threshold, double Excess)>();
        foreach (var threshold in s_selectThresholds)
        {
            var f = Figures(train, scores, threshold);
            var look = Metrics.Of(lookAlikes.Select(x => (x.c.Label, scores[x.i])), threshold);
            var excess = Math.Max(Math.Max(look.FalsePositiveRate - MaxLookAlikeFalsePositives, f.RedditFalseAlarms - MaxRedditFalseAlarms),
                Math.Max(f.NarrativeFalseAlarms - MaxFalseAlarms, f.CrisisFalseAlarms - MaxFalseAlarms));
            rows.Add((threshold, excess));
            Console.WriteLine(FormattableString.Invariant(
                $"select threshold={threshold:0.00} deepset_train_accuracy={f.Deepset:0.000} own_accuracy={f.Own:0.000} lookalike_accuracy={look.Accuracy:0.000} lookalike_recall={look.Recall:0.000} lookalike_fpr={look.FalsePositiveRate:0.000} reddit_false_alarms={f.RedditFalseAlarms:0.000} own_long_benign_false_alarms={f.NarrativeFalseAlarms:0.000} crisis_corpora_false_alarms={f.CrisisFalseAlarms:0.000} eligible={excess <= 0}"));
        }

        var eligible = rows.Where(r => r.Excess <= 0).ToList();
        var chosen = eligible.Count > 0 ? eligible.MinBy(r => r.Threshold) : rows.MinBy(r => r.Excess);
        Console.WriteLine(FormattableString.Invariant($"chosen threshold={chosen.Threshold:0.00} ({(eligible.Count > 0 ? "lowest eligible" : "none eligible: smallest excess")})"));
        if (errors)
        {
            // Training data only: the own lines (look-alikes, cases, narratives) the cross-validated detector gets wrong at the
            // lowest threshold considered (benign) or at the chosen one (injections).
            foreach (var (c, i) in train.Select((c, i) => (c, i)).Where(x => x.c.Origin is InjectionCase.LookAlike or InjectionCase.Own && (x.c.Label == 1 ? scores[x.i] < chosen.Threshold : scores[x.i] >= s_selectThresholds[0])))
            {
                Console.WriteLine(FormattableString.Invariant($"select_error label={c.Label} cv={scores[i]:0.00} {c.Origin} {c.Language} {c.Text}"));
            }
        }
    }

    internal static readonly double[] s_weights25 = [0.5, 0.75, 1.0];
    internal static readonly double[] s_thresholds25 = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75];

    /// <summary>Session 24's out-of-fold false-positive rate on the look-alikes' training part (0.039) plus 0.01.</summary>
    internal const double MaxLookAlikeFalsePositives25 = 0.049;

    /// <summary>
    /// Session 25's rule (Data/INJECTION-TRAINING.md, written before it was run): with <see cref="Chosen"/>, over the weight
    /// of the model when the text is not for the assistant and thresholds up to 0.75, eligible when out of fold at most
    /// 0.5 % of the Reddit training users' posts, at most 2 % of the own benign texts and of the crisis corpora's messages
    /// are flagged and the look-alikes' false-positive rate is at most 0.049; the best deepset-train accuracy wins; ties:
    /// weight 0.5 first, then the higher threshold. None eligible: 0.5 and 0.75.
    /// </summary>
    /// <remarks>Session 27: <paramref name="grouped"/> scores deepset train with near-duplicates in one fold (see INJECTION-TRAINING.md).</remarks>
    private static void Select25(List<InjectionCase> train, bool errors, bool grouped = false)
    {
        var parts = CrossValidatedParts(train, Chosen, grouped: grouped);
        var indexed = train.Select((c, i) => (c, i)).ToList();
        var rows = new List<(double Weight, double Threshold, double Deepset, bool Eligible)>();
        foreach (var weight in s_weights25)
        {
            var scores = parts.Select(p => PromptInjectionDetector.Combine(p.Rules, p.Model, weight)).ToArray();
            foreach (var threshold in s_thresholds25)
            {
                var f = Figures(train, scores, threshold);
                var look = Metrics.Of(indexed.Where(x => x.c.Origin == InjectionCase.LookAlike).Select(x => (x.c.Label, scores[x.i])), threshold);
                var ownBenign = Rate([.. indexed.Where(x => x.c.Origin == InjectionCase.Own && x.c.Label == 0).Select(x => scores[x.i])], threshold);
                var eligible = f.RedditFalseAlarms <= MaxRedditFalseAlarms && ownBenign <= MaxFalseAlarms && f.CrisisFalseAlarms <= MaxFalseAlarms
                    && look.FalsePositiveRate <= MaxLookAlikeFalsePositives25;
                rows.Add((weight, threshold, Math.Round(f.Deepset, 3), eligible));
                Console.WriteLine(FormattableString.Invariant(
                    $"select25 weight={weight:0.00} threshold={threshold:0.00} deepset_train_accuracy={f.Deepset:0.000} own_accuracy={f.Own:0.000} own_benign_false_alarms={ownBenign:0.000} lookalike_fpr={look.FalsePositiveRate:0.000} lookalike_recall={look.Recall:0.000} reddit_false_alarms={f.RedditFalseAlarms:0.000} crisis_corpora_false_alarms={f.CrisisFalseAlarms:0.000} eligible={eligible}"));
            }
        }

        var pool = rows.Where(r => r.Eligible).ToList();
        (double Weight, double Threshold, double Deepset, bool Eligible) chosen;
        if (pool.Count == 0)
        {
            // Session 27: the errors are listed for the fallback too, so that the lines that made every candidate ineligible can be read.
            Console.WriteLine("select25 none eligible: keep weight=0.50 threshold=0.75");
            chosen = rows.First(r => r.Weight == 0.5 && r.Threshold == 0.75);
        }
        else
        {
            chosen = pool.OrderByDescending(r => r.Deepset).ThenBy(r => r.Weight == 0.5 ? 0 : 1).ThenByDescending(r => r.Threshold).First();
            Console.WriteLine(FormattableString.Invariant($"select25 chosen weight={chosen.Weight:0.00} threshold={chosen.Threshold:0.00} deepset_train_accuracy={chosen.Deepset:0.000}"));
        }

        if (errors)
        {
            // Training rows only (deepset train and own lines) that the chosen setting gets wrong out of fold.
            foreach (var (c, i) in indexed.Where(x => x.c.Origin is InjectionCase.Deepset or InjectionCase.Own or InjectionCase.LookAlike))
            {
                var score = PromptInjectionDetector.Combine(parts[i].Rules, parts[i].Model, chosen.Weight);
                if ((score >= chosen.Threshold ? 1 : 0) != c.Label)
                {
                    Console.WriteLine(FormattableString.Invariant($"select25_error label={c.Label} cv={score:0.00} rules={parts[i].Rules.Score:0.00} model={parts[i].Model:0.00} {c.Origin} {c.Language} {c.Text.ReplaceLineEndings(" ")}"));
                }
            }
        }
    }

    /// <summary>
    /// The selection rule, fixed before the search: among the settings (features, epochs, L2, threshold) whose
    /// cross-validated false alarms are at most 2 % on each of the Reddit training users' posts, the own benign texts
    /// over 200 characters and the crisis corpora's messages (if none: those with the smallest largest of the three), take the best mean of
    /// (deepset train accuracy, own accuracy); among those within 0.005 of it, the fewest features per character (speed),
    /// then the fewest buckets (memory), then the better mean, then the higher threshold.
    /// </summary>
    private static void Search(List<InjectionCase> train)
    {
        var configs =
            from features in s_features
            from epochs in s_epochs
            from l2 in s_l2
            select new InjectionModelConfig(features.Item1, features.Item2, features.Item3, features.Item4, features.Item5, new TrainerOptions(epochs, 0.5f, l2, 17, true));
        var results = new List<(InjectionModelConfig Config, double Threshold, double Mean, double Reddit, double Narrative, double Crisis)>();
        foreach (var config in configs)
        {
            var scores = CrossValidatedScores(train, config);
            foreach (var threshold in s_thresholds)
            {
                var f = Figures(train, scores, threshold);
                var mean = (f.Deepset + f.Own) / 2;
                results.Add((config, threshold, mean, f.RedditFalseAlarms, f.NarrativeFalseAlarms, f.CrisisFalseAlarms));
                Console.WriteLine(FormattableString.Invariant(
                    $"cv {config} threshold={threshold:0.00} deepset_train_accuracy={f.Deepset:0.000} own_accuracy={f.Own:0.000} mean={mean:0.000} reddit_false_alarms={f.RedditFalseAlarms:0.000} own_long_benign_false_alarms={f.NarrativeFalseAlarms:0.000} crisis_corpora_false_alarms={f.CrisisFalseAlarms:0.000}"));
            }
        }

        static double Worst((InjectionModelConfig, double, double, double Reddit, double Narrative, double Crisis) r) => Math.Max(r.Reddit, Math.Max(r.Narrative, r.Crisis));
        var eligible = results.Where(r => Worst(r) <= MaxFalseAlarms).ToList();
        if (eligible.Count == 0)
        {
            var least = results.Min(Worst);
            eligible = [.. results.Where(r => Worst(r) == least)];
            Console.WriteLine(FormattableString.Invariant($"no setting meets the false-alarm limit; the least is {least:0.000}"));
        }

        var best = eligible.Max(r => r.Mean);
        var chosen = eligible.Where(r => r.Mean >= best - Tie)
            .OrderBy(r => FeaturesPerCharacter(r.Config)).ThenBy(r => r.Config.BucketBits).ThenByDescending(r => r.Mean).ThenByDescending(r => r.Threshold).First();
        Console.WriteLine(FormattableString.Invariant(
            $"chosen {chosen.Config} threshold={chosen.Threshold:0.00} mean={chosen.Mean:0.000} reddit_false_alarms={chosen.Reddit:0.000} own_long_benign_false_alarms={chosen.Narrative:0.000} crisis_corpora_false_alarms={chosen.Crisis:0.000} (best eligible mean {best:0.000})"));
    }

    /// <summary>Features per character of text, roughly: one per character n-gram length, about 0.2 for words and for bigrams.</summary>
    private static double FeaturesPerCharacter(InjectionModelConfig c) =>
        (c.MaxCharN == 0 ? 0 : c.MaxCharN - c.MinCharN + 1) + (c.Words ? 0.2 : 0) + (c.WordBigrams ? 0.2 : 0);
}
