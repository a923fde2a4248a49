using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Nonprofit.AI.Guards;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Evaluation.Guards;

/// <summary>How a per-post model's post probabilities become one user score, or a model of whole user documents.</summary>
internal enum HistoryAggregation
{
    /// <summary>One training example per user (all posts joined by a newline); the score is the document's probability.</summary>
    Document,

    /// <summary>Per-post model; the mean of the post probabilities.</summary>
    Mean,

    /// <summary>Per-post model; the largest post probability.</summary>
    Max,

    /// <summary>Per-post model; the mean of the three largest post probabilities.</summary>
    TopThree,
}

/// <summary>One candidate of the conversation risk model search (Data/CRISIS-HISTORY.md).</summary>
internal sealed record HistoryCandidate(string Features, HistoryAggregation Aggregation, int Epochs, float L2)
{
    public TextFeaturizer Featurizer() => Features switch
    {
        "words" => new TextFeaturizer(18, 0, 0, words: true, wordBigrams: false),
        "words+pairs" => new TextFeaturizer(18, 0, 0, words: true, wordBigrams: true),
        "chars" => new TextFeaturizer(18, 3, 5, words: false, wordBigrams: false),
        "chars+words+pairs" => new TextFeaturizer(18, 3, 5, words: true, wordBigrams: true),
        _ => throw new ArgumentException($"unknown features {Features}"),
    };

    public TrainerOptions Trainer() => new(Epochs: Epochs, L2: L2, BalanceClasses: true);

    /// <summary>The rule's simplicity order (smaller is simpler): features, then aggregation, then epochs, then larger L2.</summary>
    public (int, int, int, float) Simplicity() =>
        (Array.IndexOf(FeatureOrder, Features), (int)Aggregation, Epochs, -L2);

    public static readonly string[] FeatureOrder = ["words", "words+pairs", "chars", "chars+words+pairs"];

    public override string ToString() =>
        FormattableString.Invariant($"features={Features} aggregation={Aggregation} epochs={Epochs} l2={L2:0e0}");
}

/// <summary>
/// <c>guards-crisis-history</c>: the conversation risk model (<see cref="ConversationRiskAssessor"/>, Data/CRISIS-HISTORY.md)
/// on the Reddit C-SSRS users. Training users and held-apart users are the split of <see cref="InjectionData.RedditUsers"/>.
/// <c>--cv</c> cross-validates the chosen candidate (5 folds by user, stratified, 3 fold seeds) inside the training users
/// only; <c>--cv --search</c> every candidate of the rule; <c>--train</c> trains the chosen candidate on all training users
/// and writes the model; with no option it scores the embedded model on the held-apart users (once, for the record:
/// nothing is chosen on them), measures its false alarms on conversations made of the benign lines of our crisis
/// corpora, and its speed (<c>--benign</c>: only these two). Prints <c>key=value</c> lines.
/// </summary>
internal static class CrisisHistoryEvaluation
{
    public const string ModelPath = "src/Nonprofit.AI.Guards/Models/crisis-history.nplt";

    private static readonly string[] s_atRisk = ["Ideation", "Behavior", "Attempt"];
    private static readonly int[] s_foldSeeds = [2501, 2502, 2503];

    /// <summary>The candidate the rule chose (Data/CRISIS-HISTORY.md, search of 2026-11-30).</summary>
    public static readonly HistoryCandidate Chosen = new("chars", HistoryAggregation.Document, 16, 1e-4f);

