using System.Diagnostics;
using System.Globalization;
using Nonprofit.AI.Guards;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// Evaluates the output-safety guard: the embedded hate model on the TEST half of Multilingual HateCheck (never trained
/// on) and on our held-out English templates, a stricter split that holds out whole target identities (trained here,
/// in-process, with the same trainer), and the detector on our own multilingual cases of every category.
/// <code>dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- guards-output [--data FILE] [--threshold T] [--model FILE (instead of the embedded one)] [--samples-only [--show-blocked]] [training options of guards-output-train, e.g. --identities: the strict splits train with them, and --model FILE is scored as trained with them]</code>
/// </summary>
internal static class OutputSafetyEvaluation
{
    public static int Run(string[] args)
    {
        var data = OutputSafetyTraining.Arg(args, "--data") ?? OutputHateData.FindShared(OutputHateData.DefaultPath);
        var threshold = OutputSafetyTraining.Arg(args, "--threshold") is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : new OutputSafetyDetectorOptions().HateThreshold;
        var mhc = OutputHateData.LoadMhc(data);
        var english = OutputHateEnglishCases.All().ToList();
        Console.WriteLine($"guards.output.hate.threshold={F(threshold)}");
        if (args.Contains("--samples-only"))
        {
            // The samples' false-block check alone (a selection criterion; it looks at no TEST side).
            var candidate = OutputSafetyTraining.Arg(args, "--model") is { } path ? LoadFile(path, args) : HateSpeechModel.Default;
            OutputSafetySamples.Report(candidate, threshold, "guards.output.samples", args.Contains("--show-blocked"));
            return 0;
        }

        // 1. The shipped model on the TEST half (hash of mhc_case_id) and the held-out English templates.
        var model = OutputSafetyTraining.Arg(args, "--model") is { } file ? LoadFile(file, args) : HateSpeechModel.Default;
        var test = mhc.Where(c => !OutputHateData.IsTrainByHash(c.Id)).Concat(english.Where(e => !e.Train).Select(e => e.Case)).ToList();
        var watch = Stopwatch.StartNew();
        var scored = test.Select(c => (Case: c, Score: model.Score(c.Text))).ToList();
        watch.Stop();
        Console.WriteLine($"guards.output.hate.test_cases={scored.Count}");
        Console.WriteLine($"guards.output.hate.us_per_case={F(watch.Elapsed.TotalMicroseconds / scored.Count)}");
        Report("guards.output.hate", scored, threshold, perFunctionality: true);

        // 2. Stricter splits, each trained here with the same trainer: whole templates held out (a template's cases with
        // every target on one side), and whole target identities held out (their group words never seen in training).
        Strict("guards.output.hate.strict_template", mhc, OutputHateData.IsTrainByTemplate, threshold, dropHeldOutTargets: false, OutputSafetyTraining.HateWeights.From(args));
        Console.WriteLine($"guards.output.hate.strict_target.held_out={string.Join('|', OutputHateData.HeldOutTargets)}");
        Strict("guards.output.hate.strict_target", mhc, OutputHateData.IsTrainByTarget, threshold, dropHeldOutTargets: true, OutputSafetyTraining.HateWeights.From(args));

        // 3. The samples' own texts (never trained on): the share of vetted sentences the guard would block.
        OutputSafetySamples.Report(model, threshold);

        // 4. The whole detector on our own cases.
        OutputSafetyCases.Report(OutputSafetyDetector.Default);
        return 0;
    }

    /// <summary>
    /// Scores our own multilingual cases (<see cref="OutputHateMultilingualCases"/>, templates and slots) with the
    /// embedded model (or --model FILE): per language, hateful recall and non-hateful blocked at the threshold. The
    /// shipped model was not trained on them (weight 0), so for it this is a look at languages MHC lacks (sw, hi-Latn);
    /// a model trained on them would be scored on its training data.
    /// <code>dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- guards-output-own [--threshold T] [--model FILE]</code>
    /// </summary>
    public static int OwnMultilingual(string[] args)
    {
        var threshold = OutputSafetyTraining.Arg(args, "--threshold") is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : new OutputSafetyDetectorOptions().HateThreshold;
        var model = OutputSafetyTraining.Arg(args, "--model") is { } file ? LoadFile(file, args) : HateSpeechModel.Default;
        var scored = OutputHateMultilingualCases.All().Concat(OutputHateMultilingualCases.SlotCases()).Select(c => (Case: c, Score: model.Score(c.Text))).ToList();
        foreach (var group in scored.GroupBy(s => s.Case.Language))
        {
            var hateful = group.Where(s => s.Case.Hateful).ToList();
            var nonHateful = group.Where(s => !s.Case.Hateful).ToList();
            Console.WriteLine($"guards.output.own.{group.Key}: f1_macro={F(MacroF1(group, threshold))} hateful_recall={F(Rate(hateful, threshold))} (n={hateful.Count}) non_hateful_blocked={F(Rate(nonHateful, threshold))} (n={nonHateful.Count})");
        }

        return 0;
    }

