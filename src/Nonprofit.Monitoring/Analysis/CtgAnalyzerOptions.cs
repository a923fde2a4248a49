using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// Options of <see cref="CtgAnalyzer"/>. Clinical thresholds follow the FIGO 2015 consensus guidelines on intrapartum
/// fetal monitoring (Ayres-de-Campos, Spong, Chandraharan, Int J Gynecol Obstet 131:13-24, 2015), cited per option;
/// the rest are this package's choices, tuned on the FHRMA training recordings (docs/monitoring.md, "CTG analysis").
/// </summary>
public sealed class CtgAnalyzerOptions
{
    /// <summary>Gets or sets how the baseline is estimated.</summary>
    /// <value>The default is <see cref="BaselineMethod.RobustWeightedMedian"/>, the closer of the two to the three FHRMA reference methods on the training recordings (docs/monitoring.md).</value>
    public BaselineMethod BaselineMethod { get; set; } = BaselineMethod.RobustWeightedMedian;

    /// <summary>Gets or sets the length of the baseline window, in minutes.</summary>
    /// <value>The default is 10 minutes: FIGO 2015 estimates the baseline "in time periods of 10 minutes".</value>
    public double BaselineWindowMinutes { get; set; } = 10;

    /// <summary>Gets or sets the smallest rise above the baseline, in bpm, that makes an acceleration.</summary>
    /// <value>The default is 15 bpm (FIGO 2015). Ignored when <see cref="PretermBefore32Weeks"/> is set.</value>
    public double AccelerationAmplitudeBpm { get; set; } = 15;

    /// <summary>Gets or sets the shortest acceleration, in seconds.</summary>
    /// <value>The default is 15 s (FIGO 2015). Ignored when <see cref="PretermBefore32Weeks"/> is set.</value>
    public double AccelerationMinimumSeconds { get; set; } = 15;

    /// <summary>Gets or sets the longest acceleration, in seconds; a longer rise is a change of baseline.</summary>
    /// <value>The default is 600 s (FIGO 2015: accelerations last "less than 10 minutes").</value>
    public double AccelerationMaximumSeconds { get; set; } = 600;

    /// <summary>Gets or sets a value indicating whether the fetus is preterm, before 32 weeks of gestation: accelerations then need only 10 bpm for 10 s.</summary>
    /// <value>The default is <see langword="false"/>. FIGO 2015: "in fetuses before 32 weeks, amplitude and frequency of accelerations may be lower (10 s and 10 bpm of amplitude)"; NICHD 2008 says the same.</value>
    public bool PretermBefore32Weeks { get; set; }

    /// <summary>Gets or sets the smallest fall below the baseline, in bpm, that makes a deceleration.</summary>
    /// <value>The default is 15 bpm (FIGO 2015).</value>
    public double DecelerationAmplitudeBpm { get; set; } = 15;

    /// <summary>Gets or sets the shortest deceleration, in seconds.</summary>
    /// <value>The default is 15 s (FIGO 2015).</value>
    public double DecelerationMinimumSeconds { get; set; } = 15;

    /// <summary>Gets or sets the duration, in seconds, beyond which a deceleration is prolonged.</summary>
    /// <value>The default is 180 s (FIGO 2015: "lasting more than 3 minutes"; NICHD 2008 uses 2 minutes).</value>
    public double ProlongedDecelerationSeconds { get; set; } = 180;

    /// <summary>Gets or sets the onset-to-nadir time, in seconds, under which a deceleration is abrupt (variable).</summary>
    /// <value>The default is 30 s (FIGO 2015 and NICHD 2008).</value>
    public double AbruptOnsetSeconds { get; set; } = 30;

    /// <summary>Gets or sets the largest distance, in seconds, between a deceleration's nadir and the contraction's peak for them to coincide (early).</summary>
    /// <value>The default is 15 s (this package's choice: FIGO 2015 says only that the nadir "coincides" with the peak; late decelerations' nadirs come after it).</value>
    public double EarlyNadirToleranceSeconds { get; set; } = 15;

    /// <summary>Gets or sets the delay, in seconds, from the contraction's onset after which a gradual deceleration's onset makes it late.</summary>
    /// <value>The default is 20 s (FIGO 2015: late decelerations "start more than 20 seconds after the onset of a contraction").</value>
    public double LateOnsetDelaySeconds { get; set; } = 20;

    /// <summary>Gets or sets the largest fraction (0-1) of an event's samples that may be signal loss; events with more are discarded (or kept, see <see cref="KeepUnreliableEvents"/>).</summary>
    /// <value>The default is 0.33, as in the FHRMA evaluation (Boudet et al. 2019, doi:10.20944/preprints201907.0039.v1).</value>
    public double MaximumEventSignalLoss { get; set; } = 0.33;

