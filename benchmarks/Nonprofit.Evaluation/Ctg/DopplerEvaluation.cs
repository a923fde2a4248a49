using System.Globalization;
using Nonprofit.Monitoring;
using Nonprofit.Monitoring.Simulation;

namespace Nonprofit.Evaluation.Ctg;

/// <summary>
/// Doppler audio to fetal heart rate on synthetic audio with known truth: a grid of settings × SNRs × seeds, printing
/// valid output %, % of valid samples within 5 bpm, % of all samples valid and within 5 bpm, false outputs during dropouts,
/// the SNR where the 96 % goal breaks and the SNR where valid output falls below 90 %.
/// </summary>
/// <remarks>
/// dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- ctg-doppler [--seeds N] [--seconds S] [--tune] [--setting NAME] [--verbose] [--option Name=Value]
/// Report seeds are 1..N; <c>--tune</c> uses seeds 1001..1000+N, the ones the options were tuned on.
/// </remarks>
internal static class DopplerEvaluation
{
    private const double Goal = 96;

    /// <summary>Below this valid output % (outside dropouts) the coverage counts as broken.</summary>
    private const double CoverageGoal = 90;

    /// <summary>The SNR grid, dB (fetal heart power over noise power, whole band).</summary>
    private static readonly double[] s_snrs = [20, 10, 5, 0, -5, -10, -12, -15, -20];

    /// <summary>Settings: name and how they change the generator's defaults.</summary>
    private static readonly (string Name, Action<SyntheticDopplerOptions> Apply)[] s_settings =
    [
        ("clean", o => { o.MaternalAmplitude = 0; o.ArtefactsPerMinute = 0; o.DropoutsPerHour = 0; }),
        ("realistic", _ => { }),
        ("realistic-pink", o => o.NoiseColor = DopplerNoiseColor.Pink),
        ("hard", o => { o.SecondBurstRatio = 1.0; o.MaternalAmplitude = 1.0; o.ArtefactsPerMinute = 2; o.DropoutsPerHour = 12; o.VariabilityBpm = 10; }),
    ];

    public static int Run(string[] args)
    {
        var seeds = 10;
        var seconds = 300.0;
        var seedBase = 0;
        var verbose = false;
        var estimatorOptions = new DopplerHeartRateOptions();
        string? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seeds":
                    seeds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seconds":
                    seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--tune":
                    seedBase = 1000;
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                case "--option":
                    // --option Name=Value sets a DopplerHeartRateOptions property (for tuning).
                    var (key, value) = (args[++i].Split('=')[0], args[i].Split('=')[1]);
                    typeof(DopplerHeartRateOptions).GetProperty(key)!.SetValue(estimatorOptions, double.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "--setting":
                    only = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'");
                    return 2;
            }
        }

        var estimator = new DopplerHeartRateEstimator(estimatorOptions);
        Console.WriteLine(FormattableString.Invariant($"seeds={seedBase + 1}..{seedBase + seeds} seconds={seconds} goal_within5_pct={Goal}"));
        foreach (var (name, apply) in s_settings)
        {
            if (only is not null && only != name)
            {
                continue;
            }

            double? breaks = null;
            double? coverageBreaks = null;
            foreach (var snr in s_snrs)
            {
                var total = default(Score);
                for (var s = 1; s <= seeds; s++)
                {
                    var options = new SyntheticDopplerOptions { Seed = seedBase + s, DurationSeconds = seconds, SnrDb = snr };
                    apply(options);
                    var audio = SyntheticDopplerGenerator.Generate(options);
                    var result = estimator.Estimate(audio.Audio.Span, audio.SampleRateHz);
                    var score = Score.Of(result.Bpm.Span, audio.TrueFetalHeartRate.Span, audio.Dropout.Span);
                    total += score;
                    if (verbose)
                    {
                        Console.WriteLine(FormattableString.Invariant($"  seed={seedBase + s} valid_pct={score.ValidPercent:F1} within5_pct={score.Within5Percent:F2} {Errors(result.Bpm.Span, audio.TrueFetalHeartRate.Span, audio.Dropout.Span)}"));
                    }
                }

                var within = total.Within5Percent;
                if (breaks is null && within < Goal)
                {
                    breaks = snr;
                }

                if (coverageBreaks is null && total.ValidPercent < CoverageGoal)
                {
                    coverageBreaks = snr;
                }

                Console.WriteLine(FormattableString.Invariant(
                    $"setting={name} snr_db={snr} valid_pct={total.ValidPercent:F1} within5_pct={within:F2} valid_within5_pct={total.ValidWithin5Percent:F1} mae_bpm={total.MeanAbsoluteError:F2} false_dropout_pct={total.FalseDropoutPercent:F1} samples={total.Samples}"));
            }

            Console.WriteLine(FormattableString.Invariant($"setting={name} break_snr_db={Show(breaks)} coverage_break_snr_db={Show(coverageBreaks)}"));
        }