    public static int Run(string[] args)
    {
        var cv = args.Contains("--cv");
        var search = args.Contains("--search");
        var train = args.Contains("--train");
        var (training, heldApart) = Users();
        Console.WriteLine($"history.training_users={training.Count} history.training_at_risk={training.Count(u => u.AtRisk)} history.held_apart_users={heldApart.Count}");
        if (cv && args.Contains("--augment"))
        {
            Augmentation(training);
            return 0;
        }

        if (cv)
        {
            CrossValidate(training, search ? Candidates() : [Chosen]);
            return 0;
        }

        if (train)
        {
            var model = Train(training, Chosen);
            var path = Path.Combine(Repository.Root(), ModelPath);
            using (var stream = File.Create(path))
            {
                model.Save(stream);
            }

            Console.WriteLine($"history.model={path} history.model_bytes={new FileInfo(path).Length}");
            return 0;
        }

        if (Array.IndexOf(args, "--probe") is var probe and >= 0 && probe + 1 < args.Length)
        {
            // Development aid: conversations in a text file (one message per line, a blank line between conversations).
            var blocks = File.ReadAllText(args[probe + 1]).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            foreach (var (block, i) in blocks.Select((b, i) => (b, i)))
            {
                var messages = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var result = ConversationRiskAssessor.Default.Assess(messages);
                Console.WriteLine(FormattableString.Invariant($"history.probe conversation={i + 1} messages={messages.Length} scored={result.MessagesScored} score={result.Score:0.000}"));
            }

            return 0;
        }

        if (Array.IndexOf(args, "--probe-files") is var files and >= 0)
        {
            // Development aid: each file is one message (pasted documents), then one short question; scored at several caps.
            var messages = args[(files + 1)..].Select(File.ReadAllText).Append("Why does this not compile?").ToArray();
            var model = LinearTextModel.LoadEmbedded(ConversationRiskAssessor.ModelFileName);
            foreach (var cap in new[] { ConversationRiskAssessor.MaxChars, 8192, int.MaxValue })
            {
                var result = new ConversationRiskAssessor(model, LanguageIdentifier.Default, cap).Assess(messages);
                Console.WriteLine(FormattableString.Invariant(
                    $"history.probe_files cap={(cap == int.MaxValue ? "none" : cap.ToString(CultureInfo.InvariantCulture))} messages={messages.Length} chars={messages.Sum(m => m.Length)} scored={result.MessagesScored} score={result.Score:0.000}"));
            }

            return 0;
        }

        if (args.Contains("--caps"))
        {
            // Training users only, out of fold (first fold seed): the assessor's document cap against no cap.
            var fold = Folds(training, s_foldSeeds[0]);
            int[] caps = [2048, ConversationRiskAssessor.MaxChars, 8192, 16384, int.MaxValue];
            var byCap = caps.Select(_ => new List<(double, bool)>()).ToList();
            for (var f = 0; f < 5; f++)
            {
                var model = Train(training.Where((_, i) => fold[i] != f), Chosen);
                for (var c = 0; c < caps.Length; c++)
                {
                    var assessor = new ConversationRiskAssessor(model, null, caps[c]);
                    byCap[c].AddRange(training.Where((_, i) => fold[i] == f).Select(u => (assessor.Assess(u.Posts).Score, u.AtRisk)));
                }
            }

            for (var c = 0; c < caps.Length; c++)
            {
                var (r48, p48, _) = At(byCap[c], ConversationRiskAssessor.DefaultThreshold);
                var (r80, p80, _) = At(byCap[c], 0.80);
                Console.WriteLine(FormattableString.Invariant(
                    $"history.cap chars={(caps[c] == int.MaxValue ? "none" : caps[c].ToString(CultureInfo.InvariantCulture))} cv_auc={CrisisEvaluation.Auc(byCap[c]):0.000} recall_048={r48:0.000} precision_048={p48:0.000} recall_080={r80:0.000} precision_080={p80:0.000}"));
            }

            return 0;
        }

        if (args.Contains("--lengths"))
        {
            // Training users only: the length of each history read as one document, and of each post (for the assessor's caps).
            var documents = training.Select(u => (double)(u.Posts.Sum(p => p.Length) + Math.Max(0, u.Posts.Count - 1))).Order().ToList();
            var posts = training.SelectMany(u => u.Posts).Select(p => (double)p.Length).Order().ToList();
            static double Quantile(List<double> sorted, double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
            foreach (var (name, sorted) in new[] { ("document", documents), ("post", posts) })
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"history.{name}_chars count={sorted.Count} p25={Quantile(sorted, 0.25)} median={Quantile(sorted, 0.5)} p75={Quantile(sorted, 0.75)} p90={Quantile(sorted, 0.9)} p99={Quantile(sorted, 0.99)} max={sorted[^1]}"));
            }

