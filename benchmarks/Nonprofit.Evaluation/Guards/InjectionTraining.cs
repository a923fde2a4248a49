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

    private static readonly (int, int, int, bool, bool)[] s_features =
        [(16, 1, 4, true, true), (16, 2, 5, true, true), (16, 3, 3, true, true), (16, 4, 4, true, true), (16, 3, 4, true, true), (16, 5, 5, true, true), (16, 0, 0, true, true)];

    private static readonly int[] s_epochs = [8, 16];
    private static readonly float[] s_l2 = [1e-5f, 1e-4f];
    private static readonly double[] s_thresholds = [0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75];

    /// <summary>The configuration chosen by <c>--search</c> (5-fold cross-validation on deepset train + own cases).</summary>
    public static InjectionModelConfig Chosen { get; } = new(16, 3, 3, true, true, new TrainerOptions(Epochs: 16, LearningRate: 0.5f, L2: 1e-4f, Seed: 17, BalanceClasses: true));

    public static int Run(string[] args)
    {
        var train = TrainingSet();
        if (args.Contains("--search"))
        {
            Search(train);
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

    /// <summary>deepset train rows and the own cases (never deepset test).</summary>
    public static List<InjectionCase> TrainingSet() => [.. InjectionData.Deepset("train"), .. InjectionData.Cases()];

    public static LinearTextModel Train(IReadOnlyList<InjectionCase> cases, InjectionModelConfig config) =>
        LinearTextModelTrainer.Train([.. cases.Select(c => new TrainingExample(c.Text, c.Label))], Labels, config.Featurizer(), config.Trainer);

    /// <summary>
    /// Held-out combined scores of every case by k-fold cross-validation (folds stratified by language and label, in a
    /// seeded order): each case is scored by a model that did not see it.
    /// </summary>
    public static double[] CrossValidatedScores(IReadOnlyList<InjectionCase> cases, InjectionModelConfig config, int folds = 5, int seed = 5)
    {
        var fold = new int[cases.Count];
        var random = new Random(seed);
        foreach (var group in Enumerable.Range(0, cases.Count).GroupBy(i => (cases[i].Language, cases[i].Label)))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
            {
                fold[members[k]] = k % folds;
            }
        }

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

    public static PromptInjectionSource SourceOf(InjectionCase c) => c.Source switch
    {
        "document" => PromptInjectionSource.RetrievedDocument,
        "tool" => PromptInjectionSource.ToolResult,
        _ => PromptInjectionSource.User,
    };

    private static void Search(List<InjectionCase> train)
    {
        var configs =
            from features in s_features
            from epochs in s_epochs
            from l2 in s_l2
            select new InjectionModelConfig(features.Item1, features.Item2, features.Item3, features.Item4, features.Item5, new TrainerOptions(epochs, 0.5f, l2, 17, true));
        foreach (var config in configs)
        {
            var scores = CrossValidatedScores(train, config);
            foreach (var threshold in s_thresholds)
            {
                var d = Metrics.Of(train.Select((c, i) => (c, i)).Where(x => x.c.Language == "mixed").Select(x => (x.c.Label, scores[x.i])), threshold);
                var o = Metrics.Of(train.Select((c, i) => (c, i)).Where(x => x.c.Language != "mixed").Select(x => (x.c.Label, scores[x.i])), threshold);
                Console.WriteLine(FormattableString.Invariant(
                    $"cv {config} threshold={threshold:0.00} deepset_train_accuracy={d.Accuracy:0.000} own_accuracy={o.Accuracy:0.000} mean={(d.Accuracy + o.Accuracy) / 2:0.000}"));
            }
        }
    }
}