        return 0;
    }

    private static string Show(double? snr) => snr is { } b ? b.ToString(CultureInfo.InvariantCulture) : "below-grid";

    /// <summary>Describes where the wrong samples are: time and estimate/truth ratio of the first few error runs.</summary>
    private static string Errors(ReadOnlySpan<float> estimate, ReadOnlySpan<float> truth, ReadOnlySpan<bool> dropout)
    {
        var parts = new List<string>();
        var k = 0;
        while (k < estimate.Length && parts.Count < 6)
        {
            if (dropout[k] || float.IsNaN(estimate[k]) || Math.Abs(estimate[k] - truth[k]) <= 5)
            {
                k++;
                continue;
            }

            var start = k;
            while (k < estimate.Length && !float.IsNaN(estimate[k]) && Math.Abs(estimate[k] - truth[k]) > 5)
            {
                k++;
            }

            parts.Add(FormattableString.Invariant($"t={start / 4.0:F0}s+{(k - start) / 4.0:F1}s est/true={estimate[start]:F0}/{truth[start]:F0}"));
        }

        return string.Join("; ", parts);
    }

    /// <summary>Counts over samples outside dropouts (the truth) and samples deep inside them (false outputs).</summary>
    private readonly record struct Score(long Samples, long Valid, long Within5, double AbsoluteError, long DropoutSamples, long DropoutValid)
    {
        public double ValidPercent => Samples == 0 ? 0 : 100.0 * Valid / Samples;

        public double Within5Percent => Valid == 0 ? 0 : 100.0 * Within5 / Valid;

        public double ValidWithin5Percent => Samples == 0 ? 0 : 100.0 * Within5 / Samples;

        public double MeanAbsoluteError => Valid == 0 ? double.NaN : AbsoluteError / Valid;

        public double FalseDropoutPercent => DropoutSamples == 0 ? 0 : 100.0 * DropoutValid / DropoutSamples;

        public static Score operator +(Score a, Score b) => new(
            a.Samples + b.Samples, a.Valid + b.Valid, a.Within5 + b.Within5, a.AbsoluteError + b.AbsoluteError, a.DropoutSamples + b.DropoutSamples, a.DropoutValid + b.DropoutValid);

        public static Score Of(ReadOnlySpan<float> estimate, ReadOnlySpan<float> truth, ReadOnlySpan<bool> dropout)
        {
            var score = default(Score);
            var n = Math.Min(estimate.Length, truth.Length);
            long samples = 0, valid = 0, within = 0, dropoutSamples = 0, dropoutValid = 0;
            double error = 0;
            for (var k = 0; k < n; k++)
            {
                var ok = !float.IsNaN(estimate[k]);
                if (!dropout[k])
                {
                    samples++;
                    if (ok)
                    {
                        valid++;
                        var e = Math.Abs(estimate[k] - truth[k]);
                        error += e;
                        within += e <= 5 ? 1 : 0;
                    }
                }
                else if (DeepInDropout(dropout, k))
                {
                    dropoutSamples++;
                    dropoutValid += ok ? 1 : 0;
                }
            }

            return score with { Samples = samples, Valid = valid, Within5 = within, AbsoluteError = error, DropoutSamples = dropoutSamples, DropoutValid = dropoutValid };
        }

        /// <summary>Whether the whole 3.75 s window around sample k (±8 samples) is inside the dropout.</summary>
        private static bool DeepInDropout(ReadOnlySpan<bool> dropout, int k)
        {
            for (var j = Math.Max(0, k - 8); j <= Math.Min(dropout.Length - 1, k + 8); j++)
            {
                if (!dropout[j])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
