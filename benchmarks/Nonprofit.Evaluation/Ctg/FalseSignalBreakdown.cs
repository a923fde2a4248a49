using Nonprofit.Monitoring;

namespace Nonprofit.Evaluation.Ctg;

/// <summary>
/// Where a false-signal model errs on a labelled set (used on DopMHR/Train's internal dev part only): the false-signal
/// samples (and the false alarms) split by the maternal channel at the sample and in the recording, by the length of the
/// labelled false-signal stretch, by the position in the recording, and by the ratio of the fetal rate to the nearest
/// maternal rate (≈ 1: maternal capture; ≈ 2 or ≈ ½: a doubled or halved maternal rate).
/// </summary>
internal sealed class FalseSignalBreakdown
{
    private readonly SortedDictionary<string, (long Positive, long Missed, long Negative, long Alarms)> _cells = new(StringComparer.Ordinal);

    /// <summary>Adds every labelled, non-lost sample of one recording.</summary>
    public void Add(float[] fhr, float[] mhr, sbyte[] labels, float[] p)
    {
        var hasMaternal = mhr.Any(FalseSignalFeatures.IsValue);
        var nearest = NearestMaternal(mhr, 300 * 4);
        var run = RunLengths(labels);
        for (var i = 0; i < p.Length; i++)
        {
            if (labels[i] == FalseSignalData.Unknown || !FalseSignalFeatures.IsValue(fhr[i]))
            {
                continue;
            }

            var positive = labels[i] == 1;
            var predicted = p[i] >= 0.5f;
            Count("all", positive, predicted);
            Count(FalseSignalFeatures.IsValue(mhr[i]) ? "mhr.valid" : hasMaternal ? "mhr.lost_here" : "mhr.none_in_recording", positive, predicted);
            var seconds = run[i] / 4.0;
            Count(seconds < 30 ? "stretch.<30s" : seconds < 120 ? "stretch.30s-2min" : seconds < 600 ? "stretch.2-10min" : "stretch.>10min", positive, predicted);
            Count(i < 5 * 60 * 4 ? "position.first5min" : p.Length - i < 5 * 60 * 4 ? "position.last5min" : "position.middle", positive, predicted);
            var m = nearest[i];
            var ratio = float.IsNaN(m) ? float.NaN : fhr[i] / m;
            Count(
                float.IsNaN(ratio) ? "ratio.no_mhr_within_5min" : Math.Abs(fhr[i] - m) <= 10 ? "ratio.~1(within10bpm)" : ratio is > 1.8f and < 2.2f ? "ratio.~2" : ratio is > 0.4f and < 0.6f ? "ratio.~0.5" : "ratio.other",
                positive,
                predicted);
        }
    }

    public void Print(string prefix)
    {
        foreach (var (name, c) in _cells)
        {
            var se = c.Positive > 0 ? (double)(c.Positive - c.Missed) / c.Positive : double.NaN;
            Console.WriteLine(FormattableString.Invariant(
                $"{prefix}.{name}: fs={c.Positive} missed={c.Missed} se={se:F3} ts={c.Negative} false_alarms={c.Alarms}"));
        }
    }

    private void Count(string name, bool positive, bool predicted)
    {
        var c = _cells.GetValueOrDefault(name);
        if (positive)
        {
            c.Positive++;
            c.Missed += predicted ? 0 : 1;
        }
        else
        {
            c.Negative++;
            c.Alarms += predicted ? 1 : 0;
        }

        _cells[name] = c;
    }

    /// <summary>The length (samples) of the run of equal labels each sample belongs to.</summary>
    private static int[] RunLengths(sbyte[] labels)
    {
        var run = new int[labels.Length];
        for (var start = 0; start < labels.Length;)
        {
            var end = start;
            while (end < labels.Length && labels[end] == labels[start])
            {
                end++;
            }

            Array.Fill(run, end - start, start, end - start);
            start = end;
        }

        return run;
    }

    /// <summary>The maternal rate at the sample, else the nearest valid one within <paramref name="reach"/> samples; NaN if none.</summary>
    private static float[] NearestMaternal(float[] mhr, int reach)
    {
        var result = new float[mhr.Length];
        var before = new int[mhr.Length];
        var last = -1;
        for (var i = 0; i < mhr.Length; i++)
        {
            last = FalseSignalFeatures.IsValue(mhr[i]) ? i : last;
            before[i] = last;
        }

        var next = -1;
        for (var i = mhr.Length - 1; i >= 0; i--)
        {
            next = FalseSignalFeatures.IsValue(mhr[i]) ? i : next;
            var b = before[i] >= 0 && i - before[i] <= reach ? before[i] : -1;
            var a = next >= 0 && next - i <= reach ? next : -1;
            result[i] = b < 0 && a < 0 ? float.NaN : a < 0 || (b >= 0 && i - b <= a - i) ? mhr[b] : mhr[a];
        }

        return result;
    }
}
