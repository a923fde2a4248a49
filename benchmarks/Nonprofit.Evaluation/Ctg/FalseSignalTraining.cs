using System.Diagnostics;
using System.Globalization;
using System.Text;
using Nonprofit.Monitoring;

namespace Nonprofit.Evaluation.Ctg;

/// <summary>
/// <c>ctg-fs-train [--data DIR] [--rounds N] [--min-leaf-hessian H] [--learning-rate R] [--out FILE] [--breakdown]</c>: fits the model of
/// <see cref="FalseSignalDetector"/> on FHRMA FSdataset/DopMHR/Train only and prints
/// <c>FalseSignalModel.Coefficients.cs</c> (or writes it to FILE), then the internal dev part's figures and where it errs;
/// with <c>--breakdown</c>, only the shipped model's figures and errors on the dev part (no fitting).
/// </summary>
/// <remarks>
/// Deterministic. Train is split by file (sorted by name): every fifth file (index % 5 == 4) is the internal dev part, the
/// rest the fit part. Trees: gradient-boosted depth-2 trees (Newton steps on the log loss, learning rate 0.1 unless given, at most 600 rounds, L2 0.1 on the
/// leaves, at least 20 of hessian weight per leaf, 63 quantile cut points per feature) on every 4th labelled, non-lost sample; the number of trees is the dev
/// part's best log loss, checked every 25 rounds. Pass 1 (signal features) is fitted three times: on each half of the fit
/// part, to give the other half out-of-fold probabilities for its context features, and on the whole fit part (the
/// shipped pass 1). Pass 2 (signal + context features) is fitted on the fit part with that out-of-fold context. Stage 2:
/// logistic regression (Newton) of the label on the pass-2 logit and its segment, 60 s and 300 s means, fitted on every
/// labelled sample of the dev part (out of sample for both passes); then its intercept is shifted so that the dev part's
/// sensitivity equals its PPV at p ≥ 0.5 (a rule fixed before the model was measured on Val).
/// </remarks>
internal static class FalseSignalTraining
{
    private const int Cuts = 63;
    private const double Lambda = 0.1;

    public static int Run(string[] args)
    {
        var watch = Stopwatch.StartNew();
        var root = FalseSignalData.FindRoot(args);
        var settings = new Settings(
            int.Parse(FalseSignalData.Option(args, "--rounds") ?? "600", CultureInfo.InvariantCulture),
            double.Parse(FalseSignalData.Option(args, "--min-leaf-hessian") ?? "20", CultureInfo.InvariantCulture),
            double.Parse(FalseSignalData.Option(args, "--learning-rate") ?? "0.1", CultureInfo.InvariantCulture));
        var output = FalseSignalData.Option(args, "--out");
        var files = FalseSignalData.Load(root, "DopMHRTrain", "DopMHR/Train");
        var fit = files.Where((_, i) => i % 5 != 4).ToList();
        var dev = files.Where((_, i) => i % 5 == 4).ToList();
        if (args.Contains("--breakdown"))
        {
            // The shipped model on the dev part only (it was fitted on the rest of Train; no Val file is read).
            EvaluateDev(new FalseSignalDetector(), dev);
            return 0;
        }

        var half1 = fit.Where((_, i) => i % 2 == 0).ToList();
        var half2 = fit.Where((_, i) => i % 2 == 1).ToList();

        // Pass 1, cross-fitted: each half's context comes from trees that never saw it.
        var devRows = ReadRows(dev, null);
        var rows1 = ReadRows(half1, null);
        var rows2 = ReadRows(half2, null);
        Console.Error.WriteLine(Invariant($"pass 1: fit rows {rows1.Y.Length + rows2.Y.Length}, dev rows {devRows.Y.Length}, {watch.Elapsed.TotalSeconds:F0} s"));
        var first1 = FitTrees(rows1, devRows, settings).ToEnsemble();
        var first2 = FitTrees(rows2, devRows, settings).ToEnsemble();
        var first = FitTrees(Rows.Concat(rows1, rows2), devRows, settings);
        Console.Error.WriteLine(Invariant($"pass 1: {first.Count} trees, {watch.Elapsed.TotalSeconds:F0} s"));

        // Pass 2 on signal and context features.
        var second = FitTrees(Rows.Concat(ReadRows(half1, first2), ReadRows(half2, first1)), ReadRows(dev, first.ToEnsemble()), settings);
        Console.Error.WriteLine(Invariant($"pass 2: {second.Count} trees, {watch.Elapsed.TotalSeconds:F0} s"));
        var stage2 = FitStage2(dev, first.ToEnsemble(), second.ToEnsemble());
        var text = Format(first, second, stage2, files.Count, fit.Count, dev.Count);
        if (output is null)
        {
            Console.Write(text);
        }
        else
        {
            File.WriteAllText(output, text);
        }

        EvaluateDev(new FalseSignalDetector(null, new FalseSignalModel(first.ToEnsemble(), second.ToEnsemble(), [.. stage2.Select(v => (float)v)])), dev);
        Console.WriteLine(Invariant($"ctg_fs.train.seconds={watch.Elapsed.TotalSeconds:F1}"));
        return 0;
    }

