using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;

namespace Nonprofit.Monitoring;

/// <summary>
/// Classifies a CTG as normal, suspicious or pathological with the FIGO 2015 consensus (Ayres-de-Campos, Spong,
/// Chandraharan, "FIGO consensus guidelines on intrapartum fetal monitoring: Cardiotocography", Int J Gynecol Obstet
/// 131:13-24, 2015, table 4 and the definitions before it), giving every rule that fired as a <see cref="FigoReason"/>.
/// </summary>
/// <remarks>
/// <para>Pathological: baseline &lt; 100 bpm; reduced variability (&lt; 5 bpm for &gt; 50 min in baseline segments or
/// &gt; 3 min during decelerations); increased variability (&gt; 25 bpm for &gt; 30 min); sinusoidal pattern &gt; 30 min;
/// repetitive late or prolonged decelerations during &gt; 30 min (&gt; 20 min with reduced variability); one prolonged
/// deceleration &gt; 5 min. Suspicious: lacking at least one characteristic of normality (baseline 110-160 bpm,
/// variability 5-25 bpm, no repetitive decelerations) with no pathological feature. Otherwise normal.</para>
/// <para>This package's readings, where the consensus leaves room: a deceleration is associated with a contraction when it
/// overlaps the contraction or starts at most 60 s after its end; decelerations are repetitive when more than 50% of the
/// contractions have one and at least two do. Late or prolonged decelerations are repetitive "during" the time from the
/// start of the first to the end of the last of a run of consecutive contractions, starting and ending with one that has a
/// late or prolonged deceleration, in which the contractions with one outnumber those without by at least two (more than 50%
/// once the bias of choosing a run that starts and ends with one is removed: one deceleration with every other contraction
/// is exactly 50% and never repetitive); the longest such run counts. "With reduced
/// variability" for the 20-min rule means a typical bandwidth below 5 bpm or reduced variability during decelerations
/// beyond 3 min. Signal loss above 30% and tachysystole are notes (FIGO handles them apart from the category); so is a
/// record of 50 min or less, in which the 50-min rule cannot fire.</para>
/// <para>Messages contain the CTG feature values only (bpm, minutes, counts), never anything about the patient.</para>
/// </remarks>
public static class FigoClassifier
{
    /// <summary>How long after a contraction ends a deceleration may start and still be associated with it, in seconds.</summary>
    public const double AssociationSeconds = 60;

    /// <summary>The signal loss, in percent, above which a note is added.</summary>
    public const double SignalLossNotePercent = 30;

    /// <summary>Classifies <paramref name="features"/>.</summary>
    /// <param name="features">The CTG features.</param>
    /// <returns>The category and its reasons.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> or one of its lists is <see langword="null"/>.</exception>
    public static FigoClassification Classify(FigoFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(features.Decelerations, nameof(features));
        ArgumentNullException.ThrowIfNull(features.Contractions, nameof(features));
        var reasons = new List<FigoReason>();
        Baseline(features, reasons);
        Variability(features, reasons);
        Decelerations(features, reasons);
        Notes(features, reasons);
        var ordered = reasons.OrderByDescending(r => r.Severity).ToArray();
        var category = ordered.Any(r => r.Severity == FigoReasonSeverity.Pathological) ? FigoCategory.Pathological
            : ordered.Any(r => r.Severity == FigoReasonSeverity.Suspicious) ? FigoCategory.Suspicious
            : FigoCategory.Normal;
        return new FigoClassification(category, Array.AsReadOnly(ordered));
    }

