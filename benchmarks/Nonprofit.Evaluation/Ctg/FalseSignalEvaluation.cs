using System.Diagnostics;
using Nonprofit.Monitoring;

namespace Nonprofit.Evaluation.Ctg;

/// <summary>
/// <c>ctg-fs [--data DIR]</c>: measures <see cref="FalseSignalDetector"/> (its shipped model, fitted on DopMHR/Train only)
/// on FHRMA FSdataset/DopMHR/Val (142) and FSdataset/ScalpECG/Val (39): per-sample sensitivity, PPV, specificity,
/// accuracy at p ≥ 0.5 and AUC, counted only on annotated samples whose fetal rate is not lost (toolbox
/// <c>EvalFSForDataset.m</c> definitions), overall and split by whether the maternal rate is valid at the sample. Also
/// prints a one-line rule for reference: "|FHR − MHR| ≤ 5 bpm".
/// </summary>
internal static class FalseSignalEvaluation
{
    public static int Run(string[] args)
    {
        var root = FalseSignalData.FindRoot(args);
        var detector = new FalseSignalDetector();
        foreach (var (name, dataset, folder) in new[] { ("dopmhr_val", "DopMHRVal", "DopMHR/Val"), ("scalp_val", "ScalpVal", "ScalpECG/Val") })
        {
            var watch = Stopwatch.StartNew();
            var model = new FalseSignalScore();
            var rule = new FalseSignalScore();
            var withMaternal = new FalseSignalScore();
            var withoutMaternal = new FalseSignalScore();
            var files = FalseSignalData.Load(root, dataset, folder);
            long samples = 0;
            double detectSeconds = 0;
            foreach (var file in files)
            {
                var (fhr, mhr, ua, labels) = FalseSignalData.Read(file);
                var p = new float[fhr.Length];
                var start = Stopwatch.GetTimestamp();
                detector.Detect(fhr, mhr, ua, CtgRecording.StandardSampleRateHz, p);
                detectSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
                samples += fhr.Length;
                for (var i = 0; i < p.Length; i++)
                {
                    if (labels[i] == FalseSignalData.Unknown || !FalseSignalFeatures.IsValue(fhr[i]))
                    {
                        continue;
                    }

                    model.Add(p[i], labels[i] == 1);
                    (FalseSignalFeatures.IsValue(mhr[i]) ? withMaternal : withoutMaternal).Add(p[i], labels[i] == 1);
                    var close = FalseSignalFeatures.IsValue(mhr[i]) && Math.Abs(fhr[i] - mhr[i]) <= FalseSignalFeatures.CloseBpm;
                    rule.Add(close ? 1 : 0, labels[i] == 1);
                }
            }

            var prefix = "ctg_fs." + name;
            Console.WriteLine(FormattableString.Invariant($"{prefix}.files={files.Count}"));
            model.Print(prefix);
            withMaternal.Print(prefix + ".mhr_valid");
            withoutMaternal.Print(prefix + ".mhr_lost");
            Console.WriteLine(FormattableString.Invariant($"{prefix}.rule_mhr5.se={rule.Sensitivity:F4}"));
            Console.WriteLine(FormattableString.Invariant($"{prefix}.rule_mhr5.ppv={rule.Ppv:F4}"));
            Console.WriteLine(FormattableString.Invariant($"{prefix}.rule_mhr5.accuracy={rule.Accuracy:F4}"));
            Console.WriteLine(FormattableString.Invariant($"{prefix}.detect_hours_per_second={samples / CtgRecording.StandardSampleRateHz / 3600 / detectSeconds:F0}"));
            Console.WriteLine(FormattableString.Invariant($"{prefix}.seconds={watch.Elapsed.TotalSeconds:F1}"));
        }

        return 0;
    }
}