    /// <summary>Prints the dev part's figures, overall, split by the maternal channel, and the error breakdown.</summary>
    private static void EvaluateDev(FalseSignalDetector detector, List<FalseSignalData.Labelled> dev)
    {
        var score = new FalseSignalScore();
        var withMaternal = new FalseSignalScore();
        var withoutMaternal = new FalseSignalScore();
        var breakdown = new FalseSignalBreakdown();
        foreach (var file in dev)
        {
            var (fhr, mhr, ua, labels) = FalseSignalData.Read(file);
            var p = new float[fhr.Length];
            detector.Detect(fhr, mhr, ua, CtgRecording.StandardSampleRateHz, p);
            breakdown.Add(fhr, mhr, labels, p);
            for (var i = 0; i < p.Length; i++)
            {
                if (labels[i] != FalseSignalData.Unknown && FalseSignalFeatures.IsValue(fhr[i]))
                {
                    score.Add(p[i], labels[i] == 1);
                    (FalseSignalFeatures.IsValue(mhr[i]) ? withMaternal : withoutMaternal).Add(p[i], labels[i] == 1);
                }
            }
        }

        score.Print("ctg_fs.train_dev");
        withMaternal.Print("ctg_fs.train_dev.mhr_valid");
        withoutMaternal.Print("ctg_fs.train_dev.mhr_lost");
        breakdown.Print("ctg_fs.train_dev.breakdown");
    }

    /// <summary>Pass-1 probabilities of every valid sample, then the context features from them.</summary>
    private static void SetContext(FalseSignalFeatures features, FalseSignalTrees first, float[] scratch)
    {
        var f = scratch.AsSpan(0, FalseSignalFeatures.Count);
        var p = new float[features.Length];
        for (var i = 0; i < p.Length; i++)
        {
            if (features.SegmentOf(i) >= 0)
            {
                features.Fill(i, f);
                p[i] = FalseSignalModel.Sigmoid(first.Score(f));
            }
        }

        features.SetContext(p);
    }

    /// <summary>Features (with the context of <paramref name="first"/>, when given) and labels of every 4th labelled, non-lost sample.</summary>
    private static Rows ReadRows(List<FalseSignalData.Labelled> files, FalseSignalTrees? first)
    {
        var width = first is null ? FalseSignalFeatures.Count : FalseSignalFeatures.AllCount;
        var x = new List<float>();
        var y = new List<byte>();
        var f = new float[FalseSignalFeatures.AllCount];
        foreach (var file in files)
        {
            var (fhr, mhr, ua, labels) = FalseSignalData.Read(file);
            using var features = new FalseSignalFeatures(fhr, mhr, ua, CtgRecording.StandardSampleRateHz);
            if (first is not null)
            {
                SetContext(features, first, f);
            }

            for (var i = 0; i < fhr.Length; i += 4)
            {
                if (labels[i] == FalseSignalData.Unknown || features.SegmentOf(i) < 0)
                {
                    continue;
                }

                features.Fill(i, f.AsSpan(0, FalseSignalFeatures.Count));
                if (first is not null)
                {
                    features.FillContext(i, f.AsSpan(FalseSignalFeatures.Count));
                }

                x.AddRange(f.AsSpan(0, width));
                y.Add((byte)labels[i]);
            }
        }

        return new Rows([.. x], [.. y], width);
    }

