using System.Globalization;

namespace Nonprofit.Evaluation.Guards;

/// <summary>Accuracy, precision, recall and F1 of scores against labels at a threshold.</summary>
internal readonly record struct Metrics(int Count, double Accuracy, double Precision, double Recall, double F1, double FalsePositiveRate)
{
    public static Metrics Of(IEnumerable<(int Label, double Score)> rows, double threshold)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var (label, score) in rows)
        {
            var flagged = score >= threshold;
            if (flagged && label == 1)
            {
                tp++;
            }
            else if (flagged)
            {
                fp++;
            }
            else if (label == 1)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        var n = tp + fp + tn + fn;
        var precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
        return new Metrics(
            n,
            n == 0 ? 0 : (tp + tn) / (double)n,
            precision,
            recall,
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall),
            fp + tn == 0 ? 0 : fp / (double)(fp + tn));
    }

    public void Print(string prefix)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}_n={Count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}_accuracy={Accuracy:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}_precision={Precision:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}_recall={Recall:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}_f1={F1:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}_false_positive_rate={FalsePositiveRate:0.000}"));
    }
}
