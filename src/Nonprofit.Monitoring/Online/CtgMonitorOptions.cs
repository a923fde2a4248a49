using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// The rules of a <see cref="CtgMonitor"/>. Clinical thresholds follow the FIGO 2015 intrapartum consensus
/// (Ayres-de-Campos D, Spong CY, Chandraharan E. FIGO consensus guidelines on intrapartum fetal monitoring:
/// cardiotocography. Int J Gynecol Obstet 2015;131:13-24); the others are this package's choices, documented here and in
/// docs/monitoring.md.
/// </summary>
public sealed class CtgMonitorOptions
{
    /// <summary>Gets or sets the sample rate of the incoming samples, in Hz. Default: 4 Hz, the CTG standard.</summary>
    public double SampleRateHz { get; set; } = CtgRecording.StandardSampleRateHz;

    /// <summary>Gets or sets the lowest plausible fetal heart rate; lower values count as lost. Default: 50 bpm (the CtgPreprocessor default).</summary>
    public double MinimumBpm { get; set; } = 50;

    /// <summary>Gets or sets the highest plausible fetal heart rate; higher values count as lost. Default: 220 bpm.</summary>
    public double MaximumBpm { get; set; } = 220;

    /// <summary>Gets or sets the sliding window over which lost samples are counted. Default: 60 s.</summary>
    public double SignalLossWindowSeconds { get; set; } = 60;

    /// <summary>Gets or sets the percentage of lost samples in the window at which signal loss starts. Default: 50%.</summary>
    public double SignalLossStartPercent { get; set; } = 50;

    /// <summary>Gets or sets the percentage of lost samples in the window at or below which signal loss ends (hysteresis). Default: 20%.</summary>
    public double SignalLossEndPercent { get; set; } = 20;

    /// <summary>
    /// Gets or sets how long the monitor waits for the next sample (on its <see cref="TimeProvider"/>) before it raises
    /// signal loss; <see cref="TimeSpan.Zero"/> turns the watchdog off. Default: 10 s.
    /// </summary>
    public TimeSpan WatchdogTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the window of the online baseline estimate. Default: 10 min, the FIGO 2015 baseline period.</summary>
    public double BaselineWindowMinutes { get; set; } = 10;

    /// <summary>Gets or sets the share of valid samples the baseline window needs for an estimate. Default: 50%.</summary>
    public double BaselineMinimumValidPercent { get; set; } = 50;

    /// <summary>Gets or sets how often (in seconds of samples) the baseline, the FIGO category and the false-signal check are re-evaluated. Default: 60 s.</summary>
    public double EvaluationIntervalSeconds { get; set; } = 60;

    /// <summary>Gets or sets the baseline above which tachycardia starts. Default: 160 bpm (FIGO 2015).</summary>
    public double TachycardiaBpm { get; set; } = 160;

    /// <summary>Gets or sets the baseline below which bradycardia starts. Default: 110 bpm (FIGO 2015).</summary>
    public double BradycardiaBpm { get; set; } = 110;

    /// <summary>Gets or sets the depth below the baseline that makes a deceleration. Default: 15 bpm (FIGO 2015).</summary>
    public double DecelerationDepthBpm { get; set; } = 15;

    /// <summary>
    /// Gets or sets the level under which the heart rate counts as decelerated whatever the baseline (unless the baseline
    /// itself is bradycardic), so a fall to it is on the prolonged-deceleration path. Default: 100 bpm.
    /// </summary>
    public double SevereBpm { get; set; } = 100;

    /// <summary>
    /// Gets or sets how far below the baseline the smoothed heart rate must be for a deceleration to have started (its
    /// onset) and not yet ended (its recovery); a deceleration's duration is measured between the two, as FIGO 2015
    /// measures it from departure to return. Default: 5 bpm.
    /// </summary>
    public double DepartureBpm { get; set; } = 5;

    /// <summary>Gets or sets the trailing mean that smooths the heart rate before the deceleration rules. Default: 15 s.</summary>
    public double SmoothingSeconds { get; set; } = 15;

    /// <summary>Gets or sets how long the smoothed heart rate must be back above the departure level for a deceleration to end. Default: 15 s.</summary>
    public double RecoverySeconds { get; set; } = 15;

    /// <summary>Gets or sets the duration past which a deceleration is prolonged. Default: 180 s (FIGO 2015: more than 3 minutes).</summary>
    public double ProlongedDecelerationSeconds { get; set; } = 180;

    /// <summary>Gets or sets the duration past which a prolonged deceleration is escalated. Default: 300 s (FIGO 2015: more than 5 minutes suggests acute hypoxia).</summary>
    public double EscalationSeconds { get; set; } = 300;

    /// <summary>Gets or sets the sliding window the analyzer and classifier re-run on for the FIGO category. Default: 30 min.</summary>
    public double CategoryWindowMinutes { get; set; } = 30;

    /// <summary>Gets or sets how many minutes of samples the first category needs. Default: 10 min.</summary>
    public double MinimumCategoryMinutes { get; set; } = 10;