    private static Trees FitTrees(Rows rows, Rows devRows, Settings settings)
    {
        var (x, y, width) = (rows.X, rows.Y, rows.Width);
        var (devX, devY) = (devRows.X, devRows.Y);
        var (maxRounds, minimumLeafHessian) = (settings.Rounds, settings.MinimumLeafHessian);
        var n = y.Length;
        var cuts = new float[width][];
        var bins = new byte[width * n];
        for (var f = 0; f < width; f++)
        {
            cuts[f] = QuantileCuts(x, n, f, width);
            for (var r = 0; r < n; r++)
            {
                bins[(f * n) + r] = (byte)LowerBound(cuts[f], x[(r * width) + f]);
            }
        }

        var positives = y.Count(v => v == 1);
        var bias = (float)Math.Log((double)positives / (n - positives));
        var trees = new Trees(bias);
        var score = new float[n];
        Array.Fill(score, bias);
        var devScore = new float[devY.Length];
        Array.Fill(devScore, bias);
        var g = new double[n];
        var h = new double[n];
        var side = new byte[n];
        var gh = new double[2 * 2 * (Cuts + 2)];
        var best = (Loss: double.MaxValue, Rounds: 0);
        for (var round = 0; round < maxRounds; round++)
        {
            double gSum = 0, hSum = 0;
            for (var r = 0; r < n; r++)
            {
                var p = 1 / (1 + Math.Exp(-score[r]));
                g[r] = p - y[r];
                h[r] = Math.Max(p * (1 - p), 1e-6);
                gSum += g[r];
                hSum += h[r];
            }

            // Root: every row on side 0.
            Array.Clear(side);
            var root = BestSplit(bins, cuts, g, h, side, n, 0, gSum, hSum, gh, minimumLeafHessian);
            if (root.Feature < 0)
            {
                break;
            }

            var rootBins = bins.AsSpan(root.Feature * n, n);
            for (var r = 0; r < n; r++)
            {
                side[r] = (byte)(rootBins[r] <= root.Cut ? 0 : 1);
            }

            var left = BestSplit(bins, cuts, g, h, side, n, 0, root.GLeft, root.HLeft, gh, minimumLeafHessian);
            var right = BestSplit(bins, cuts, g, h, side, n, 1, gSum - root.GLeft, hSum - root.HLeft, gh, minimumLeafHessian);
            var tree = new Tree(
                [root.Feature, Math.Max(0, left.Feature), Math.Max(0, right.Feature)],
                [cuts[root.Feature][root.Cut], Threshold(cuts, left), Threshold(cuts, right)],
                [.. Leaves(left, root.GLeft, root.HLeft, settings.LearningRate), .. Leaves(right, gSum - root.GLeft, hSum - root.HLeft, settings.LearningRate)]);
            trees.Add(tree);
            for (var r = 0; r < n; r++)
            {
                var child = side[r] == 0 ? left : right;
                var low = child.Feature < 0 || bins[(child.Feature * n) + r] <= child.Cut;
                score[r] += tree.Leaf[(2 * side[r]) + (low ? 0 : 1)];
            }

            for (var r = 0; r < devY.Length; r++)
            {
                devScore[r] += tree.Evaluate(devX.AsSpan(r * width, width));
            }

            if ((round + 1) % 25 == 0)
            {
                var loss = LogLoss(devScore, devY);
                Console.Error.WriteLine(Invariant($"round {round + 1}: dev log loss {loss:F4}, fit log loss {LogLoss(score, y):F4}"));
                if (loss < best.Loss)
                {
                    best = (loss, round + 1);
                }
            }
        }

        trees.Truncate(best.Rounds == 0 ? trees.Count : best.Rounds);
        return trees;
    }

