using System.Diagnostics;
using System.Globalization;
using System.Text;
using Nonprofit.AI.Guards;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// <c>guards-crisis</c>: the crisis detector on (1) the Reddit C-SSRS users (at risk = Ideation, Behavior, Attempt
/// against Supportive, Indicator; user score = mean of the user's top-3 post self-harm scores, fixed before any result
/// was seen) and (2) a multilingual corpus of crisis messages and look-alikes in JSON Lines
/// (<c>{"text","language","expected"}</c>, expected a crisis category or "none"): the repository's dev corpus by default,
/// or any file of that shape with <c>--corpus</c> (the held-out corpus). Prints <c>metric=value</c> lines.
/// </summary>
/// <remarks>
/// Options: <c>--reddit FILE</c>, <c>--corpus FILE</c> (repeatable), <c>--threshold X</c>, <c>--lexicon FILE</c> (a lexicon
/// text to use instead of the embedded one, for development), <c>--errors</c> (print the corpus messages that were
/// wrong: corpus texts only, never the Reddit data's).
/// </remarks>
internal static class CrisisEvaluation
{
    public const string DefaultReddit = "../shared/data/guards/reddit_cssrs_500_users.csv";
    public const string DefaultCorpus = "tests/Nonprofit.AI.Guards.Tests/Crisis/crisis-dev.jsonl";

    private static readonly string[] s_atRisk = ["Ideation", "Behavior", "Attempt"];

    public static int Run(string[] args)
    {
        var reddit = DefaultReddit;
        var corpora = new List<string>();
        var threshold = CrisisDetector.DefaultThreshold;
        string? lexicon = null;
        var errors = false;
        var explain = new List<string>();
        var crossValidate = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--reddit":
                    reddit = args[++i];
                    break;
                case "--corpus":
                    corpora.Add(args[++i]);
                    break;
                case "--threshold":
                    threshold = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--lexicon":
                    lexicon = args[++i];
                    break;
                case "--errors":
                    errors = true;
                    break;
                case "--cv":
                    crossValidate = true;
                    break;
                case "--explain":
                    explain.Add(args[++i]);
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        if (corpora.Count == 0)
        {
            corpora.Add(DefaultCorpus);
        }

        var detector = lexicon is null ? CrisisDetector.Instance : new CrisisDetector(CrisisLexicon.Parse(File.ReadAllText(lexicon)));
        if (explain.Count > 0)
        {
            foreach (var text in explain)
            {
                Console.WriteLine($"{detector.Detect(text)}: {text}");
                detector.Explain(text).ForEach(l => Console.WriteLine("  " + l));
            }

            return 0;
        }

        Console.WriteLine($"crisis.threshold={threshold.ToString("0.###", CultureInfo.InvariantCulture)}");
        foreach (var corpus in corpora)
        {
            EvaluateCorpus(detector, corpus, threshold, errors);
        }

        if (File.Exists(reddit))
        {
            EvaluateReddit(detector, reddit, threshold);
            if (crossValidate)
            {
                CrossValidateRedditModel(detector, reddit, threshold);
            }
        }
        else
        {
            Console.Error.WriteLine($"{reddit} not found: the Reddit C-SSRS evaluation is skipped");
        }

        return 0;
    }

    private static void EvaluateCorpus(CrisisDetector detector, string path, double threshold, bool printErrors)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        int positives = 0, truePositives = 0, negatives = 0, falsePositives = 0, rightCategory = 0;
        var perLanguage = new SortedDictionary<string, int[]>(StringComparer.Ordinal); // tp, p, fp, n
        var wrong = new List<string>();
        foreach (var (text, language, expected, _) in CrisisTraining.LoadCorpora([path]))
        {
            var detection = detector.Detect(text);
            var flagged = detection.Score >= threshold;
            if (!perLanguage.TryGetValue(language, out var counts))
            {
                perLanguage[language] = counts = new int[4];
            }

            if (expected != "none")
            {
                positives++;
                counts[1]++;
                if (flagged)
                {
                    truePositives++;
                    counts[0]++;
                    if (detection.CategoriesAtOrAbove(threshold).Contains(expected))
                    {
                        rightCategory++;
                    }
                }
            }
            else
            {
                negatives++;
                counts[3]++;
                if (flagged)
                {
                    falsePositives++;
                    counts[2]++;
                }
            }

            if (flagged != (expected != "none"))
            {
                wrong.Add($"  [{language}] expected {expected}, got {detection}: {text}");
            }
        }

        Console.WriteLine($"crisis.{name}.messages={positives + negatives}");
        Console.WriteLine($"crisis.{name}.recall={Ratio(truePositives, positives)}");
        Console.WriteLine($"crisis.{name}.fpr={Ratio(falsePositives, negatives)}");
        Console.WriteLine($"crisis.{name}.category_accuracy={Ratio(rightCategory, truePositives)}");
        foreach (var (language, c) in perLanguage)
        {
            Console.WriteLine($"crisis.{name}.{language}.recall={Ratio(c[0], c[1])} crisis.{name}.{language}.fpr={Ratio(c[2], c[3])}");
        }

        if (printErrors)
        {
            foreach (var w in wrong)
            {
                Console.WriteLine(w);
            }
        }
    }

