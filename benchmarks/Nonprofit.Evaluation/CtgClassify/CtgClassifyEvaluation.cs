using System.Globalization;
using Nonprofit.Evaluation.Pii;
using Nonprofit.Monitoring;
using Nonprofit.Signals;

namespace Nonprofit.Evaluation.CtgClassify;

/// <summary>
/// Variability and STV/LTV on the FHRMA recordings (read in place, GPL-3.0 data) and the sinusoidal detector on seeded
/// synthetic sinusoids and AR(1) variability. FHRMA has no variability labels: its numbers describe the data (STV
/// distribution, share of minutes the detector calls sinusoidal in labour recordings, where the pattern is rare), with a
/// crude reference baseline (5-min centred moving median of the preprocessed FHR), not the analyzer's.
/// </summary>
internal static class CtgClassifyEvaluation
{
    private const double Rate = 4;
    private static readonly string[] s_classes = Enum.GetNames<VariabilityClass>();

    // dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- ctg-classify [--fhrma DIR] [--seeds N]
    public static int Run(string[] args)
    {
        var fhrma = Option(args, "--fhrma") ?? Path.GetDirectoryName(PiiEvaluation.FindAbove("../shared/data/ctg/fhrma/FHRMAdataset/index.csv"))!;
        var seeds = int.Parse(Option(args, "--seeds") ?? "200", CultureInfo.InvariantCulture);
        Fhrma(fhrma);
        Synthetic(seeds);
        return 0;
    }