            return 0;
        }

        if (args.Contains("--point"))
        {
            OperatingPoint(training, heldApart);
            return 0;
        }

        if (!args.Contains("--benign"))
        {
            EvaluateHeldApart(heldApart);
        }

        EvaluateBenignConversations();
        return 0;
    }

    /// <summary>The Reddit users with their at-risk label, split exactly as <see cref="InjectionData.RedditUsers"/> splits them.</summary>
    internal static (List<(bool AtRisk, List<string> Posts)> Training, List<(bool AtRisk, List<string> Posts)> HeldApart) Users()
    {
        var path = Path.Combine(Repository.Root(), CrisisEvaluation.DefaultReddit);
        var users = CrisisEvaluation.ReadReddit(path).Select(u => (AtRisk: s_atRisk.Contains(u.Label), u.Posts)).ToList();
        var order = Enumerable.Range(0, users.Count).ToArray();
        new Random(InjectionData.RedditSplitSeed).Shuffle(order);
        var half = users.Count / 2;
        List<(bool, List<string>)> training = [.. order[..half].Order().Select(i => users[i])];
        List<(bool, List<string>)> heldApart = [.. order[half..].Order().Select(i => users[i])];

        // The same users as the injection training's split, in the same order (a check, not an assumption).
        var (injectionTraining, _) = InjectionData.RedditUsers();
        if (injectionTraining.Count != training.Count || !injectionTraining.Zip(training).All(p => p.First.SequenceEqual(p.Second.Item2)))
        {
            throw new InvalidOperationException("The training users differ from InjectionData.RedditUsers().");
        }

        return (training, heldApart);
    }

    private static List<HistoryCandidate> Candidates()
    {
        var list = new List<HistoryCandidate>();
        foreach (var features in HistoryCandidate.FeatureOrder)
        {
            foreach (var epochs in new[] { 8, 16 })
            {
                foreach (var l2 in new[] { 1e-5f, 1e-4f })
                {
                    foreach (var aggregation in Enum.GetValues<HistoryAggregation>())
                    {
                        list.Add(new HistoryCandidate(features, aggregation, epochs, l2));
                    }
                }
            }
        }

        return list;
    }

    /// <summary>Trains a candidate on users: per post with the user's label, or one document per user.</summary>
    internal static LinearTextModel Train(IEnumerable<(bool AtRisk, List<string> Posts)> users, HistoryCandidate candidate)
    {
        var examples = new List<TrainingExample>();
        foreach (var (atRisk, posts) in users)
        {
            var label = atRisk ? 1 : 0;
            if (candidate.Aggregation == HistoryAggregation.Document)
            {
                examples.Add(new TrainingExample(string.Join('\n', posts), label));
            }
            else
            {
                examples.AddRange(posts.Select(p => new TrainingExample(p, label)));
            }
        }

        return LinearTextModelTrainer.Train(examples, ["not_at_risk", "at_risk"], candidate.Featurizer(), candidate.Trainer());
    }

    /// <summary>A user's score under a model and aggregation (the harness's own scoring, no language gate).</summary>
    internal static double Score(LinearTextModel model, HistoryAggregation aggregation, List<string> posts)
    {
        if (posts.Count == 0)
        {
            return 0;
        }

        if (aggregation == HistoryAggregation.Document)
        {
            return model.Probability(string.Join('\n', posts), 1);
        }

        var p = posts.Select(x => (double)model.Probability(x, 1)).ToList();
        return aggregation switch
        {
            HistoryAggregation.Mean => p.Average(),
            HistoryAggregation.Max => p.Max(),
            _ => p.OrderByDescending(x => x).Take(3).Average(),
        };
    }

    /// <summary>Folds by user, stratified by label: each class shuffled with <paramref name="seed"/>, dealt round-robin.</summary>
    private static int[] Folds(List<(bool AtRisk, List<string> Posts)> users, int seed, int k = 5)
    {
        var fold = new int[users.Count];
        var random = new Random(seed);
        foreach (var atRisk in new[] { false, true })
        {
            var members = Enumerable.Range(0, users.Count).Where(i => users[i].AtRisk == atRisk).ToArray();
            random.Shuffle(members);
            for (var i = 0; i < members.Length; i++)
            {
                fold[members[i]] = i % k;
            }
        }

        return fold;
    }

    private static void CrossValidate(List<(bool AtRisk, List<string> Posts)> users, List<HistoryCandidate> candidates)
    {
        var results = new List<(HistoryCandidate Candidate, double Mean, double Min, double Max, List<(double, bool)> FirstSeed)>();
        var watch = Stopwatch.StartNew();

        // Candidates that differ only in the per-post aggregation share one training per fold.
        foreach (var group in candidates.GroupBy(c => (c.Features, c.Epochs, c.L2, Document: c.Aggregation == HistoryAggregation.Document)))
        {
            var members = group.ToList();
            var oof = members.ToDictionary(c => c, _ => new List<List<(double, bool)>>());
            foreach (var seed in s_foldSeeds)
            {
                var fold = Folds(users, seed);
                var scores = members.ToDictionary(c => c, _ => new List<(double, bool)>());
                for (var f = 0; f < 5; f++)
                {
                    var model = Train(users.Where((_, i) => fold[i] != f), members[0]);
                    for (var u = 0; u < users.Count; u++)
                    {
                        if (fold[u] == f)
                        {
                            foreach (var c in members)
                            {
                                scores[c].Add((Score(model, c.Aggregation, users[u].Posts), users[u].AtRisk));
                            }
                        }
                    }
                }

                foreach (var c in members)
                {
                    oof[c].Add(scores[c]);
                }
            }

            foreach (var c in members)
            {
                var aucs = oof[c].Select(CrisisEvaluation.Auc).ToList();
                results.Add((c, aucs.Average(), aucs.Min(), aucs.Max(), oof[c][0]));
                Console.WriteLine(FormattableString.Invariant(
                    $"history.cv {c} cv_auc={aucs.Average():0.000} cv_auc_min={aucs.Min():0.000} cv_auc_max={aucs.Max():0.000} seconds={watch.Elapsed.TotalSeconds:0}"));
            }
        }

        var best = results.Max(r => r.Mean);
        var chosen = results.Where(r => r.Mean >= best - 0.005).OrderBy(r => r.Candidate.Simplicity()).First();
        var threshold = YoudenThreshold(chosen.FirstSeed);
        var (recall, precision, fpr) = At(chosen.FirstSeed, threshold);
        Console.WriteLine(FormattableString.Invariant($"history.cv_best_auc={best:0.000}"));
        Console.WriteLine(FormattableString.Invariant(
            $"history.cv_chosen {chosen.Candidate} cv_auc={chosen.Mean:0.000} threshold={threshold:0.00} cv_recall={recall:0.000} cv_precision={precision:0.000} cv_fpr={fpr:0.000}"));
        foreach (var t in new[] { 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9 })
        {
            var (r, p, x) = At(chosen.FirstSeed, t);
            Console.WriteLine(FormattableString.Invariant($"history.cv_at threshold={t:0.00} cv_recall={r:0.000} cv_precision={p:0.000} cv_fpr={x:0.000}"));
        }
    }

    /// <summary>The threshold maximising recall − FPR on the scores, rounded down to 0.01.</summary>
    internal static double YoudenThreshold(List<(double Score, bool Positive)> scores)
    {
        var bestJ = double.NegativeInfinity;
        var best = 0.5;
        for (var t = 0.01; t < 1; t += 0.01)
        {
            var (recall, _, fpr) = At(scores, t);
            if (recall - fpr > bestJ + 1e-12)
            {
                (bestJ, best) = (recall - fpr, t);
            }
        }

        return Math.Floor((best * 100) + 1e-9) / 100;
    }

    internal static (double Recall, double Precision, double Fpr) At(List<(double Score, bool Positive)> scores, double threshold)
    {
        var tp = scores.Count(s => s.Positive && s.Score >= threshold);
        var fp = scores.Count(s => !s.Positive && s.Score >= threshold);
        var positives = scores.Count(s => s.Positive);
        var negatives = scores.Count - positives;
        return (positives == 0 ? 0 : (double)tp / positives, tp + fp == 0 ? 0 : (double)tp / (tp + fp), negatives == 0 ? 0 : (double)fp / negatives);
    }

    private static void EvaluateHeldApart(List<(bool AtRisk, List<string> Posts)> users)
    {
        var assessor = ConversationRiskAssessor.Default;
        var threshold = ConversationRiskAssessor.DefaultThreshold;
        var scores = new List<(double, bool)>();
        foreach (var (atRisk, posts) in users)
        {
            scores.Add((assessor.Assess(posts).Score, atRisk));
        }

        var (recall, precision, fpr) = At(scores, threshold);
        Console.WriteLine(FormattableString.Invariant(
            $"history.held_apart users={users.Count} at_risk={users.Count(u => u.AtRisk)} auc={CrisisEvaluation.Auc(scores):0.000} threshold={threshold:0.00} recall={recall:0.000} precision={precision:0.000} fpr={fpr:0.000}"));
    }

    /// <summary>
    /// Conversations of benign text: the <c>none</c> lines of each file, per file and language in a seeded order (seed
    /// 2511), cut into conversations of 3–10 messages. Also reads the dev corpus <see cref="CrisisEvaluation.DefaultCorpus"/>.
    /// </summary>
    internal static List<(string File, string Language, List<string> Messages)> BenignConversations(IEnumerable<string> files, out int lineCount)
    {
        var lines = new List<(string File, string Language, string Text)>();
        foreach (var file in files)
        {
            var path = Path.Combine(Repository.Root(), file);
            foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.GetProperty("expected").GetString() == GuardCategories.None)
                {
                    lines.Add((Path.GetFileName(file), root.GetProperty("language").GetString()!, root.GetProperty("text").GetString()!));
                }
            }
        }

        lineCount = lines.Count;
        var random = new Random(2511);
        var conversations = new List<(string File, string Language, List<string> Messages)>();
        foreach (var group in lines.GroupBy(l => (l.File, l.Language)).OrderBy(g => g.Key.File, StringComparer.Ordinal).ThenBy(g => g.Key.Language, StringComparer.Ordinal))
        {
            var texts = group.Select(l => l.Text).ToArray();
            random.Shuffle(texts);
            var i = 0;
            while (i < texts.Length)
            {
                var size = Math.Min(random.Next(3, 11), texts.Length - i);
                conversations.Add((group.Key.File, group.Key.Language, [.. texts[i..(i + size)]]));
                i += size;
            }
        }

        return conversations;
    }

    /// <summary>
    /// The guard's chat operating point (CRISIS-HISTORY.md): the lowest multiple of 0.05 at which at most 5 % of the
    /// English benign conversations of crisis-train a–e are flagged; then the false alarms of the check set and the
    /// Reddit figures at that point.
    /// </summary>
    private static void OperatingPoint(List<(bool AtRisk, List<string> Posts)> training, List<(bool AtRisk, List<string> Posts)> heldApart)
    {
        var assessor = ConversationRiskAssessor.Default;
        var all = BenignConversations(CrisisTraining.Corpora.Skip(1), out _).Where(c => c.Language == "en").ToList();
        var choice = all.Where(c => c.File is "crisis-train-a.jsonl" or "crisis-train-b.jsonl" or "crisis-train-c.jsonl" or "crisis-train-d.jsonl" or "crisis-train-e.jsonl")
            .Select(c => assessor.Assess(c.Messages).Score).ToList();
        var seen = all.Where(c => c.File is "crisis-train-f.jsonl" or "crisis-train-g.jsonl" or "crisis-train-h.jsonl" or "crisis-train-i.jsonl")
            .Select(c => assessor.Assess(c.Messages).Score).ToList();
        var check = BenignConversations([CrisisEvaluation.DefaultCorpus], out _).Where(c => c.Language == "en").Select(c => assessor.Assess(c.Messages).Score).ToList();
        var narratives = InjectionData.Narratives().Where(n => n.Language == "en" && n.Label == 0).Select(n => assessor.Assess([n.Text]).Score).ToList();
        var point = 1.0;
        for (var t = 0.05; t <= 1.0001; t += 0.05)
        {
            if (choice.Count(s => s >= t) <= 0.05 * choice.Count)
            {
                point = Math.Round(t, 2);
                break;
            }
        }

        static string Rate(List<double> scores, double t) => FormattableString.Invariant($"{scores.Count(s => s >= t) / (double)Math.Max(1, scores.Count):0.000} (of {scores.Count})");
        Console.WriteLine(FormattableString.Invariant(
            $"history.guard_point={point:0.00} history.choice_false_alarms={Rate(choice, point)} history.f_to_i_false_alarms={Rate(seen, point)} history.check_dev_false_alarms={Rate(check, point)} history.narratives_flagged={Rate(narratives, point)}"));

        // Reddit at that point: training users out of fold (first fold seed), held-apart users (reported, not chosen on).
        var fold = Folds(training, s_foldSeeds[0]);
        var oof = new List<(double, bool)>();
        for (var f = 0; f < 5; f++)
        {
            var model = Train(training.Where((_, i) => fold[i] != f), Chosen);
            oof.AddRange(training.Where((_, i) => fold[i] == f).Select(u => (Score(model, Chosen.Aggregation, u.Posts), u.AtRisk)));
        }

        var (r, p, x) = At(oof, point);
        Console.WriteLine(FormattableString.Invariant($"history.guard_point_cv_recall={r:0.000} history.guard_point_cv_precision={p:0.000} history.guard_point_cv_fpr={x:0.000}"));
        var held = heldApart.Select(u => (assessor.Assess(u.Posts).Score, u.AtRisk)).ToList();
        (r, p, x) = At(held, point);
        Console.WriteLine(FormattableString.Invariant($"history.guard_point_held_apart_recall={r:0.000} history.guard_point_held_apart_precision={p:0.000} history.guard_point_held_apart_fpr={x:0.000}"));

        // Chat-length view (a measurement, nothing chosen on it): each user's first ChatPosts posts, each cut to its
        // first ChatChars characters at a space, as a short conversation. Training users out of fold, held-apart users
        // with the embedded model.
        var oofChat = new List<(double, bool)>();
        for (var f = 0; f < 5; f++)
        {
            var model = Train(training.Where((_, i) => fold[i] != f), Chosen);
            oofChat.AddRange(training.Where((_, i) => fold[i] == f).Select(u => (Score(model, Chosen.Aggregation, ChatView(u.Posts)), u.AtRisk)));
        }

        // The trade-off an app makes when it moves the guard's threshold: training users only (out of fold, chat view)
        // against every English benign conversation of crisis-train a–i.
        var benign = choice.Concat(seen).ToList();
        for (var t = 0.5; t <= 0.8001; t += 0.05)
        {
            var (rt, pt, _) = At(oofChat, t);
            Console.WriteLine(FormattableString.Invariant(
                $"history.tradeoff threshold={t:0.00} cv_chat_view_recall={rt:0.000} cv_chat_view_precision={pt:0.000} benign_en_false_alarms={benign.Count(b => b >= t) / (double)benign.Count:0.000} (of {benign.Count})"));
        }

        var heldChat = heldApart.Select(u => (assessor.Assess(ChatView(u.Posts)).Score, u.AtRisk)).ToList();
        foreach (var (name, scores) in new[] { ("cv", oofChat), ("held_apart", heldChat) })
        {
            var (r48, p48, _) = At(scores, ConversationRiskAssessor.DefaultThreshold);
            var (rg, pg, _) = At(scores, point);
            Console.WriteLine(FormattableString.Invariant(
                $"history.chat_view_{name} auc={CrisisEvaluation.Auc(scores):0.000} recall_at_0.48={r48:0.000} precision_at_0.48={p48:0.000} recall_at_guard_point={rg:0.000} precision_at_guard_point={pg:0.000}"));
        }
    }

    /// <summary>
    /// Experiment (not shipped, training users only): the chosen candidate trained on each user's whole history plus
    /// <paramref name="views"/> short random views of it (3–8 random posts, each cut to 150–400 characters; seeded), each
    /// weighted 1/views, against the chosen candidate. Prints out-of-fold AUC on whole histories and on the chat view, and
    /// the English benign conversations (crisis-train a–i) flagged at the threshold giving chat-view recall 0.5.
    /// </summary>
    private static void Augmentation(List<(bool AtRisk, List<string> Posts)> users, int views = 3)
    {
        var benign = BenignConversations(CrisisTraining.Corpora.Skip(1), out _).Where(c => c.Language == "en").Select(c => string.Join('\n', c.Messages)).ToList();
        foreach (var augmented in new[] { false, true })
        {
            var full = new List<(double, bool)>();
            var chat = new List<(double, bool)>();
            var benignScores = new double[benign.Count];
            var fold = Folds(users, s_foldSeeds[0]);
            for (var f = 0; f < 5; f++)
            {
                var random = new Random(2600 + f);
                var examples = new List<TrainingExample>();
                foreach (var (atRisk, posts) in users.Where((_, i) => fold[i] != f))
                {
                    var label = atRisk ? 1 : 0;
                    examples.Add(new TrainingExample(string.Join('\n', posts), label));
                    for (var v = 0; augmented && v < views; v++)
                    {
                        var picked = posts.OrderBy(_ => random.Next()).Take(random.Next(3, 9))
                            .Select(p => p.Length <= 150 ? p : p[..Math.Min(p.Length, random.Next(150, 401))]);
                        examples.Add(new TrainingExample(string.Join('\n', picked), label, 1f / views));
                    }
                }

                var model = LinearTextModelTrainer.Train(examples, ["not_at_risk", "at_risk"], Chosen.Featurizer(), Chosen.Trainer());
                foreach (var u in users.Where((_, i) => fold[i] == f))
                {
                    full.Add((Score(model, HistoryAggregation.Document, u.Posts), u.AtRisk));
                    chat.Add((Score(model, HistoryAggregation.Document, ChatView(u.Posts)), u.AtRisk));
                }

                for (var b = 0; b < benign.Count; b++)
                {
                    benignScores[b] += model.Probability(benign[b], 1) / 5;
                }
            }

            // The threshold at which the chat view's out-of-fold recall first drops to 0.5 or below.
            var threshold = 0.0;
            for (var t = 0.3; t < 1; t += 0.01)
            {
                if (At(chat, t).Recall <= 0.5)
                {
                    threshold = t;
                    break;
                }
            }

            var (_, precision, _) = At(chat, threshold);
            Console.WriteLine(FormattableString.Invariant(
                $"history.augment views={(augmented ? views : 0)} cv_auc_full={CrisisEvaluation.Auc(full):0.000} cv_auc_chat_view={CrisisEvaluation.Auc(chat):0.000} threshold_chat_recall_0.5={threshold:0.00} chat_precision={precision:0.000} benign_en_flagged={benignScores.Count(x => x >= threshold) / (double)benignScores.Length:0.000} (of {benignScores.Length})"));
        }
    }

    private const int ChatPosts = 6;
    private const int ChatChars = 300;

    /// <summary>A user's history as a short chat: the first <see cref="ChatPosts"/> posts, each cut at a space before <see cref="ChatChars"/> characters.</summary>
    private static List<string> ChatView(List<string> posts) =>
        [.. posts.Take(ChatPosts).Select(p => p.Length <= ChatChars ? p : p[..Math.Max(p.LastIndexOf(' ', ChatChars), ChatChars / 2)])];

    /// <summary>
    /// False alarms on conversations of our own benign text: the <c>none</c> lines of <c>Data/crisis-train-*.jsonl</c>,
    /// per file and language in a seeded order, cut into conversations of 3–10 messages; and the speed per KB.
    /// </summary>
    private static void EvaluateBenignConversations()
    {
        var conversations = BenignConversations(CrisisTraining.Corpora.Skip(1), out var lineCount);
        var assessor = ConversationRiskAssessor.Default;
        var threshold = ConversationRiskAssessor.DefaultThreshold;
        var flagged = conversations.Select(c => (c.Language, Flagged: assessor.Assess(c.Messages).Score >= threshold)).ToList();
        if (Environment.GetEnvironmentVariable("HISTORY_DUMP") is not null)
        {
            foreach (var c in conversations.Where(c => c.Language == "en"))
            {
                Console.WriteLine(FormattableString.Invariant($"dump score={assessor.Assess(c.Messages).Score:0.000} file={c.File} messages={c.Messages.Count} chars={c.Messages.Sum(m => m.Length)}"));
            }
        }

        var english = flagged.Where(c => c.Language == "en").ToList();
        var other = flagged.Where(c => c.Language != "en").ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"history.benign_conversations={flagged.Count} history.benign_lines={lineCount} history.benign_false_alarms={flagged.Count(c => c.Flagged) / (double)flagged.Count:0.000} history.benign_false_alarms_en={english.Count(c => c.Flagged) / (double)Math.Max(1, english.Count):0.000} (of {english.Count}) history.benign_false_alarms_other_languages={other.Count(c => c.Flagged) / (double)Math.Max(1, other.Count):0.000} (of {other.Count})"));

        var guardPoint = CrisisDetectionOptions.DefaultConversationRiskThreshold;
        var atGuard = conversations.Select(c => (c.Language, Flagged: assessor.Assess(c.Messages).Score >= guardPoint)).ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"history.benign_false_alarms_at_guard_default={atGuard.Count(c => c.Flagged) / (double)atGuard.Count:0.000} threshold={guardPoint:0.00} en={atGuard.Count(c => c.Flagged && c.Language == "en")} other_languages={atGuard.Count(c => c.Flagged && c.Language != "en")}"));

        // Speed: a warm pass over every conversation, repeated.
        long chars = conversations.Sum(c => c.Messages.Sum(m => (long)m.Length));
        foreach (var c in conversations)
        {
            _ = assessor.Assess(c.Messages);
        }

        var watch = Stopwatch.StartNew();
        const int Passes = 5;
        for (var pass = 0; pass < Passes; pass++)
        {
            foreach (var c in conversations)
            {
                _ = assessor.Assess(c.Messages);
            }
        }

        watch.Stop();
        Console.WriteLine(FormattableString.Invariant(
            $"history.us_per_kb={watch.Elapsed.TotalMicroseconds / (Passes * chars / 1024.0):0.0} history.us_per_conversation={watch.Elapsed.TotalMicroseconds / (Passes * conversations.Count):0.0}"));
    }
}