    /// <summary>Prints the hate score of each line of stdin (the embedded model, or --model FILE): a look at single texts.</summary>
    public static int ScoreLines(string[] args)
    {
        var model = OutputSafetyTraining.Arg(args, "--model") is { } file ? LoadFile(file, args) : HateSpeechModel.Default;
        while (Console.ReadLine() is { } line)
        {
            Console.WriteLine($"{F(model.Score(line))}\t{line}");
        }

        return 0;
    }

    private static void Strict(string prefix, List<HateCase> mhc, Func<HateCase, bool> isTrain, double threshold, bool dropHeldOutTargets, OutputSafetyTraining.HateWeights weights)
    {
        // Our own cases train every split; for the identities split, our cases of the held-out identities are left out
        // too (since session 21: the multilingual cases name them in the MHC languages).
        var own = OutputSafetyTraining.OwnTrain(mhc).Where(c => !dropHeldOutTargets || !OutputHateData.HeldOutTargets.Contains(c.Target, StringComparer.OrdinalIgnoreCase));
        var model = OutputSafetyTraining.TrainScorer(mhc.Where(isTrain), own, weights);
        var test = mhc.Where(c => !isTrain(c)).Select(c => (Case: c, Score: model.Score(c.Text))).ToList();
        Console.WriteLine($"{prefix}.test_cases={test.Count}");
        Report(prefix, test, threshold, perFunctionality: false);
    }

    /// <summary>A model file of either class (a linear .nplt or session 28's network), scored as trained with --identities when given.</summary>
    private static HateSpeechModel LoadFile(string path, string[] args)
    {
        using var stream = File.OpenRead(path);
        return HashedFeatureNetwork.IsNetwork(stream)
            ? new HateSpeechModel(HashedFeatureNetwork.Load(stream), abstractIdentities: args.Contains("--identities"))
            : new HateSpeechModel(Nonprofit.AI.Guards.Detection.LinearTextModel.Load(stream), abstractIdentities: args.Contains("--identities"));
    }

    private static void Report(string prefix, List<(HateCase Case, double Score)> scored, double threshold, bool perFunctionality)
    {
        var mhcF1 = new List<double>();
        foreach (var group in scored.GroupBy(s => s.Case.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var f1 = MacroF1(group, threshold);
            if (group.Key != "en")
            {
                mhcF1.Add(f1);
            }

            Console.WriteLine($"{prefix}.f1_macro.{group.Key}={F(f1)}");
        }

        Console.WriteLine($"{prefix}.f1_macro.avg_mhc={F(mhcF1.Average())}");
        Console.WriteLine($"{prefix}.f1_macro.all_pooled={F(MacroF1(scored, threshold))}");
        var counter = scored.Where(s => OutputHateData.CounterSpeech.Contains(s.Case.Functionality)).ToList();
        Console.WriteLine($"{prefix}.counter_speech_blocked={F(Rate(counter, threshold))} (n={counter.Count})");
        var nonHateful = scored.Where(s => !s.Case.Hateful).ToList();
        Console.WriteLine($"{prefix}.non_hateful_blocked={F(Rate(nonHateful, threshold))} (n={nonHateful.Count})");
        var hateful = scored.Where(s => s.Case.Hateful).ToList();
        Console.WriteLine($"{prefix}.hateful_recall={F(Rate(hateful, threshold))} (n={hateful.Count})");
        if (!perFunctionality)
        {
            return;
        }

        foreach (var group in scored.Where(s => !s.Case.Hateful).GroupBy(s => s.Case.Functionality).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"{prefix}.blocked.{group.Key}={F(Rate([.. group], threshold))} (n={group.Count()})");
        }

        foreach (var group in scored.Where(s => s.Case.Hateful).GroupBy(s => s.Case.Functionality).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"{prefix}.recall.{group.Key}={F(Rate([.. group], threshold))} (n={group.Count()})");
        }
    }

    private static double Rate(List<(HateCase Case, double Score)> cases, double threshold) =>
        cases.Count == 0 ? double.NaN : cases.Count(c => c.Score >= threshold) / (double)cases.Count;

    internal static double MacroF1(IEnumerable<(HateCase Case, double Score)> cases, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (c, score) in cases)
        {
            var predicted = score >= threshold;
            (tp, fp, fn, tn) = (predicted, c.Hateful) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (true, false) => (tp, fp + 1, fn, tn),
                (false, true) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
        }

        static double F1(int tp, int fp, int fn) => tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
        return (F1(tp, fp, fn) + F1(tn, fn, fp)) / 2;
    }

    internal static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
