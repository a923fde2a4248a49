using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Nonprofit.Monitoring;

/// <summary>
/// Dawes-Redman-style antenatal CTG criteria: a documented re-implementation from the published descriptions (Dawes,
/// Moulden, Redman, J Perinat Med 19:47-51, 1991 and Obstet Gynecol 80:673-678, 1992; Pardey, Moulden, Redman, Am J Obstet
/// Gynecol 186:1095-1103, 2002), <b>not</b> the proprietary Sonicaid/Oxford algorithm, and not validated against it.
/// </summary>
/// <remarks>
/// <para>As in Pardey 2002, the record is analysed from <see cref="DawesRedmanOptions.MinimumMinutes"/> (10 min) in steps of
/// <see cref="DawesRedmanOptions.StepMinutes"/> (2 min) up to <see cref="DawesRedmanOptions.MaximumMinutes"/> (60 min); the
/// criteria are met at the first step where all of them hold. Each step analyses the record from its start.</para>
/// <para>Criteria (<see cref="DawesRedmanCriterion"/>), with this package's readings: the analysis lasts at least 10 min;
/// signal loss (samples that are NaN or <see cref="FhrSegment.Unreliable"/>) at most 30% (package choice); basal heart rate
/// (median of the supplied baseline over the analysed time) 116-160 bpm; at least one high-variation episode
/// (<see cref="ShortTermVariationAnalyzer"/>); STV at least 3 ms (or, when <see cref="DawesRedmanOptions.BorderlineStvMs"/>
/// is lowered, at least that with an acceleration and a high-variation episode); no deceleration above 20 lost beats when
/// the analysis lasts up to 30 min, none above 100 lost beats after that; at least one acceleration, or at least 20 fetal
/// movements per hour when they were recorded; no sinusoidal rhythm (a sinusoidal episode, as <see cref="VariabilityAnalyzer"/>
/// detects it, of 10 min or more: package choice). Not implemented, for want of inputs or a public definition: the
/// gestation-dependent centiles of LTV, and the "no suspected artefact at the end of the record" check.</para>
/// <para>Accelerations and decelerations are the caller's (the analyzer's, by FIGO definitions); Dawes-Redman defines an
/// acceleration as 10 bpm for 15 s, so counts can differ from the original system's.</para>
/// </remarks>
public sealed class DawesRedmanAnalyzer
{
    private readonly DawesRedmanOptions _options;
    private readonly ShortTermVariationAnalyzer _variation;
    private readonly VariabilityAnalyzer _variability = new();

    /// <summary>Initializes an analyzer with copies of the options (the defaults when <see langword="null"/>).</summary>
    /// <param name="options">The criteria limits, or <see langword="null"/>.</param>
    /// <param name="variationOptions">The STV/LTV options, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public DawesRedmanAnalyzer(DawesRedmanOptions? options = null, ShortTermVariationOptions? variationOptions = null)
    {
        options ??= new DawesRedmanOptions();
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _options = options.Clone();
        _variation = new ShortTermVariationAnalyzer(variationOptions);
    }

    /// <summary>Analyses <paramref name="input"/> step by step until the criteria are met or the steps run out.</summary>
    /// <param name="input">The FHR, baseline, mask and events.</param>
    /// <returns>Whether the criteria were met, when, and each criterion's status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or one of its lists is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The baseline or mask length differs from the FHR's.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sample rate is not finite or below 1 Hz.</exception>
    public DawesRedmanResult Evaluate(DawesRedmanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Accelerations, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Decelerations, nameof(input));
        if (input.BaselineBpm.Length != input.FhrBpm.Length || input.Segments.Length != input.FhrBpm.Length)
        {
            throw new ArgumentException("The baseline and the segment mask must have one entry per FHR sample.", nameof(input));
        }