    private static void EvaluateReddit(CrisisDetector detector, string path, double threshold)
    {
        var users = ReadReddit(path);
        var scores = new List<(double Score, bool AtRisk)>();
        long chars = 0;
        var posts = 0;
        var watch = Stopwatch.StartNew();
        foreach (var (label, userPosts) in users)
        {
            var postScores = new List<double>(userPosts.Count);
            foreach (var post in userPosts)
            {
                var detection = detector.Detect(post);
                postScores.Add(detection.Findings.Where(f => f.Category == GuardCategories.CrisisSelfHarm).Select(f => f.Score).DefaultIfEmpty(0).Max());
                chars += post.Length;
                posts++;
            }

            var top = postScores.OrderByDescending(s => s).Take(3).ToList();
            scores.Add((top.Count == 0 ? 0 : top.Average(), s_atRisk.Contains(label)));
        }

        watch.Stop();
        var cold = watch.Elapsed;

        // Speed on a second, warm pass (the first includes JIT compilation).
        watch.Restart();
        foreach (var (_, userPosts) in users)
        {
            foreach (var post in userPosts)
            {
                _ = detector.Detect(post);
            }
        }

        watch.Stop();
        var positives = scores.Count(s => s.AtRisk);
        var tp = scores.Count(s => s.AtRisk && s.Score >= threshold);
        var fp = scores.Count(s => !s.AtRisk && s.Score >= threshold);
        Console.WriteLine($"crisis.reddit.users={scores.Count} crisis.reddit.at_risk={positives} crisis.reddit.posts={posts}");
        Console.WriteLine($"crisis.reddit.recall={Ratio(tp, positives)}");
        Console.WriteLine($"crisis.reddit.precision={Ratio(tp, tp + fp)}");
        Console.WriteLine($"crisis.reddit.auc={Auc(scores).ToString("0.000", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"crisis.reddit.us_per_kb={(watch.Elapsed.TotalMicroseconds / (chars / 1024.0)).ToString("0.0", CultureInfo.InvariantCulture)} crisis.reddit.cold_us_per_kb={(cold.TotalMicroseconds / (chars / 1024.0)).ToString("0.0", CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// Experiment: a linear model (words and word pairs) trained on the Reddit posts, each post labelled with its user's
    /// label, 5-fold cross-validated by user (seeded shuffle of users). Reports out-of-fold figures only: the model alone
    /// (user score = mean of top-3 post probabilities) and the rules with the model ranking below the threshold (post
    /// score = the rules' self-harm score when it reaches the threshold, else the larger of it and 0.49 × the model's).
    /// </summary>
    private static void CrossValidateRedditModel(CrisisDetector detector, string path, double threshold)
    {
        var users = ReadReddit(path);
        var order = Enumerable.Range(0, users.Count).ToArray();
        new Random(20261129).Shuffle(order);
        var fold = new int[users.Count];
        for (var i = 0; i < order.Length; i++)
        {
            fold[order[i]] = i % 5;
        }

        var featurizer = new Nonprofit.AI.Guards.Detection.TextFeaturizer(18, 0, 0, words: true, wordBigrams: true);
        var modelScores = new List<(double, bool)>();
        var combinedScores = new List<(double, bool)>();
        for (var f = 0; f < 5; f++)
        {
            var training = new List<TrainingExample>();
            for (var u = 0; u < users.Count; u++)
            {
                if (fold[u] != f)
                {
                    var label = s_atRisk.Contains(users[u].Label) ? 1 : 0;
                    training.AddRange(users[u].Posts.Select(p => new TrainingExample(p, label)));
                }
            }

            var model = LinearTextModelTrainer.Train(training, ["safe", "at_risk"], featurizer, new TrainerOptions(Epochs: 8, BalanceClasses: true));
            for (var u = 0; u < users.Count; u++)
            {
                if (fold[u] != f)
                {
                    continue;
                }

                var atRisk = s_atRisk.Contains(users[u].Label);
                var probabilities = users[u].Posts.Select(p => (double)model.Probability(p, 1)).ToList();
                var combined = users[u].Posts.Select((p, i) =>
                {
                    var rules = detector.Detect(p).Findings.Where(x => x.Category == GuardCategories.CrisisSelfHarm).Select(x => x.Score).DefaultIfEmpty(0).Max();
                    return rules >= threshold ? rules : Math.Max(rules, 0.49 * probabilities[i]);
                }).ToList();
                modelScores.Add((TopThree(probabilities), atRisk));
                combinedScores.Add((TopThree(combined), atRisk));
            }
        }

        Console.WriteLine($"crisis.reddit.cv_model_auc={Auc(modelScores).ToString("0.000", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"crisis.reddit.cv_rules_plus_model_auc={Auc(combinedScores).ToString("0.000", CultureInfo.InvariantCulture)}");
    }

    private static double TopThree(IEnumerable<double> scores)
    {
        var top = scores.OrderByDescending(s => s).Take(3).ToList();
        return top.Count == 0 ? 0 : top.Average();
    }

    /// <summary>ROC AUC as the Mann-Whitney statistic (ties count one half).</summary>
    internal static double Auc(IReadOnlyList<(double Score, bool Positive)> scores)
    {
        var sorted = scores.OrderBy(s => s.Score).ToArray();
        double rankSum = 0;
        var i = 0;
        while (i < sorted.Length)
        {
            var j = i;
            while (j < sorted.Length && sorted[j].Score == sorted[i].Score)
            {
                j++;
            }

            var rank = ((i + 1) + j) / 2.0;
            for (var k = i; k < j; k++)
            {
                if (sorted[k].Positive)
                {
                    rankSum += rank;
                }
            }

            i = j;
        }

        double positives = scores.Count(s => s.Positive), negatives = scores.Count - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>Reads the C-SSRS CSV (header User,Post,Label; Post a Python list literal of strings).</summary>
    internal static List<(string Label, List<string> Posts)> ReadReddit(string path)
    {
        var text = File.ReadAllText(path);
        var rows = Csv.Read(text);
        var users = new List<(string, List<string>)>();
        foreach (var row in rows.Skip(1))
        {
            if (row.Length >= 3)
            {
                users.Add((row[2].Trim(), PythonList(row[1])));
            }
        }

        return users;
    }

    private static List<string> PythonList(string literal)
    {
        var items = new List<string>();
        var i = 0;
        while (i < literal.Length)
        {
            var quote = literal[i];
            if (quote is not ('\'' or '"'))
            {
                i++;
                continue;
            }

            var item = new StringBuilder();
            i++;
            while (i < literal.Length && literal[i] != quote)
            {
                if (literal[i] == '\\' && i + 1 < literal.Length)
                {
                    i++;
                    item.Append(literal[i] switch { 'n' => '\n', 't' => ' ', _ => literal[i] });
                }
                else
                {
                    item.Append(literal[i]);
                }

                i++;
            }

            i++;
            items.Add(item.ToString());
        }

        return items;
    }

    private static string Ratio(int a, int b) => b == 0 ? "n/a" : ((double)a / b).ToString("0.000", CultureInfo.InvariantCulture);
}