    private static void Fhrma(string folder)
    {
        var files = Directory.GetFiles(folder, "*.fhr", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var preprocessor = new CtgPreprocessor(new CtgPreprocessorOptions());
        var variability = new VariabilityAnalyzer();
        var variation = new ShortTermVariationAnalyzer();
        var stv = new List<double>();
        var ltvBpm = new List<double>();
        var classes = new int[s_classes.Length];
        double hours = 0, sinusoidalMinutes = 0, measuredMinutes = 0, highMinutes = 0, analysedMinutes = 0;
        foreach (var file in files)
        {
            var recording = CtgReader.Read(file);
            var pre = preprocessor.Process(recording);
            var fhr = pre.FetalHeartRate.Span;
            var mask = new FhrSegment[fhr.Length];
            FhrSegmentMask.MarkUnreliable(pre.Status.Span, mask);
            var baseline = CrudeBaseline(fhr);
            var v = variability.Analyze(fhr, baseline, mask, Rate);
            var s = variation.Analyze(fhr, mask, Rate);
            hours += recording.Duration.TotalHours;
            classes[(int)v.Class]++;
            sinusoidalMinutes += v.SinusoidalMinutes;
            measuredMinutes += v.MinuteBandwidthBpm.Length - v.UnmeasuredMinutes;
            highMinutes += s.HighVariationMinutes;
            analysedMinutes += s.AnalysedMinutes;
            if (double.IsFinite(s.ShortTermVariationMs))
            {
                stv.Add(s.ShortTermVariationMs);
                ltvBpm.Add(s.LongTermVariationBpm);
            }
        }

        Print("fhrma_records", files.Length);
        Print("fhrma_hours", hours);
        Print("fhrma_stv_ms_p10", Percentile(stv, 0.1));
        Print("fhrma_stv_ms_median", Percentile(stv, 0.5));
        Print("fhrma_stv_ms_p90", Percentile(stv, 0.9));
        Print("fhrma_ltv_bpm_median", Percentile(ltvBpm, 0.5));
        Print("fhrma_high_variation_minute_fraction", highMinutes / Math.Max(1, analysedMinutes));
        Print("fhrma_sinusoidal_minute_fraction", sinusoidalMinutes / Math.Max(1, measuredMinutes));
        for (var c = 0; c < classes.Length; c++)
        {
            Print($"fhrma_variability_{s_classes[c].ToLowerInvariant()}_records", classes[c]);
        }
    }

    /// <summary>Seeded 40-min records: sinusoids (6-14 bpm peak to trough, 3.2-4.8 cycles/min) with AR(1) noise of 0.3-1 bpm and of 1-2 bpm, and AR(1) variability of 2-6 bpm alone.</summary>
    private static void Synthetic(int seeds)
    {
        var analyzer = new VariabilityAnalyzer();
        var n = (int)(40 * 60 * Rate);
        var baseline = Enumerable.Repeat(140f, n).ToArray();
        var mask = new FhrSegment[n];
        Print("synthetic_records", seeds);
        foreach (var (name, low, high) in new[] { ("sinusoid", 0.3, 1.0), ("noisy_sinusoid", 1.0, 2.0) })
        {
            double minutes = 0, flagged = 0, records = 0;
            for (var seed = 0; seed < seeds; seed++)
            {
                var random = new Random(seed);
                var fhr = Ar1(random, n, sd: low + (random.NextDouble() * (high - low)));
                var amplitude = 6 + (random.NextDouble() * 8);
                var cpm = 3.2 + (random.NextDouble() * 1.6);
                var phase = random.NextDouble() * 2 * Math.PI;
                for (var i = 0; i < n; i++)
                {
                    fhr[i] += 140 + (float)(amplitude / 2 * Math.Sin(phase + (2 * Math.PI * cpm * i / (60 * Rate))));
                }

                var result = analyzer.Analyze(fhr, baseline, mask, Rate);
                minutes += result.MinuteIsSinusoidal.Length;
                flagged += result.SinusoidalMinutes;
                records += result.Class == VariabilityClass.Sinusoidal ? 1 : 0;
            }

            Print($"synthetic_{name}_minute_sensitivity", flagged / minutes);
            Print($"synthetic_{name}_record_sensitivity", records / seeds);
        }

        double normalMinutes = 0, normalFlagged = 0, normalRecords = 0;
        for (var seed = 0; seed < seeds; seed++)
        {
            var random = new Random(1_000_000 + seed);
            var normal = Ar1(random, n, sd: 2 + (random.NextDouble() * 4));
            for (var i = 0; i < n; i++)
            {
                normal[i] += 140;
            }

            var v = analyzer.Analyze(normal, baseline, mask, Rate);
            normalMinutes += v.MinuteIsSinusoidal.Length;
            normalFlagged += v.SinusoidalMinutes;
            normalRecords += v.Class == VariabilityClass.Sinusoidal ? 1 : 0;
        }

        Print("synthetic_ar1_sinusoidal_minute_fraction", normalFlagged / normalMinutes);
        Print("synthetic_ar1_sinusoidal_records", normalRecords);
    }

    /// <summary>AR(1) with coefficient 0.95 at 4 Hz (a few-second correlation, like beat-to-beat variability) scaled to the standard deviation <paramref name="sd"/>.</summary>
    private static float[] Ar1(Random random, int n, double sd)
    {
        const double A = 0.95;
        var x = new float[n];
        double state = 0;
        var innovation = sd * Math.Sqrt(1 - (A * A));
        for (var i = 0; i < n; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            state = (A * state) + (innovation * gaussian);
            x[i] = (float)state;
        }

        return x;
    }

    /// <summary>A 5-min centred moving median (Nonprofit.Signals' trailing median shifted by half a window); NaN kept as the previous value.</summary>
    private static float[] CrudeBaseline(ReadOnlySpan<float> fhr)
    {
        const int Window = (int)(5 * 60 * Rate);
        var filled = new float[fhr.Length];
        var last = 140f;
        for (var i = 0; i < fhr.Length; i++)
        {
            last = float.IsFinite(fhr[i]) ? fhr[i] : last;
            filled[i] = last;
        }

        var trailing = new float[fhr.Length];
        MovingStatistics.Median(filled, Window, trailing);
        var centred = new float[fhr.Length];
        for (var i = 0; i < fhr.Length; i++)
        {
            centred[i] = trailing[Math.Min(fhr.Length - 1, i + (Window / 2))];
        }

        return centred;
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(p * (sorted.Length - 1))];
    }

    private static void Print(string name, double value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}={value:0.####}"));

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