    /// <summary>Gets or sets a value indicating whether events with more than <see cref="MaximumEventSignalLoss"/> signal loss are kept in the result (their <see cref="FhrEvent.SignalLossFraction"/> tells them apart).</summary>
    /// <value>The default is <see langword="false"/>: they are discarded.</value>
    public bool KeepUnreliableEvents { get; set; }

    /// <summary>Gets or sets the smallest rise of the smoothed uterine activity above its resting tone that makes a contraction, in the channel's units.</summary>
    /// <value>The default is 10 units (this package's choice; TOCO units are arbitrary, intrauterine pressure is in mmHg, where 10 mmHg is a usual minimum).</value>
    public double ContractionAmplitude { get; set; } = 10;

    /// <summary>Gets or sets the shortest contraction, in seconds, measured at half its amplitude above the tone.</summary>
    /// <value>The default is 30 s (contractions last 45 s to 2 min; shorter TOCO bumps are movements or artefacts).</value>
    public double ContractionMinimumSeconds { get; set; } = 30;

    /// <summary>Gets or sets the contraction rate, per 10 minutes averaged over 30 minutes, above which there is tachysystole.</summary>
    /// <value>The default is 5 (FIGO 2015: "more than 5 contractions in 10 minutes, in 2 successive 10-minute periods or averaged over a 30-minute period").</value>
    public double TachysystolePer10Minutes { get; set; } = 5;

    /// <summary>Gets or sets the baseline above which there is tachycardia, in bpm.</summary>
    /// <value>The default is 160 bpm (FIGO 2015: "a baseline value above 160 bpm lasting more than 10 minutes").</value>
    public double TachycardiaBpm { get; set; } = 160;

    /// <summary>Gets or sets the baseline below which there is bradycardia, in bpm.</summary>
    /// <value>The default is 110 bpm (FIGO 2015: "a baseline value below 110 bpm lasting more than 10 minutes").</value>
    public double BradycardiaBpm { get; set; } = 110;

    /// <summary>Gets or sets how long, in minutes, the baseline must stay beyond <see cref="TachycardiaBpm"/> or <see cref="BradycardiaBpm"/>.</summary>
    /// <value>The default is 10 minutes (FIGO 2015).</value>
    public double TachyBradycardiaMinutes { get; set; } = 10;

    /// <summary>Returns the first problem with these options, naming the property, or <see langword="null"/> when they are valid.</summary>
    internal string? Validate()
    {
        if (!Enum.IsDefined(BaselineMethod))
        {
            return $"{nameof(BaselineMethod)} is not a defined method.";
        }

        if (!InRange(BaselineWindowMinutes, 1, 60))
        {
            return $"{nameof(BaselineWindowMinutes)} must be between 1 and 60 minutes.";
        }

        (double Value, string Name)[] positive =
        [
            (AccelerationAmplitudeBpm, nameof(AccelerationAmplitudeBpm)),
            (AccelerationMinimumSeconds, nameof(AccelerationMinimumSeconds)),
            (DecelerationAmplitudeBpm, nameof(DecelerationAmplitudeBpm)),
            (DecelerationMinimumSeconds, nameof(DecelerationMinimumSeconds)),
            (ProlongedDecelerationSeconds, nameof(ProlongedDecelerationSeconds)),
            (AbruptOnsetSeconds, nameof(AbruptOnsetSeconds)),
            (EarlyNadirToleranceSeconds, nameof(EarlyNadirToleranceSeconds)),
            (LateOnsetDelaySeconds, nameof(LateOnsetDelaySeconds)),
            (ContractionAmplitude, nameof(ContractionAmplitude)),
            (ContractionMinimumSeconds, nameof(ContractionMinimumSeconds)),
            (TachysystolePer10Minutes, nameof(TachysystolePer10Minutes)),
            (TachyBradycardiaMinutes, nameof(TachyBradycardiaMinutes)),
        ];
        foreach (var (value, name) in positive)
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                return $"{name} must be a positive finite number.";
            }
        }

        if (!double.IsFinite(AccelerationMaximumSeconds) || AccelerationMaximumSeconds <= AccelerationMinimumSeconds)
        {
            return $"{nameof(AccelerationMaximumSeconds)} must be finite and above {nameof(AccelerationMinimumSeconds)}.";
        }

        if (!InRange(MaximumEventSignalLoss, 0, 1))
        {
            return $"{nameof(MaximumEventSignalLoss)} must be between 0 and 1.";
        }

        if (!double.IsFinite(BradycardiaBpm) || !double.IsFinite(TachycardiaBpm) || BradycardiaBpm <= 0 || TachycardiaBpm <= BradycardiaBpm)
        {
            return $"{nameof(BradycardiaBpm)} must be positive and {nameof(TachycardiaBpm)} finite and above it.";
        }

        return null;
    }

    internal CtgAnalyzerOptions Clone() => (CtgAnalyzerOptions)MemberwiseClone();

    private static bool InRange(double value, double min, double max) => double.IsFinite(value) && value >= min && value <= max;
}
