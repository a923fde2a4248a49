using System.Diagnostics;
using System.Globalization;
using Nonprofit.AI.Guards;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// <c>guards-injection</c>: the shipped prompt-injection detector (embedded model + rules, default threshold) on the
/// deepset <c>test</c> rows (never used for training or tuning), its parts alone (rules, model), and the own
/// multilingual cases: scored by the shipped model (which trained on them: a fit, not a test) and by 5-fold
/// cross-validation with the shipped configuration (each case scored by a model that did not see it).
/// </summary>
internal static class InjectionEvaluation
{
    /// <summary><c>guards-injection</c> evaluates; <c>guards-injection train [--search]</c> trains (see <see cref="InjectionTraining"/>).</summary>
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "train" && args.Any(a => a is "--select29" or "--review29" or "--network-hash" or "--diagnose29"))
        {
            // Session 29's network candidates (Data/INJECTION-TRAINING.md).
            return InjectionNetworkSelection.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "train")
        {
            return InjectionTraining.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "explain")
        {
            // One line of standard input at a time: the rules' score, kind and "not for the assistant" flag, the model's probability.
            string? line;
            while ((line = Console.ReadLine()) is not null)
            {
                var (rules, model) = PromptInjectionDetector.Default.Parts(line, PromptInjectionSource.User);
                Console.WriteLine(FormattableString.Invariant(
                    $"explain score={PromptInjectionDetector.Default.Score(line):0.00} rules={rules.Score:0.00} kind={rules.Kind} not_for_assistant={rules.NotForTheAssistant} model={model:0.00} | {line}"));
            }

            return 0;
        }

        if (args.Length > 0 && args[0] == "dev")
        {
            var dump = Array.IndexOf(args, "--dump");
            return Dev(args.Contains("--errors"), dump > 0 && dump + 1 < args.Length ? args[dump + 1] : null);
        }

        // The default mode reads deepset `test`, which may be looked at once per session: an argument it does not know
        // (a misspelt mode such as "--explain") must stop here rather than fall through to it.
        var unknown = args.FirstOrDefault(a => a is not ("--errors" or "--train-errors"));
        if (unknown is not null)
        {
            Console.Error.WriteLine($"guards-injection: unknown argument '{unknown}'. Modes: train [...], explain (lines on stdin), dev [--errors] [--dump FILE], or none (the deepset test evaluation) with --errors / --train-errors.");
            return 2;
        }

        // The shipped default (rules + model); "rules_only" lines are PromptInjectionDetector.RulesOnly at its own threshold.
        var detector = PromptInjectionDetector.Default;
        var threshold = detector.Threshold;
        var rulesThreshold = PromptInjectionDetector.RulesOnlyThreshold;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold={threshold:0.00} rules_only_threshold={rulesThreshold:0.00}"));

        var test = InjectionData.Deepset("test");
        var parts = test.Select(c => detector.Parts(c.Text, PromptInjectionSource.User)).ToList();
        Metrics.Of(test.Select((c, i) => (c.Label, detector.Score(c.Text))), threshold).Print("deepset_test");
        Metrics.Of(test.Select((c, i) => (c.Label, parts[i].Rules.Score)), rulesThreshold).Print("deepset_test_rules_only");
        Metrics.Of(test.Select((c, i) => (c.Label, parts[i].Model)), threshold).Print("deepset_test_model_only");

        LongPersonalMessages(detector, threshold);

        List<InjectionCase> own = [.. InjectionData.Cases(), .. InjectionData.Narratives()];
        var fit = own.Select(c => detector.Score(c.Text, InjectionTraining.SourceOf(c))).ToArray();
        Metrics.Of(own.Select((c, i) => (c.Label, fit[i])), threshold).Print("own_fit");

        var all = InjectionTraining.TrainingSet();
        var cv = InjectionTraining.CrossValidatedScores(all, InjectionTraining.Chosen);
        var ownCv = all.Select((c, i) => (c, Score: cv[i])).Where(x => x.c.Origin == InjectionCase.Own).ToList();
        Metrics.Of(ownCv.Select(x => (x.c.Label, x.Score)), threshold).Print("own_cv");
        foreach (var language in ownCv.Select(x => x.c.Language).Distinct().Order(StringComparer.Ordinal))
        {
            Metrics.Of(ownCv.Where(x => x.c.Language == language).Select(x => (x.c.Label, x.Score)), threshold).Print("own_cv_" + language);
        }

        if (args.Contains("--errors"))
        {
            // Own cases only (deepset text stays out of the output).
            foreach (var x in ownCv.Where(x => (x.Score >= threshold) != (x.c.Label == 1)))
            {
                var p = detector.Parts(x.c.Text, InjectionTraining.SourceOf(x.c));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error label={x.c.Label} cv={x.Score:0.00} rules={p.Rules.Score:0.00}/{p.Rules.Kind} {x.c.Language} {x.c.Text}"));
            }
        }

        if (args.Contains("--train-errors"))
        {
            // deepset train rows the cross-validated detector gets wrong: for developing rules on training data only.
            foreach (var (c, score) in all.Select((c, i) => (c, cv[i])).Where(x => x.c.Origin == InjectionCase.Deepset && (x.Item2 >= threshold) != (x.c.Label == 1)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train_error label={c.Label} cv={score:0.00} {c.Text[..Math.Min(140, c.Text.Length)]}"));
            }
        }

        var lookCv = all.Select((c, i) => (c, Score: cv[i])).Where(x => x.c.Origin == InjectionCase.LookAlike).ToList();
        Metrics.Of(lookCv.Select(x => (x.c.Label, x.Score)), threshold).Print("lookalikes_training_part_cv");

        var rulesOnlyOwn = own.Select(c => (c.Label, detector.Parts(c.Text, InjectionTraining.SourceOf(c)).Rules.Score));
        Metrics.Of(rulesOnlyOwn, rulesThreshold).Print("own_rules_only");
        Metrics.Of(all.Select((c, i) => (c, i)).Where(x => x.c.Origin == InjectionCase.Deepset).Select(x => (x.c.Label, cv[x.i])), threshold).Print("deepset_train_cv");
        var figures = InjectionTraining.Figures(all, cv, threshold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cv_false_alarms_reddit_training_users={figures.RedditFalseAlarms:0.000} cv_false_alarms_own_benign_over_200_chars={figures.NarrativeFalseAlarms:0.000} cv_false_alarms_crisis_corpora={figures.CrisisFalseAlarms:0.000}"));

        // Speed, roughly (BenchmarkDotNet has the real figure): one 1 KB message, many times.
        var kb = string.Concat(Enumerable.Repeat("Our maize leaves have yellow stripes after the rains and the cooperative asks what to spray. ", 12))[..1024];
        for (var i = 0; i < 2000; i++)
        {
            detector.Score(kb);
        }

        var watch = Stopwatch.StartNew();
        const int runs = 20000;
        for (var i = 0; i < runs; i++)
        {
            detector.Score(kb);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"microseconds_per_1kb={watch.Elapsed.TotalMicroseconds / runs:0.0}"));
        var rulesOnly = PromptInjectionDetector.RulesOnly;
        watch.Restart();
        for (var i = 0; i < runs; i++)
        {
            rulesOnly.Score(kb);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"microseconds_per_1kb_rules_only={watch.Elapsed.TotalMicroseconds / runs:0.0}"));
        return 0;
    }

    /// <summary>
    /// <c>guards-injection dev</c>: the shipped detector on the dev part of injection-lookalikes.tsv (never trained on, never
    /// used to choose anything), overall and per language; reads neither deepset test nor the held-apart Reddit users.
    /// </summary>
    private static int Dev(bool errors, string? dump)
    {
        var detector = PromptInjectionDetector.Default;
        var dev = InjectionData.LookAlikes().Dev;
        if (dump is not null)
        {
            // The dev lines in the corpus format, to score them with another build (e.g. main's).
            File.WriteAllLines(dump, dev.Select(c => $"{c.Language}\t{c.Label}\t{c.Source}\t{c.Text}"));
        }

        var scores = dev.Select(c => detector.Score(c.Text, InjectionTraining.SourceOf(c))).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold={detector.Threshold:0.00} lookalikes_dev_n={dev.Count}"));
        Metrics.Of(dev.Select((c, i) => (c.Label, scores[i])), detector.Threshold).Print("lookalikes_dev");
        Metrics.Of(dev.Select((c, i) => (c.Label, detector.Parts(c.Text, InjectionTraining.SourceOf(c)).Rules.Score)), PromptInjectionDetector.RulesOnlyThreshold).Print("lookalikes_dev_rules_only");
        foreach (var language in dev.Select(c => c.Language).Distinct().Order(StringComparer.Ordinal))
        {
            Metrics.Of(dev.Select((c, i) => (c, i)).Where(x => x.c.Language == language).Select(x => (x.c.Label, scores[x.i])), detector.Threshold).Print("lookalikes_dev_" + language);
        }

        if (errors)
        {
            foreach (var (c, score) in dev.Select((c, i) => (c, scores[i])).Where(x => (x.Item2 >= detector.Threshold) != (x.c.Label == 1)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dev_error label={c.Label} score={score:0.00} {c.Language} {c.Text}"));
            }
        }

        return 0;
    }

    /// <summary>
    /// False alarms on long first-person messages, the kind a support line receives: the first two posts over 200
    /// characters of each held-apart Reddit C-SSRS user (cut at 3,000 characters, up to 400; those users are never
    /// trained on, see <see cref="InjectionData.RedditUsers"/>), none of them an injection.
    /// </summary>
    private static void LongPersonalMessages(PromptInjectionDetector withModel, double threshold)
    {
        var posts = InjectionData.RedditHeldApartPosts();
        if (posts.Count == 0)
        {
            Console.WriteLine("reddit_heldapart_posts=skipped (run from the repository root beside ../shared)");
            return;
        }

        var rulesOnly = PromptInjectionDetector.RulesOnly;
        var flaggedWithModel = posts.Count(p => withModel.Score(p) >= threshold);
        var flaggedRules = posts.Count(p => rulesOnly.Score(p) >= rulesOnly.Threshold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reddit_heldapart_posts_n={posts.Count} flagged_with_model={(double)flaggedWithModel / posts.Count:0.000} flagged_rules_only={(double)flaggedRules / posts.Count:0.000}"));
    }
}
