using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Nonprofit.Monitoring;
using Nonprofit.Monitoring.Tests.Synthetic;

namespace Nonprofit.Evaluation.Ctg;

/// <summary>
/// <c>ctg-analysis</c>: the FHRMA reference methods against each other (pairwise), <see cref="CtgAnalyzer"/> against each
/// of them on the training and test files separately, and on synthetic CTG with ground truth. Prints metric=value lines.
/// </summary>
/// <remarks>
/// Options: <c>--data DIR</c> (default ../shared/data/ctg/fhrma), <c>--method figo|robust|both</c>, <c>--split train|test|both</c>,
/// <c>--seeds N</c> (synthetic, default 100; 0 skips), <c>--no-pairwise</c>, <c>--diagnose A|MD|W [--verbose]</c> (per-file disagreement on the training files), <c>--write-reference FILE</c> (the fixture of CtgAnalyzerReferenceTests), <c>--tuning Name=value;Name=v1,v2</c>
/// (internal <see cref="CtgAnalyzerTuning"/> knobs, for tuning sweeps on the training files).
/// </remarks>
internal static class CtgAnalysisEvaluation
{
    public static int Run(string[] args)
    {
        var data = Option(args, "--data") ?? FindData();
        var methods = (Option(args, "--method") ?? "both") switch
        {
            "figo" => [BaselineMethod.Figo],
            "robust" => [BaselineMethod.RobustWeightedMedian],
            _ => new[] { BaselineMethod.Figo, BaselineMethod.RobustWeightedMedian },
        };
        var splits = (Option(args, "--split") ?? "both") switch
        {
            "train" => ["train"],
            "test" => ["test"],
            _ => new[] { "train", "test" },
        };
        var seeds = int.Parse(Option(args, "--seeds") ?? "100", CultureInfo.InvariantCulture);
        var tuning = ParseTuning(Option(args, "--tuning"));
        if (Option(args, "--dump-seed") is { } dump)
        {
            // Diagnostic: per-minute truth baseline, estimate and recorded FHR of one synthetic seed.
            var truth = SyntheticCtgGenerator.Generate(SyntheticAnalysisScore.Options(int.Parse(dump, CultureInfo.InvariantCulture)));
            var result = new CtgAnalyzer(new CtgAnalyzerOptions { BaselineMethod = methods[^1] }, new CtgPreprocessor(new CtgPreprocessorOptions { CorrectHalvingDoubling = !args.Contains("--no-halving-correction") })) { Tuning = tuning }.Analyze(truth.Recording);
            var fhr = result.Preprocessed.FetalHeartRate.Span;
            for (var m = 0; m < truth.Recording.Length / 240; m++)
            {
                var raw = truth.Recording.FetalHeartRate.Span.Slice(m * 240, 240).ToArray().Where(v => !float.IsNaN(v)).DefaultIfEmpty(float.NaN).Average();
                Console.WriteLine($"min {m}: truth={truth.Baseline[m * 240]:F1} est={result.Baseline.Span[m * 240]:F1} raw={raw:F1} clean={fhr.Slice(m * 240, 240).ToArray().Average():F1}");
            }

            return 0;
        }

        if (Option(args, "--write-reference") is { } fixture)
        {
            // Regenerates CtgAnalyzerReferenceTests' fixture (our outputs) after an intended change of the analysis.
            CtgEventDiagnostics.WriteReference(data, fixture);
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var files = data == "none" ? [] : FhrmaAnalyses.Load(data);
        Console.WriteLine($"fhrma.files={files.Count}");
        Console.WriteLine($"fhrma.load_s={clock.Elapsed.TotalSeconds:F1}");

        if (!args.Contains("--no-pairwise") && files.Count > 0)
        {
            foreach (var split in new[] { "train", "test", "all" })
            {
                var subset = files.Where(f => split == "all" || f.Train == (split == "train")).ToList();
                for (var a = 0; a < FhrmaAnalyses.Methods.Length; a++)
                {
                    for (var b = a + 1; b < FhrmaAnalyses.Methods.Length; b++)
                    {
                        var (ma, mb) = (FhrmaAnalyses.Methods[a], FhrmaAnalyses.Methods[b]);
                        Print($"pair.{ma}~{mb}.{split}", Compare(subset, f => f.References[ma], f => f.References[mb]));
                    }
                }
            }
        }

        if (Option(args, "--diagnose") is { } diagnosed && files.Count > 0)
        {
            // Diagnostic: per-file disagreement with one reference method on the training files.
            var diagnostic = new CtgAnalyzer(new CtgAnalyzerOptions { BaselineMethod = methods[^1] }) { Tuning = tuning };
            CtgEventDiagnostics.Run(files, diagnostic, diagnosed, args.Contains("--verbose"));
            CtgEventDiagnostics.Candidates(files, diagnosed);
            return 0;
        }

        foreach (var method in methods)
        {
            var preprocessing = new CtgPreprocessorOptions { CorrectHalvingDoubling = !args.Contains("--no-halving-correction") };
            var analyzer = new CtgAnalyzer(new CtgAnalyzerOptions { BaselineMethod = method }, new CtgPreprocessor(preprocessing)) { Tuning = tuning };
            var name = method == BaselineMethod.Figo ? "figo" : "robust";
            if (files.Count > 0)
            {
                clock.Restart();
                var ours = files.ToDictionary(f => f.Name, f => Ours(analyzer.Analyze(f.Recording)));
                Console.WriteLine($"ours.{name}.analyze_ms_per_file={clock.Elapsed.TotalMilliseconds / files.Count:F2}");
                foreach (var split in splits)
                {
                    var subset = files.Where(f => f.Train == (split == "train")).ToList();
                    foreach (var reference in FhrmaAnalyses.Methods)
                    {
                        Print($"ours.{name}.{split}.vs{reference}", Compare(subset, f => ours[f.Name], f => f.References[reference]));
                    }
                }
            }

            if (seeds > 0)
            {
                Synthetic(analyzer, name, seeds);
            }
        }

        return 0;
    }

    private static void Synthetic(CtgAnalyzer analyzer, string name, int seeds)
    {
        var rmsd = new List<double>();
        var acc = default(EventAgreement);
        var dec = default(EventAgreement);
        int right = 0, typed = 0;
        var confusion = new Dictionary<(DecelerationType, DecelerationType), int>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var truth = SyntheticCtgGenerator.Generate(SyntheticAnalysisScore.Options(seed));
            var score = SyntheticAnalysisScore.Score(truth, analyzer.Analyze(truth.Recording));
            rmsd.Add(score.BaselineRmsd);
            acc += score.Accelerations;
            dec += score.Decelerations;
            right += score.TypedRight;
            typed += score.Typed;
            foreach (var pair in score.Types)
            {
                confusion[pair] = confusion.GetValueOrDefault(pair) + 1;
            }
        }

        Console.WriteLine($"synthetic.{name}.seeds={seeds}");
        Console.WriteLine($"synthetic.{name}.baseline_rmsd_mean={rmsd.Average():F3}");
        Console.WriteLine($"synthetic.{name}.baseline_rmsd_max={rmsd.Max():F3}");
        Console.WriteLine($"synthetic.{name}.baseline_rmsd_worst_seed={rmsd.IndexOf(rmsd.Max()) + 1}");
        Console.WriteLine($"synthetic.{name}.baseline_rmsd_over_3={rmsd.Count(r => r > 3)}");
        Console.WriteLine($"synthetic.{name}.acc_f1={acc.F:F4}");
        Console.WriteLine($"synthetic.{name}.acc_recall={(double)acc.Matched2 / acc.Total2:F4}");
        Console.WriteLine($"synthetic.{name}.acc_precision={(double)acc.Matched1 / acc.Total1:F4}");
        Console.WriteLine($"synthetic.{name}.dec_f1={dec.F:F4}");
        Console.WriteLine($"synthetic.{name}.dec_recall={(double)dec.Matched2 / dec.Total2:F4}");
        Console.WriteLine($"synthetic.{name}.dec_precision={(double)dec.Matched1 / dec.Total1:F4}");
        Console.WriteLine($"synthetic.{name}.dec_type_accuracy={(double)right / typed:F4}");
        foreach (var ((expected, found), count) in confusion.OrderBy(p => p.Key))
        {
            Console.WriteLine($"synthetic.{name}.type.{expected}.as.{found}={count}");
        }
    }