    private static void Baseline(FigoFeatures f, List<FigoReason> reasons)
    {
        var b = f.BaselineBpm;
        if (!double.IsFinite(b))
        {
            Add(reasons, FigoReasonCode.BaselineUnknown, FigoReasonSeverity.Suspicious, $"No baseline could be determined, so a normal baseline (110-160 bpm) cannot be shown.");
        }
        else if (b < 100)
        {
            Add(reasons, FigoReasonCode.BaselineBelow100, FigoReasonSeverity.Pathological, $"Baseline {b:0.#} bpm is below 100 bpm.");
        }
        else if (b < 110)
        {
            Add(reasons, FigoReasonCode.BaselineLow, FigoReasonSeverity.Suspicious, $"Baseline {b:0.#} bpm is below the normal 110-160 bpm.");
        }
        else if (b > 160)
        {
            Add(reasons, FigoReasonCode.BaselineHigh, FigoReasonSeverity.Suspicious, $"Baseline {b:0.#} bpm is above the normal 110-160 bpm (tachycardia).");
        }

        // Episodes inside a recording whose mean baseline is normal (a 15-min bradycardia in a 45-min trace).
        if (b >= 110 && f.BradycardiaMinutes >= 10)
        {
            Add(reasons, FigoReasonCode.BradycardiaEpisode, FigoReasonSeverity.Pathological, $"The baseline stayed below 110 bpm for {f.BradycardiaMinutes:0} minutes (bradycardia) although the mean baseline is normal.");
        }

        if (b <= 160 && f.TachycardiaMinutes >= 10)
        {
            Add(reasons, FigoReasonCode.TachycardiaEpisode, FigoReasonSeverity.Suspicious, $"The baseline stayed above 160 bpm for {f.TachycardiaMinutes:0} minutes (tachycardia) although the mean baseline is normal.");
        }
    }

    private static void Variability(FigoFeatures f, List<FigoReason> reasons)
    {
        var pathological = false;
        if (f.ReducedVariabilityMinutes > 50)
        {
            pathological = Add(reasons, FigoReasonCode.ReducedVariability, FigoReasonSeverity.Pathological, $"Variability below 5 bpm for {f.ReducedVariabilityMinutes:0.#} min in baseline segments (more than 50 min).");
        }

        if (f.ReducedVariabilityDuringDecelerationsMinutes > 3)
        {
            pathological = Add(reasons, FigoReasonCode.ReducedVariabilityDuringDecelerations, FigoReasonSeverity.Pathological, $"Variability below 5 bpm for {f.ReducedVariabilityDuringDecelerationsMinutes:0.#} min during decelerations (more than 3 min).");
        }

        if (f.IncreasedVariabilityMinutes > 30)
        {
            pathological = Add(reasons, FigoReasonCode.IncreasedVariability, FigoReasonSeverity.Pathological, $"Variability above 25 bpm for {f.IncreasedVariabilityMinutes:0.#} min (more than 30 min, saltatory pattern).");
        }

        if (f.SinusoidalMinutes > 30)
        {
            pathological = Add(reasons, FigoReasonCode.SinusoidalPattern, FigoReasonSeverity.Pathological, $"Sinusoidal pattern for {f.SinusoidalMinutes:0.#} min (more than 30 min).");
        }

        var v = f.VariabilityBandwidthBpm;
        if (!pathological && !(v >= 5 && v <= 25))
        {
            var message = double.IsFinite(v)
                ? FormattableStringFactory.Create("Typical variability {0:0.#} bpm is outside the normal 5-25 bpm.", v)
                : FormattableStringFactory.Create("Variability could not be measured, so a normal variability (5-25 bpm) cannot be shown.");
            Add(reasons, FigoReasonCode.VariabilityNotNormal, FigoReasonSeverity.Suspicious, message);
        }
    }

