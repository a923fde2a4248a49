using System.Globalization;
using Nonprofit.Monitoring;

namespace Nonprofit.Evaluation.Ctg;

/// <summary>
/// <c>ctg-analysis --diagnose METHOD</c>: where <see cref="CtgAnalyzer"/>'s events and one reference method's disagree on
/// the training files: per-file F, and for each unmatched event its duration, signal loss and depth against both
/// baselines. Diagnostic output only (the figures of record are <see cref="CtgAnalysisEvaluation"/>'s).
/// </summary>
internal static class CtgEventDiagnostics
{
    public static void Run(List<FhrmaFile> files, CtgAnalyzer analyzer, string reference, bool verbose)
    {
        var train = files.Where(f => f.Train).ToList();
        var rows = new List<(string Name, double AccF, double DecF, double AccPair, double DecPair, string Detail)>();
        var pair = reference == "W" ? "A" : "W";
        foreach (var f in train)
        {
            var analysis = analyzer.Analyze(f.Recording);
            var fs = f.Clean.SampleRateHz;
            var ours = new ReferenceAnalysis(
                analysis.Baseline.ToArray(),
                analysis.Accelerations.Select(e => new EventSpan(e.StartSeconds, e.EndSeconds)).ToList(),
                analysis.Decelerations.Select(e => new EventSpan(e.StartSeconds, e.EndSeconds)).ToList());
            var theirs = f.References[reference];
            var other = f.References[pair];
            var detail = new System.Text.StringBuilder();
            double Kind(string kind, List<EventSpan> a, List<EventSpan> b, List<EventSpan> c, out double pairF)
            {
                var (ra, rb, rc) = (CtgMetrics.Reliable(a, f.Lost, fs), CtgMetrics.Reliable(b, f.Lost, fs), CtgMetrics.Reliable(c, f.Lost, fs));
                pairF = rb.Count + rc.Count == 0 ? double.NaN : CtgMetrics.Match(rb, rc).F;
                if (ra.Count + rb.Count == 0)
                {
                    return double.NaN;
                }

                var m = CtgMetrics.Match(ra, rb);
                detail.Append(CultureInfo.InvariantCulture, $" {kind} {m.Matched1}/{m.Total1} {m.Matched2}/{m.Total2};");
                if (verbose)
                {
                    var sign = kind == "acc" ? 1 : -1;
                    foreach (var e in ra.Where(e => !rb.Any(g => Math.Min(e.End, g.End) - Math.Max(e.Start, g.Start) > 5)))
                    {
                        detail.Append("\n    extra ").Append(Describe(e, f, ours.Baseline, theirs.Baseline, sign, rb));
                    }

                    foreach (var e in rb.Where(e => !ra.Any(g => Math.Min(e.End, g.End) - Math.Max(e.Start, g.Start) > 5)))
                    {
                        detail.Append("\n    missed ").Append(Describe(e, f, ours.Baseline, theirs.Baseline, sign, ra));
                    }

                    // Dropped by the loss rule (on either side).
                    foreach (var e in a.Except(ra))
                    {
                        detail.Append("\n    ours-lost ").Append(Describe(e, f, ours.Baseline, theirs.Baseline, sign, rb));
                    }

                    foreach (var e in b.Except(rb))
                    {
                        detail.Append("\n    ref-lost ").Append(Describe(e, f, ours.Baseline, theirs.Baseline, sign, ra));
                    }
                }

                return m.F;
            }

            var accF = Kind("acc", ours.Accelerations, theirs.Accelerations, other.Accelerations, out var accPair);
            var decF = Kind("dec", ours.Decelerations, theirs.Decelerations, other.Decelerations, out var decPair);
            rows.Add((f.Name, accF, decF, accPair, decPair, detail.ToString()));
        }

        foreach (var r in rows.OrderBy(r => (double.IsNaN(r.AccF) ? 1 : r.AccF) + (double.IsNaN(r.DecF) ? 1 : r.DecF)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"diag.{r.Name} accF={r.AccF:F3} ({reference}~{pair} {r.AccPair:F3}) decF={r.DecF:F3} ({r.DecPair:F3}){r.Detail}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"diag.acc_f_mean={rows.Where(r => !double.IsNaN(r.AccF)).Average(r => r.AccF):F4} dec_f_mean={rows.Where(r => !double.IsNaN(r.DecF)).Average(r => r.DecF):F4}"));
    }

    /// <summary>
    /// Against a reference's own baseline: every run of the FHR beyond it (crossing to crossing) that peaks at 15 bpm or
    /// more and lasts 15 s or more, with whether the reference reports an event there, binned by a few features.
    /// </summary>
    public static void Candidates(List<FhrmaFile> files, string reference)
    {
        foreach (var sign in new[] { +1, -1 })
        {
            var rows = new List<(bool Reported, double Duration, double Peak, double Over10, double Over15, double Lost)>();
            foreach (var f in files.Where(f => f.Train))
            {
                var r = f.References[reference];
                var events = sign > 0 ? r.Accelerations : r.Decelerations;
                var fhr = f.Clean.FetalHeartRate.Span;
                var fs = f.Clean.SampleRateHz;
                var n = Math.Min(fhr.Length, r.Baseline.Length);
                var i = 0;
                while (i < n)
                {
                    if (!(sign * (fhr[i] - r.Baseline[i]) > 0))
                    {
                        i++;
                        continue;
                    }

                    var s = i;
                    double peak = 0;
                    int over10 = 0, over15 = 0, lost = 0;
                    for (; i < n && sign * (fhr[i] - r.Baseline[i]) > 0; i++)
                    {
                        var d = sign * (fhr[i] - r.Baseline[i]);
                        peak = Math.Max(peak, d);
                        over10 += d >= 10 ? 1 : 0;
                        over15 += d >= 15 ? 1 : 0;
                        lost += f.Lost[i] ? 1 : 0;
                    }

                    var duration = (i - s) / fs;
                    if (peak >= 15 && duration >= 15)
                    {
                        var (a, b) = (s / fs, i / fs);
                        var reported = events.Any(e => Math.Min(e.End, b) - Math.Max(e.Start, a) > 5);
                        rows.Add((reported, duration, peak, over10 / fs, over15 / fs, (double)lost / (i - s)));
                    }
                }
            }

            void Bins(string name, Func<(bool Reported, double Duration, double Peak, double Over10, double Over15, double Lost), double> feature, double[] edges)
            {
                for (var k = 0; k <= edges.Length; k++)
                {
                    var lo = k == 0 ? double.NegativeInfinity : edges[k - 1];
                    var hi = k == edges.Length ? double.PositiveInfinity : edges[k];
                    var bin = rows.Where(x => feature(x) >= lo && feature(x) < hi).ToList();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cand.{(sign > 0 ? "acc" : "dec")}.{name}[{lo},{hi})={bin.Count(x => x.Reported)}/{bin.Count}"));
                }
            }

            Bins("duration", x => x.Duration, [20, 30, 45, 60, 120, 240]);
            Bins("peak", x => x.Peak, [16, 17, 18, 20, 25, 35]);
            Bins("over10", x => x.Over10, [2, 5, 10, 15, 30]);
            Bins("over15", x => x.Over15, [1, 2, 5, 10, 15]);
            Bins("lost", x => x.Lost, [0.01, 0.1, 0.2, 0.33]);
        }
    }

    /// <summary>
    /// Writes the fixture of <c>CtgAnalyzerReferenceTests</c> (tests/.../Analysis/Fixtures/ctg-analyzer-reference.txt):
    /// every 10th file, both baseline methods, our analysis's outputs (not FHRMA data) in the test's field order.
    /// </summary>
    public static void WriteReference(string root, string path)
    {
        var dataset = Path.Combine(root, "FHRMAdataset");
        var names = Enumerable.Range(0, 9).Select(k => $"test{(10 * k) + 1:D2}").Concat(Enumerable.Range(0, 7).Select(k => $"train{(10 * k) + 1:D2}")).ToList();
        var lines = new List<string>();
        foreach (var method in new[] { BaselineMethod.RobustWeightedMedian, BaselineMethod.Figo })
        {
            var analyzer = new CtgAnalyzer(new CtgAnalyzerOptions { BaselineMethod = method });
            foreach (var name in names)
            {
                var folder = name.StartsWith("train", StringComparison.Ordinal) ? "traindata" : "testdata";
                var a = analyzer.Analyze(CtgReader.Read(Path.Combine(dataset, folder, name + ".fhr")));
                var baseline = a.Baseline.ToArray();
                var valid = baseline.Where(b => !float.IsNaN(b)).ToArray();
                var minutes = Enumerable.Range(0, (baseline.Length + 239) / 240).Select(m => baseline[m * 240].ToString("F3", CultureInfo.InvariantCulture));
                lines.Add(string.Join('|', new[]
                {
                    method.ToString(), name, baseline.Length.ToString(CultureInfo.InvariantCulture), a.BaselineBpm.ToString("R", CultureInfo.InvariantCulture),
                    a.TachycardiaSeconds.ToString(CultureInfo.InvariantCulture), a.BradycardiaSeconds.ToString(CultureInfo.InvariantCulture),
                    valid.Average(b => (double)b).ToString("F4", CultureInfo.InvariantCulture), valid.Min().ToString("F3", CultureInfo.InvariantCulture), valid.Max().ToString("F3", CultureInfo.InvariantCulture),
                    string.Join(";", a.Accelerations.Select(e => $"A{e.StartIndex}-{e.EndIndex}-{e.ExtremumIndex}")),
                    string.Join(";", a.Decelerations.Select(e => $"D{e.StartIndex}-{e.EndIndex}-{e.ExtremumIndex}-{e.Type}-{e.ContractionIndex}")),
                    string.Join(";", a.Contractions.Select(e => $"C{e.StartIndex}-{e.EndIndex}-{e.PeakIndex}")),
                    string.Join(' ', minutes),
                }));
            }
        }

        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        Console.WriteLine($"reference.lines={lines.Count}");
    }

    /// <summary>Start, duration, loss, and the extreme depth against our baseline and the reference's; the nearest other event.</summary>
    private static string Describe(EventSpan e, FhrmaFile f, float[] ours, float[] theirs, int sign, List<EventSpan> others)
    {
        var fs = f.Clean.SampleRateHz;
        var fhr = f.Clean.FetalHeartRate.Span;
        var s = Math.Clamp((int)Math.Round(e.Start * fs), 0, fhr.Length);
        var t = Math.Clamp((int)Math.Round(e.End * fs), s, fhr.Length);
        double peakOurs = double.NegativeInfinity, peakTheirs = double.NegativeInfinity;
        int lost = 0, beyondOurs = 0, beyondTheirs = 0;
        for (var i = s; i < t; i++)
        {
            lost += f.Lost[i] ? 1 : 0;
            var a = sign * (fhr[i] - ours[i]);
            var b = sign * (fhr[i] - theirs[i]);
            peakOurs = Math.Max(peakOurs, a);
            peakTheirs = Math.Max(peakTheirs, b);
            beyondOurs += a >= 15 ? 1 : 0;
            beyondTheirs += b >= 15 ? 1 : 0;
        }

        var nearest = others.Count == 0 ? double.NaN : others.Min(o => Math.Max(o.Start - e.End, e.Start - o.End));
        var startDev = s < fhr.Length ? sign * (fhr[s] - theirs[s]) : double.NaN;
        var endDev = t > 0 ? sign * (fhr[t - 1] - theirs[t - 1]) : double.NaN;
        return string.Create(CultureInfo.InvariantCulture, $"t={e.Start / 60:F2}min dur={e.End - e.Start:F0}s lost={(t > s ? (double)lost / (t - s) : 0):F2} peakOurs={peakOurs:F1} peakRef={peakTheirs:F1} over15Ours={beyondOurs / fs:F0}s over15Ref={beyondTheirs / fs:F0}s edgesRef={startDev:F1}/{endDev:F1} gap={nearest:F0}s");
    }
}