    private static float Threshold(float[][] cuts, Split split) => split.Feature < 0 ? float.MaxValue : cuts[split.Feature][split.Cut];

    private static float[] Leaves(Split split, double g, double h, double rate) => split.Feature < 0
        ? [Leaf(g, h, rate), Leaf(g, h, rate)]
        : [Leaf(split.GLeft, split.HLeft, rate), Leaf(g - split.GLeft, h - split.HLeft, rate)];

    private static float Leaf(double g, double h, double rate) => (float)(-rate * g / (h + Lambda));

    /// <summary>The best split of the rows on <paramref name="which"/> side: the largest gain over every feature and cut.</summary>
    private static Split BestSplit(byte[] bins, float[][] cuts, double[] g, double[] h, byte[] side, int n, byte which, double gSum, double hSum, double[] gh, double minimumLeafHessian)
    {
        var best = new Split(-1, -1, 0, 0);
        var bestGain = 1e-9;
        var parent = gSum * gSum / (hSum + Lambda);
        for (var f = 0; f < cuts.Length; f++)
        {
            Array.Clear(gh);
            var column = bins.AsSpan(f * n, n);
            for (var r = 0; r < n; r++)
            {
                if (side[r] == which)
                {
                    gh[2 * column[r]] += g[r];
                    gh[(2 * column[r]) + 1] += h[r];
                }
            }

            double gl = 0, hl = 0;
            for (var c = 0; c < cuts[f].Length; c++)
            {
                gl += gh[2 * c];
                hl += gh[(2 * c) + 1];
                var gr = gSum - gl;
                var hr = hSum - hl;
                if (hl < minimumLeafHessian || hr < minimumLeafHessian)
                {
                    continue;
                }

                var gain = (gl * gl / (hl + Lambda)) + (gr * gr / (hr + Lambda)) - parent;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = new Split(f, c, gl, hl);
                }
            }
        }