    private static void Decelerations(FigoFeatures f, List<FigoReason> reasons)
    {
        var contractions = f.Contractions.OrderBy(c => c.StartSeconds).ToArray();
        var anyHit = new bool[contractions.Length];
        var lateOrProlonged = new (double Start, double End)?[contractions.Length];
        foreach (var d in f.Decelerations)
        {
            for (var c = 0; c < contractions.Length; c++)
            {
                var window = new CtgTimeRange(contractions[c].StartSeconds, contractions[c].EndSeconds + AssociationSeconds);
                if (!window.Overlaps(d.Time))
                {
                    continue;
                }

                anyHit[c] = true;
                if (d.Kind is FigoDecelerationKind.Late or FigoDecelerationKind.Prolonged)
                {
                    var (s, e) = lateOrProlonged[c] ?? (d.Time.StartSeconds, d.Time.EndSeconds);
                    lateOrProlonged[c] = (Math.Min(s, d.Time.StartSeconds), Math.Max(e, d.Time.EndSeconds));
                }
            }
        }

        var longestProlonged = f.Decelerations.Where(d => d.Kind == FigoDecelerationKind.Prolonged).Select(d => d.Time.DurationSeconds / 60).DefaultIfEmpty(0).Max();
        var pathological = false;
        if (longestProlonged > 5)
        {
            pathological = Add(reasons, FigoReasonCode.ProlongedDecelerationOver5Minutes, FigoReasonSeverity.Pathological, $"A prolonged deceleration lasted {longestProlonged:0.#} min (more than 5 min).");
        }

        var repetitiveMinutes = LongestRepetitiveMinutes(lateOrProlonged);
        var reducedVariability = f.VariabilityBandwidthBpm < 5 || f.ReducedVariabilityDuringDecelerationsMinutes > 3;
        var limit = reducedVariability ? 20 : 30;
        if (repetitiveMinutes > limit)
        {
            pathological = Add(
                reasons,
                FigoReasonCode.RepetitiveLateOrProlongedDecelerations,
                FigoReasonSeverity.Pathological,
                $"Repetitive late or prolonged decelerations during {repetitiveMinutes:0.#} min (more than {limit} min{(reducedVariability ? " with reduced variability" : "")}).");
        }

        var hits = anyHit.Count(h => h);
        if (!pathological && hits >= 2 && hits * 2 > contractions.Length)
        {
            Add(reasons, FigoReasonCode.RepetitiveDecelerations, FigoReasonSeverity.Suspicious, $"Decelerations with {hits} of {contractions.Length} contractions (more than 50%: repetitive).");
        }
    }

    /// <summary>The longest span, in minutes, of a run of contractions that starts and ends with a late/prolonged deceleration and in which those with one outnumber those without by at least two.</summary>
    private static double LongestRepetitiveMinutes((double Start, double End)?[] hits)
    {
        double longest = 0;
        for (var i = 0; i < hits.Length; i++)
        {
            if (hits[i] is not { } first)
            {
                continue;
            }

            var count = 1;
            for (var j = i + 1; j < hits.Length; j++)
            {
                if (hits[j] is not { } last)
                {
                    continue;
                }

                count++;
                if (count - (j - i + 1 - count) >= 2)
                {
                    longest = Math.Max(longest, (last.End - first.Start) / 60);
                }
            }
        }

        return longest;
    }

    private static void Notes(FigoFeatures f, List<FigoReason> reasons)
    {
        if (f.SignalLossPercent > SignalLossNotePercent)
        {
            Add(reasons, FigoReasonCode.SignalLoss, FigoReasonSeverity.Information, $"Signal loss {f.SignalLossPercent:0.#}% (more than {SignalLossNotePercent:0}%): the classification rests on less data.");
        }

        if (f.Tachysystole)
        {
            Add(reasons, FigoReasonCode.Tachysystole, FigoReasonSeverity.Information, $"Tachysystole: more than 5 contractions in 10 min (averaged over 30 min).");
        }

        if (f.RecordMinutes <= 50)
        {
            Add(reasons, FigoReasonCode.ShortRecord, FigoReasonSeverity.Information, $"The record lasts {f.RecordMinutes:0.#} min; rules that need more than 50 min (reduced variability) could not fire.");
        }
    }

    private static bool Add(List<FigoReason> reasons, FigoReasonCode code, FigoReasonSeverity severity, FormattableString message)
    {
        reasons.Add(new FigoReason(code, severity, message.ToString(CultureInfo.InvariantCulture)));
        return true;
    }

}
