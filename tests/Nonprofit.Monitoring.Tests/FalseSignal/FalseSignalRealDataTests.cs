using System.Text.Json;

namespace Nonprofit.Monitoring.Tests.FalseSignal;

/// <summary>
/// Sensitivity and PPV on a few real FHRMA DopMHR/Train recordings (GPL-3.0, read in place). They come from the internal
/// dev part the training command holds out (every fifth file by name), so the trees never saw them.
/// </summary>
public sealed class FalseSignalRealDataTests
{
    [Fact]
    public void Detect_TrainDevFiles_SensitivityAndPpvAboveMargin()
    {
        var root = Path.Combine(SharedData.Fhrma, "FSdataset");
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "expertAnnotations.json")));
        var train = json.RootElement.GetProperty("records").EnumerateArray()
            .Where(r => r.GetProperty("dataset").GetString() == "DopMHRTrain")
            .OrderBy(r => r.GetProperty("filename").GetString(), StringComparer.Ordinal)
            .ToList();
        var chosen = train.Where((_, i) => i % 5 == 4).Where(r => r.GetProperty("FS_FHR").GetArrayLength() > 0).Take(8).ToList();
        Assert.Equal(8, chosen.Count);

        var detector = new FalseSignalDetector();
        long tp = 0, fp = 0, fn = 0;
        foreach (var record in chosen)
        {
            var recording = CtgReader.Read(Path.Combine(root, "DopMHR", "Train", record.GetProperty("filename").GetString()!));
            var labels = new sbyte[recording.Length];
            Array.Fill(labels, (sbyte)-1);
            Mark(labels, record.GetProperty("TS_FHR"), 0);
            Mark(labels, record.GetProperty("FS_FHR"), 1);
            var p = detector.Detect(recording);
            var fhr = recording.FetalHeartRate.Span;
            for (var i = 0; i < p.Length; i++)
            {
                if (labels[i] < 0 || float.IsNaN(fhr[i]))
                {
                    continue;
                }

                var predicted = p[i] >= 0.5f;
                tp += predicted && labels[i] == 1 ? 1 : 0;
                fp += predicted && labels[i] == 0 ? 1 : 0;
                fn += !predicted && labels[i] == 1 ? 1 : 0;
            }
        }

        var sensitivity = (double)tp / (tp + fn);
        var ppv = (double)tp / (tp + fp);
        Assert.True(tp + fn > 5000, "enough false-signal samples to measure");
        Assert.True(sensitivity > Margin, FormattableString.Invariant($"sensitivity {sensitivity:F3}"));
        Assert.True(ppv > Margin, FormattableString.Invariant($"PPV {ppv:F3}"));
    }

    private const double Margin = 0.75;

    private static void Mark(sbyte[] labels, JsonElement ranges, sbyte value)
    {
        foreach (var range in ranges.EnumerateArray())
        {
            for (var i = (int)range[0].GetDouble(); i <= Math.Min((int)range[1].GetDouble(), labels.Length); i++)
            {
                labels[i - 1] = value;
            }
        }
    }
}