    private static ReferenceAnalysis Ours(CtgAnalysis analysis) => new(
        analysis.Baseline.ToArray(),
        analysis.Accelerations.Select(e => new EventSpan(e.StartSeconds, e.EndSeconds)).ToList(),
        analysis.Decelerations.Select(e => new EventSpan(e.StartSeconds, e.EndSeconds)).ToList());

    internal sealed record Comparison(double Madi, double MadiMean, double Rmsd, double Over15, EventAgreement Accelerations, EventAgreement Decelerations, double AccFileMean, double DecFileMean);

    internal static Comparison Compare(List<FhrmaFile> files, Func<FhrmaFile, ReferenceAnalysis> first, Func<FhrmaFile, ReferenceAnalysis> second)
    {
        var madi = new List<double>();
        var rmsd = new List<double>();
        var over = new List<double>();
        var acc = default(EventAgreement);
        var dec = default(EventAgreement);
        var accFile = new List<double>();
        var decFile = new List<double>();
        foreach (var f in files)
        {
            var (a, b) = (first(f), second(f));
            var valid = f.Lost.Select(l => !l).ToArray();
            var fhr = f.Clean.FetalHeartRate.Span;
            var fs = f.Clean.SampleRateHz;
            madi.Add(CtgMetrics.Madi(a.Baseline, b.Baseline, fhr, valid, fs));
            rmsd.Add(CtgMetrics.Rmsd(a.Baseline, b.Baseline, valid));
            over.Add(CtgMetrics.DiffOver15(a.Baseline, b.Baseline, valid));
            var (aa, ba) = (CtgMetrics.Reliable(a.Accelerations, f.Lost, fs), CtgMetrics.Reliable(b.Accelerations, f.Lost, fs));
            var (ad, bd) = (CtgMetrics.Reliable(a.Decelerations, f.Lost, fs), CtgMetrics.Reliable(b.Decelerations, f.Lost, fs));
            acc += CtgMetrics.Match(aa, ba);
            dec += CtgMetrics.Match(ad, bd);
            if (aa.Count + ba.Count > 0)
            {
                accFile.Add(CtgMetrics.Match(aa, ba).F);
            }

            if (ad.Count + bd.Count > 0)
            {
                decFile.Add(CtgMetrics.Match(ad, bd).F);
            }
        }

        return new Comparison(CtgMetrics.Median(madi), madi.Where(double.IsFinite).Average(), CtgMetrics.Median(rmsd), CtgMetrics.Median(over), acc, dec, accFile.Average(), decFile.Average());
    }