        return best;
    }
    private static double[] FitStage2(List<FalseSignalData.Labelled> dev, FalseSignalTrees first, FalseSignalTrees second)
    {
        var rows = new List<(double S, double Seg, double W60, double W300, byte Y)>();
        var f = new float[FalseSignalFeatures.AllCount];
        foreach (var file in dev)
        {
            var (fhr, mhr, ua, labels) = FalseSignalData.Read(file);
            using var features = new FalseSignalFeatures(fhr, mhr, ua, CtgRecording.StandardSampleRateHz);
            SetContext(features, first, f);
            var s = new float[fhr.Length];
            for (var i = 0; i < s.Length; i++)
            {
                if (features.SegmentOf(i) >= 0)
                {
                    features.Fill(i, f.AsSpan(0, FalseSignalFeatures.Count));
                    features.FillContext(i, f.AsSpan(FalseSignalFeatures.Count));
                    s[i] = second.Score(f);
                }
            }

            features.SetScores(s);
            for (var i = 0; i < s.Length; i++)
            {
                if (labels[i] != FalseSignalData.Unknown && features.SegmentOf(i) >= 0)
                {
                    var (seg, w60, w300) = features.Smoothed(i);
                    rows.Add((s[i], seg, w60, w300, (byte)labels[i]));
                }
            }
        }

        // Newton's method on the log loss with a small ridge; 5 parameters.
        var w = new double[5];
        w[1] = 1;
        var v = new double[5];
        for (var iteration = 0; iteration < 25; iteration++)
        {
            var grad = new double[5];
            var hess = new double[5, 5];
            foreach (var row in rows)
            {
                v[0] = 1;
                v[1] = row.S;
                v[2] = row.Seg;
                v[3] = row.W60;
                v[4] = row.W300;
                double z = 0;
                for (var k = 0; k < 5; k++)
                {
                    z += w[k] * v[k];
                }

                var p = 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));
                var weight = Math.Max(p * (1 - p), 1e-9);
                for (var a = 0; a < 5; a++)
                {
                    grad[a] += (p - row.Y) * v[a];
                    for (var b = 0; b < 5; b++)
                    {
                        hess[a, b] += weight * v[a] * v[b];
                    }
                }
            }

            for (var a = 0; a < 5; a++)
            {
                grad[a] += 1e-3 * w[a];
                hess[a, a] += 1e-3;
            }

            var step = Solve(hess, grad);
            for (var k = 0; k < 5; k++)
            {
                w[k] -= step[k];
            }

            if (step.Max(Math.Abs) < 1e-7)
            {
                break;
            }
        }

        Console.Error.WriteLine(Invariant($"stage 2 on {rows.Count} dev samples: {string.Join(", ", w.Select(c => c.ToString("G6", CultureInfo.InvariantCulture)))}"));

        // The rule fixed before any Val run: shift the intercept so that the dev part's sensitivity equals its PPV at
        // p >= 0.5 (the break-even point; the goal asks both to reach 90%). Sensitivity rises and PPV falls with the
        // shift, so bisect on their difference.
        var logits = rows.Select(r => (Z: w[0] + (w[1] * r.S) + (w[2] * r.Seg) + (w[3] * r.W60) + (w[4] * r.W300), r.Y)).ToArray();
        double lo = -4, hi = 4;
        for (var iteration = 0; iteration < 40; iteration++)
        {
            var mid = (lo + hi) / 2;
            long tp = 0, fp = 0, fn = 0;
            foreach (var (z, y) in logits)
            {
                var predicted = z + mid >= 0;
                tp += predicted && y == 1 ? 1 : 0;
                fp += predicted && y == 0 ? 1 : 0;
                fn += !predicted && y == 1 ? 1 : 0;
            }

            var sensitivity = (double)tp / Math.Max(1, tp + fn);
            var ppv = (double)tp / Math.Max(1, tp + fp);
            (lo, hi) = sensitivity < ppv ? (mid, hi) : (lo, mid);
        }

        w[0] += (lo + hi) / 2;
        Console.Error.WriteLine(Invariant($"stage 2 intercept shifted by {(lo + hi) / 2:F4} to balance dev sensitivity and PPV"));
        return w;
    }


    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c]))
                {
                    pivot = r;
                }
            }

            for (var k = 0; k < n; k++)
            {
                (m[c, k], m[pivot, k]) = (m[pivot, k], m[c, k]);
            }

            (x[c], x[pivot]) = (x[pivot], x[c]);
            for (var r = c + 1; r < n; r++)
            {
                var factor = m[r, c] / m[c, c];
                for (var k = c; k < n; k++)
                {
                    m[r, k] -= factor * m[c, k];
                }

                x[r] -= factor * x[c];
            }
        }

        for (var c = n - 1; c >= 0; c--)
        {
            for (var k = c + 1; k < n; k++)
            {
                x[c] -= m[c, k] * x[k];
            }

            x[c] /= m[c, c];
        }

        return x;
    }

    private static float[] QuantileCuts(float[] x, int n, int f, int width)
    {
        var stride = Math.Max(1, n / 20000);
        var sample = new List<float>();
        for (var r = 0; r < n; r += stride)
        {
            sample.Add(x[(r * width) + f]);
        }

        sample.Sort();
        var cuts = new SortedSet<float>();
        for (var q = 1; q <= Cuts; q++)
        {
            cuts.Add(sample[Math.Min(sample.Count - 1, q * sample.Count / (Cuts + 1))]);
        }

        // Exact sentinels (-1, -2, -999) must be able to split off on their own.
        foreach (var sentinel in new[] { -999f, -2f, -1f })
        {
            if (sample.Contains(sentinel) && cuts.Count < Cuts)
            {
                cuts.Add(sentinel);
            }
        }

        return [.. cuts];
    }

    private static int LowerBound(float[] cuts, float value)
    {
        var i = 0;
        while (i < cuts.Length && value > cuts[i])
        {
            i++;
        }

        return i;
    }

    private static double LogLoss(float[] score, byte[] y)
    {
        double loss = 0;
        for (var r = 0; r < y.Length; r++)
        {
            var p = Math.Clamp(1 / (1 + Math.Exp(-score[r])), 1e-12, 1 - 1e-12);
            loss -= y[r] == 1 ? Math.Log(p) : Math.Log(1 - p);
        }

        return loss / Math.Max(1, y.Length);
    }

    private static string Format(Trees first, Trees second, double[] stage2, int files, int fit, int dev)
    {
        var text = new StringBuilder();
        text.AppendLine("// <auto-generated>");
        text.AppendLine("// Printed by: dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- ctg-fs-train");
        text.AppendLine(Invariant($"// Fitted on FHRMA FSdataset/DopMHR/Train ({files} recordings: {fit} fit, {dev} dev; GPL-3.0 data, Boudet et al.,"));
        text.AppendLine("// Biosensors 12(9):691, 2022). Only these numbers ship, no data.");
        text.AppendLine("// </auto-generated>");
        text.AppendLine("namespace Nonprofit.Monitoring;");
        text.AppendLine();
        text.AppendLine("internal sealed partial class FalseSignalModel");
        text.AppendLine("{");
        text.AppendLine("    private static FalseSignalModel CreateDefault() => new(");
        Ensemble(text, first);
        Ensemble(text, second);
        text.AppendLine(Invariant($"        stage2: [{Floats(stage2.Select(v => (float)v))}]);"));
        text.AppendLine("}");
        return text.ToString();
    }

    private static void Ensemble(StringBuilder text, Trees t)
    {
        text.AppendLine("        new FalseSignalTrees(");
        text.AppendLine(Invariant($"            feature: [{string.Join(", ", t.Items.SelectMany(x => x.Feature))}],"));
        text.AppendLine(Invariant($"            threshold: [{Floats(t.Items.SelectMany(x => x.Threshold))}],"));
        text.AppendLine(Invariant($"            leaf: [{Floats(t.Items.SelectMany(x => x.Leaf))}],"));
        text.AppendLine(Invariant($"            bias: {Float(t.Bias)}),"));
    }

    private static string Floats(IEnumerable<float> values) => string.Join(", ", values.Select(Float));

    private static string Float(float v) => v == float.MaxValue ? "float.MaxValue" : v.ToString("R", CultureInfo.InvariantCulture) + "f";

    private static string Invariant(FormattableString s) => FormattableString.Invariant(s);

    private readonly record struct Split(int Feature, int Cut, double GLeft, double HLeft);

    private sealed record Tree(int[] Feature, float[] Threshold, float[] Leaf)
    {
        public float Evaluate(ReadOnlySpan<float> f) => f[Feature[0]] <= Threshold[0]
            ? (f[Feature[1]] <= Threshold[1] ? Leaf[0] : Leaf[1])
            : (f[Feature[2]] <= Threshold[2] ? Leaf[2] : Leaf[3]);
    }

    private sealed class Trees(float bias)
    {
        public float Bias { get; } = bias;

        public List<Tree> Items { get; } = [];

        public int Count => Items.Count;

        public void Add(Tree tree) => Items.Add(tree);

        public void Truncate(int count) => Items.RemoveRange(count, Items.Count - count);

        public FalseSignalTrees ToEnsemble() => new(
            [.. Items.SelectMany(t => t.Feature)], [.. Items.SelectMany(t => t.Threshold)], [.. Items.SelectMany(t => t.Leaf)], Bias);
    }

    private sealed record Rows(float[] X, byte[] Y, int Width)
    {
        public static Rows Concat(Rows a, Rows b) => new([.. a.X, .. b.X], [.. a.Y, .. b.Y], a.Width);
    }

    private sealed record Settings(int Rounds, double MinimumLeafHessian, double LearningRate);
}