        var fs = input.SampleRateHz;
        if (!double.IsFinite(fs) || fs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(input), "The sample rate must be finite and at least 1 Hz.");
        }

        var o = _options;
        var recordMinutes = input.FhrBpm.Length / fs / 60;
        if (recordMinutes < o.MinimumMinutes)
        {
            return Step(input, input.FhrBpm.Length);
        }

        DawesRedmanResult? last = null;
        for (var t = o.MinimumMinutes; t <= Math.Min(o.MaximumMinutes, recordMinutes); t += o.StepMinutes)
        {
            last = Step(input, (int)Math.Min(input.FhrBpm.Length, Math.Round(t * 60 * fs)));
            if (last.CriteriaMet)
            {
                return last;
            }
        }

        return last!;
    }

    private DawesRedmanResult Step(DawesRedmanInput input, int length)
    {
        var o = _options;
        var fs = input.SampleRateHz;
        var fhr = input.FhrBpm.Span[..length];
        var baseline = input.BaselineBpm.Span[..length];
        var segments = input.Segments.Span[..length];
        var minutes = length / fs / 60;
        var end = length / fs;
        var variation = _variation.Analyze(fhr, segments, fs);
        var variability = length >= 2 * 60 * fs ? _variability.Analyze(fhr, baseline, segments, fs) : null;
        var lost = 0;
        var finite = new List<float>(length);
        for (var i = 0; i < length; i++)
        {
            lost += !float.IsFinite(fhr[i]) || (segments[i] & FhrSegment.Unreliable) != 0 ? 1 : 0;
            if (float.IsFinite(baseline[i]))
            {
                finite.Add(baseline[i]);
            }
        }

        var lossPercent = length == 0 ? 100 : 100.0 * lost / length;
        var basal = VariabilityAnalyzer.Median(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(finite));
        var accelerations = input.Accelerations.Count(a => a.StartSeconds < end);
        double largestLostBeats = 0;
        foreach (var d in input.Decelerations)
        {
            largestLostBeats = d.StartSeconds < end ? Math.Max(largestLostBeats, LostBeats(fhr, baseline, d, fs)) : largestLostBeats;
        }

        var stv = variation.ShortTermVariationMs;
        var hasHighEpisode = variation.HighVariationEpisodes.Count > 0;
        var movements = input.FetalMovementsPerHour;
        var sinusoidal = variability?.LongestSinusoidalEpisodeMinutes ?? 0;
        var lostBeatsLimit = minutes <= o.ShortRecordMinutes ? o.ShortRecordMaximumLostBeats : o.MaximumLostBeats;
        var stvMet = stv >= o.MinimumStvMs || (stv >= o.BorderlineStvMs && accelerations > 0 && hasHighEpisode);
        var criteria = new[]
        {
            Criterion(DawesRedmanCriterion.RecordLength, minutes >= o.MinimumMinutes, $"Analysed {minutes:0.#} min; at least {o.MinimumMinutes} min are needed."),
            Criterion(DawesRedmanCriterion.SignalLoss, lossPercent <= o.MaximumSignalLossPercent, $"Signal loss {lossPercent:0.#}% (at most {o.MaximumSignalLossPercent:0.#}%)."),
            Criterion(DawesRedmanCriterion.BasalHeartRate, basal >= o.BasalMinimumBpm && basal <= o.BasalMaximumBpm, $"Basal heart rate {basal:0.#} bpm (normal {o.BasalMinimumBpm:0.#}-{o.BasalMaximumBpm:0.#} bpm)."),
            Criterion(DawesRedmanCriterion.HighVariationEpisode, hasHighEpisode, $"{variation.HighVariationEpisodes.Count} episode(s) of high variation, {variation.HighVariationMinutes} min (at least one is needed)."),
            Criterion(DawesRedmanCriterion.ShortTermVariation, stvMet, $"STV {stv:0.##} ms (at least {o.MinimumStvMs:0.##} ms{(o.BorderlineStvMs < o.MinimumStvMs ? $", or {o.BorderlineStvMs:0.##} ms with an acceleration and a high-variation episode" : "")})."),
            Criterion(DawesRedmanCriterion.Decelerations, largestLostBeats <= lostBeatsLimit, $"Largest deceleration {largestLostBeats:0.#} lost beats (at most {lostBeatsLimit:0.#} in a {(minutes <= o.ShortRecordMinutes ? "record of up to" : "record over")} {o.ShortRecordMinutes:0.#} min)."),
            Criterion(DawesRedmanCriterion.AccelerationOrMovements, accelerations > 0 || movements >= o.MinimumFetalMovementsPerHour, $"{accelerations} acceleration(s){(movements is { } m ? $", {m:0.#} fetal movements per hour" : "")} (at least one acceleration or {o.MinimumFetalMovementsPerHour:0.#} movements per hour)."),
            Criterion(DawesRedmanCriterion.NoSinusoidalRhythm, sinusoidal < o.SinusoidalMinutes, $"Longest sinusoidal episode {sinusoidal:0.#} min (sinusoidal from {o.SinusoidalMinutes:0.#} min)."),
        };
        var failed = criteria.Where(c => !c.Met).Select(c => c.Criterion).ToArray();
        return new DawesRedmanResult
        {
            CriteriaMet = failed.Length == 0,
            AnalysedMinutes = minutes,
            Criteria = criteria,
            FailedCriteria = failed,
            Variation = variation,
            BasalHeartRateBpm = basal,
            Accelerations = accelerations,
            LargestDecelerationLostBeats = largestLostBeats,
            SignalLossPercent = lossPercent,
        };
    }

    /// <summary>Lost beats of a deceleration: Σ max(0, baseline − FHR) / 60 / fs over its finite samples (bpm × minutes = beats).</summary>
    internal static double LostBeats(ReadOnlySpan<float> fhr, ReadOnlySpan<float> baseline, CtgTimeRange deceleration, double sampleRateHz)
    {
        var (start, end) = deceleration.ToSamples(sampleRateHz, fhr.Length);
        double beats = 0;
        for (var i = start; i < end; i++)
        {
            var d = baseline[i] - fhr[i];
            beats += float.IsFinite(d) && d > 0 ? d : 0;
        }

        return beats / 60 / sampleRateHz;
    }

    private static DawesRedmanCriterionResult Criterion(DawesRedmanCriterion criterion, bool met, FormattableString description) =>
        new(criterion, met, description.ToString(CultureInfo.InvariantCulture));
}