    /// <summary>
    /// Gets or sets how many consecutive evaluations must agree on a new category before a change is reported (the first
    /// category of a recording is reported at once). Default: 2, so a category that flickers for one minute is not an alarm.
    /// </summary>
    public int CategoryConfirmations { get; set; } = 2;

    /// <summary>Gets or sets whether the false-signal detector runs. Default: <see langword="true"/>.</summary>
    public bool DetectFalseSignal { get; set; } = true;

    /// <summary>Gets or sets the share of the newest interval's valid samples with a false-signal probability of at least 0.5 at which a suspected false signal starts. Default: 50%.</summary>
    public double FalseSignalStartPercent { get; set; } = 50;

    /// <summary>Gets or sets the share at or below which a suspected false signal ends (hysteresis). Default: 20%.</summary>
    public double FalseSignalEndPercent { get; set; } = 20;

    /// <summary>Checks every option; returns the first problem, naming the option, or <see langword="null"/>.</summary>
    internal string? Validate()
    {
        if (!IsPositive(SampleRateHz))
        {
            return $"{nameof(SampleRateHz)} must be a positive finite number of hertz.";
        }

        if (!IsPositive(MinimumBpm) || !double.IsFinite(MaximumBpm) || MaximumBpm <= MinimumBpm)
        {
            return $"{nameof(MinimumBpm)} must be positive and {nameof(MaximumBpm)} finite and above it.";
        }

        if (!IsPositive(SignalLossWindowSeconds) || SignalLossWindowSeconds * SampleRateHz < 1)
        {
            return $"{nameof(SignalLossWindowSeconds)} must be positive and hold at least one sample.";
        }

        if (!IsPercent(SignalLossStartPercent) || !IsPercent(SignalLossEndPercent) || SignalLossEndPercent >= SignalLossStartPercent)
        {
            return $"{nameof(SignalLossStartPercent)} and {nameof(SignalLossEndPercent)} must be percentages, the end one below the start one.";
        }

        if (WatchdogTimeout < TimeSpan.Zero)
        {
            return $"{nameof(WatchdogTimeout)} must be zero (off) or positive.";
        }

        if (!IsPositive(BaselineWindowMinutes) || !IsPositive(EvaluationIntervalSeconds) || EvaluationIntervalSeconds * SampleRateHz < 1)
        {
            return $"{nameof(BaselineWindowMinutes)} and {nameof(EvaluationIntervalSeconds)} must be positive and hold at least one sample.";
        }

        if (!IsPercent(BaselineMinimumValidPercent))
        {
            return $"{nameof(BaselineMinimumValidPercent)} must be a percentage.";
        }

        if (!IsPositive(BradycardiaBpm) || !double.IsFinite(TachycardiaBpm) || TachycardiaBpm <= BradycardiaBpm)
        {
            return $"{nameof(BradycardiaBpm)} must be positive and {nameof(TachycardiaBpm)} finite and above it.";
        }

        if (!IsPositive(DecelerationDepthBpm) || !IsPositive(DepartureBpm) || DepartureBpm >= DecelerationDepthBpm)
        {
            return $"{nameof(DecelerationDepthBpm)} and {nameof(DepartureBpm)} must be positive, the departure below the depth.";
        }

        if (!IsPositive(SevereBpm))
        {
            return $"{nameof(SevereBpm)} must be a positive finite number of bpm.";
        }

        if (!IsPositive(SmoothingSeconds) || !IsPositive(RecoverySeconds))
        {
            return $"{nameof(SmoothingSeconds)} and {nameof(RecoverySeconds)} must be positive finite numbers of seconds.";
        }

        if (!IsPositive(ProlongedDecelerationSeconds) || !double.IsFinite(EscalationSeconds) || EscalationSeconds <= ProlongedDecelerationSeconds)
        {
            return $"{nameof(ProlongedDecelerationSeconds)} must be positive and {nameof(EscalationSeconds)} finite and above it.";
        }

        if (!IsPositive(MinimumCategoryMinutes) || !double.IsFinite(CategoryWindowMinutes) || CategoryWindowMinutes < MinimumCategoryMinutes)
        {
            return $"{nameof(MinimumCategoryMinutes)} must be positive and {nameof(CategoryWindowMinutes)} finite and at least as long.";
        }

        if (CategoryConfirmations < 1)
        {
            return $"{nameof(CategoryConfirmations)} must be at least 1.";
        }

        return !IsPercent(FalseSignalStartPercent) || !IsPercent(FalseSignalEndPercent) || FalseSignalEndPercent >= FalseSignalStartPercent
            ? $"{nameof(FalseSignalStartPercent)} and {nameof(FalseSignalEndPercent)} must be percentages, the end one below the start one."
            : null;
    }

    internal CtgMonitorOptions Clone() => (CtgMonitorOptions)MemberwiseClone();

    private static bool IsPositive(double value) => double.IsFinite(value) && value > 0;

    private static bool IsPercent(double value) => value is >= 0 and <= 100;
}
