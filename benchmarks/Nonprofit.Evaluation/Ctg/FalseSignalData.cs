using System.Text.Json;
using Nonprofit.Monitoring;

namespace Nonprofit.Evaluation.Ctg;

/// <summary>
/// The FHRMA false-signal data set (GPL-3.0, read in place from ../shared/data/ctg/fhrma, never copied): recordings and
/// the expert labels of <c>FSdataset/expertAnnotations.json</c> (1-based inclusive [start, end] sample ranges at 4 Hz;
/// where a false-signal range overlaps a true-signal range, false signal wins; unselected samples are unknown).
/// </summary>
internal static class FalseSignalData
{
    /// <summary>Label of a sample nobody annotated.</summary>
    public const sbyte Unknown = -1;

    public static string FindRoot(string[] args)
    {
        var explicitRoot = Option(args, "--data");
        if (explicitRoot is not null)
        {
            return explicitRoot;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "../shared/data/ctg/fhrma");
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException("../shared/data/ctg/fhrma was not found; pass --data DIR.");
    }

    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The labelled files of one data set (e.g. "DopMHRTrain"), sorted by name, with their folder.</summary>
    public static List<Labelled> Load(string root, string dataset, string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "FSdataset", "expertAnnotations.json")));
        var files = new List<Labelled>();
        foreach (var record in json.RootElement.GetProperty("records").EnumerateArray())
        {
            if (record.GetProperty("dataset").GetString() != dataset)
            {
                continue;
            }

            var path = Path.Combine(root, "FSdataset", folder, record.GetProperty("filename").GetString()!);
            files.Add(new Labelled(path, Ranges(record.GetProperty("TS_FHR")), Ranges(record.GetProperty("FS_FHR"))));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>The merged fetal rate (FHR1, else FHR2, the higher when both: as the detector merges), maternal rate, uterine activity and labels of a file.</summary>
    public static (float[] Fhr, float[] Mhr, float[] Ua, sbyte[] Labels) Read(Labelled file)
    {
        var recording = CtgReader.Read(file.Path);
        var fhr = new float[recording.Length];
        var first = recording.FetalHeartRate.Span;
        var second = recording.SecondFetalHeartRate.Span;
        for (var i = 0; i < fhr.Length; i++)
        {
            fhr[i] = second.IsEmpty ? first[i] : CtgPreprocessor.Merge(first[i], second[i]);
        }

        var labels = new sbyte[recording.Length];
        labels.AsSpan().Fill(Unknown);
        Mark(labels, file.TrueSignal, 0);
        Mark(labels, file.FalseSignal, 1);
        return (fhr, recording.MaternalHeartRate.ToArray(), recording.UterineActivity.ToArray(), labels);
    }

    private static void Mark(sbyte[] labels, List<(int Start, int End)> ranges, sbyte value)
    {
        foreach (var (start, end) in ranges)
        {
            for (var i = Math.Max(1, start); i <= Math.Min(end, labels.Length); i++)
            {
                labels[i - 1] = value;
            }
        }
    }

    private static List<(int, int)> Ranges(JsonElement element)
    {
        var ranges = new List<(int, int)>();
        foreach (var pair in element.EnumerateArray())
        {
            ranges.Add(((int)pair[0].GetDouble(), (int)pair[1].GetDouble()));
        }

        return ranges;
    }

    internal sealed record Labelled(string Path, List<(int Start, int End)> TrueSignal, List<(int Start, int End)> FalseSignal);
}

/// <summary>Per-sample confusion counts at a threshold, plus a 1000-bin score histogram per class for the AUC.</summary>
internal sealed class FalseSignalScore
{
    private readonly long[] _positive = new long[1001];
    private readonly long[] _negative = new long[1001];

    public long TruePositive { get; private set; }

    public long FalsePositive { get; private set; }

    public long TrueNegative { get; private set; }

    public long FalseNegative { get; private set; }

    public void Add(float probability, bool falseSignal, double threshold = 0.5)
    {
        var predicted = probability >= threshold;
        var bin = (int)Math.Round(Math.Clamp(probability, 0, 1) * 1000);
        if (falseSignal)
        {
            _positive[bin]++;
            if (predicted)
            {
                TruePositive++;
            }
            else
            {
                FalseNegative++;
            }
        }
        else
        {
            _negative[bin]++;
            if (predicted)
            {
                FalsePositive++;
            }
            else
            {
                TrueNegative++;
            }
        }
    }

    public double Sensitivity => Ratio(TruePositive, TruePositive + FalseNegative);

    public double Specificity => Ratio(TrueNegative, TrueNegative + FalsePositive);

    public double Ppv => Ratio(TruePositive, TruePositive + FalsePositive);

    public double Accuracy => Ratio(TruePositive + TrueNegative, TruePositive + TrueNegative + FalsePositive + FalseNegative);

    /// <summary>The area under the ROC curve from the histograms (ties within a bin count half).</summary>
    public double Auc
    {
        get
        {
            double negativesBelow = 0, area = 0, positives = 0, negatives = 0;
            for (var b = 0; b < _positive.Length; b++)
            {
                area += _positive[b] * (negativesBelow + (0.5 * _negative[b]));
                negativesBelow += _negative[b];
                positives += _positive[b];
                negatives += _negative[b];
            }

            return positives > 0 && negatives > 0 ? area / (positives * negatives) : double.NaN;
        }
    }

    public void Print(string prefix)
    {
        Console.WriteLine(FormattableString.Invariant($"{prefix}.samples_fs={TruePositive + FalseNegative}"));
        Console.WriteLine(FormattableString.Invariant($"{prefix}.samples_ts={TrueNegative + FalsePositive}"));
        Console.WriteLine(FormattableString.Invariant($"{prefix}.se={Sensitivity:F4}"));
        Console.WriteLine(FormattableString.Invariant($"{prefix}.ppv={Ppv:F4}"));
        Console.WriteLine(FormattableString.Invariant($"{prefix}.sp={Specificity:F4}"));
        Console.WriteLine(FormattableString.Invariant($"{prefix}.accuracy={Accuracy:F4}"));
        Console.WriteLine(FormattableString.Invariant($"{prefix}.auc={Auc:F4}"));
    }

    private static double Ratio(long a, long b) => b == 0 ? double.NaN : (double)a / b;
}