    private static void Print(string prefix, Comparison c)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}.madi={c.Madi:F4}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}.madi_mean={c.MadiMean:F4}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}.rmsd_bpm={c.Rmsd:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}.diff_over_15_pct={c.Over15:F3}"));
        // FHRMA reports the mean over files of the per-file F-measure (files where neither analysis has an event skipped).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}.acc_f={c.AccFileMean:F4}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}.dec_f={c.DecFileMean:F4}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}.acc_f_pooled={c.Accelerations.F:F4}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}.dec_f_pooled={c.Decelerations.F:F4}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}.acc_counts={c.Accelerations.Total1}/{c.Accelerations.Total2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}.dec_counts={c.Decelerations.Total1}/{c.Decelerations.Total2}"));
    }

    private static CtgAnalyzerTuning ParseTuning(string? text)
    {
        var tuning = CtgAnalyzerTuning.Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return tuning;
        }

        tuning = tuning with { };
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (part[..part.IndexOf('=', StringComparison.Ordinal)], part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var property = typeof(CtgAnalyzerTuning).GetProperty(key, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ArgumentException($"unknown tuning knob '{key}'");
            object parsed = property.PropertyType == typeof(double[])
                ? value.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()
                : property.PropertyType == typeof(float) ? float.Parse(value, CultureInfo.InvariantCulture)
                : property.PropertyType == typeof(bool) ? bool.Parse(value)
                : double.Parse(value, CultureInfo.InvariantCulture);
            property.SetValue(tuning, parsed);
        }

        return tuning;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "ctg", "fhrma");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            candidate = Path.Combine(dir.FullName, "..", "shared", "data", "ctg", "fhrma");
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("../shared/data/ctg/fhrma was not found; pass --data DIR.");
    }
}
