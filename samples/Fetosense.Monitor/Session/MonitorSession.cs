using Fetosense.Monitor.Alerts;
using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Session;

/// <summary>
/// Runs one visit: CTG samples through a <see cref="CtgMonitor"/> (alerts as they happen, paced like the device), then the
/// whole recording through <see cref="CtgAssessor"/> for the report.
/// </summary>
/// <param name="language">"en" or "fr".</param>
/// <param name="speed">How many times faster than real time to play; 0 plays as fast as possible.</param>
/// <param name="timeProvider">The clock (pacing, event times).</param>
internal sealed class MonitorSession(string language, double speed, TimeProvider timeProvider)
{
    private const double Rate = CtgRecording.StandardSampleRateHz;
    private const int Window = 240;

    /// <summary>Plays <paramref name="samples"/> and returns the session.</summary>
    public async Task<SessionResult> RunAsync(IEnumerable<CtgSample> samples, IMonitorView view, CancellationToken cancellationToken)
    {
        var start = timeProvider.GetUtcNow();
        using var monitor = new CtgMonitor(new CtgMonitorOptions { WatchdogTimeout = TimeSpan.Zero }, timeProvider, start);
        var alerts = new List<Alert>();
        var fhr = new List<float>();
        var fhr2 = new List<float>();
        var mhr = new List<float>();
        var ua = new List<float>();
        var quality = new List<SignalQuality>();
        FigoCategory? category = null;
        var falseSignal = false;
        var tone = new MovingTone();
        var clock = timeProvider.GetTimestamp();
        foreach (var sample in samples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lost = sample.Quality == SignalQuality.Lost || !(sample.FetalHeartRate > 0);
            fhr.Add(lost ? float.NaN : sample.FetalHeartRate);
            fhr2.Add(sample.SecondFetalHeartRate);
            mhr.Add(sample.MaternalHeartRate);
            ua.Add(sample.UterineActivity);
            quality.Add(sample.Quality);
            foreach (var e in monitor.Process(sample))
            {
                falseSignal = e.Kind == CtgMonitorEventKind.SuspectedFalseSignal ? e.Phase != CtgMonitorEventPhase.Ended : falseSignal;
                var alert = AlertCatalog.For(e, language, falseSignal);
                alerts.Add(alert);
                category = e.Kind == CtgMonitorEventKind.CategoryChange ? e.Category : category;
                view.Show(alert, alert.ElapsedSeconds(Rate));
            }

            tone.Add(sample.UterineActivity);
            view.Update(Status(fhr, sample, monitor.BaselineBpm, tone, category));
            if (speed > 0)
            {
                // Pace on the clock, not per sleep, so that the delays' overshoot does not add up.
                var due = TimeSpan.FromSeconds(fhr.Count / Rate / speed);
                var wait = due - timeProvider.GetElapsedTime(clock);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var recording = new CtgRecording(
            fhr.ToArray(),
            Rate,
            secondFetalHeartRate: fhr2.Any(float.IsFinite) ? fhr2.ToArray() : null,
            maternalHeartRate: mhr.Any(float.IsFinite) ? mhr.ToArray() : null,
            uterineActivity: ua.Any(float.IsFinite) ? ua.Select(v => float.IsFinite(v) ? v : 0).ToArray() : null,
            quality: quality.ToArray(),
            startTime: start);
        var assessment = new CtgAssessor().Assess(recording, cancellationToken);
        return new SessionResult(recording, alerts, assessment);
    }

    private static LiveStatus Status(List<float> fhr, CtgSample sample, double baseline, MovingTone tone, FigoCategory? category)
    {
        var from = Math.Max(0, fhr.Count - Window);
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        var valid = 0;
        for (var i = from; i < fhr.Count; i++)
        {
            if (float.IsFinite(fhr[i]))
            {
                valid++;
                min = Math.Min(min, fhr[i]);
                max = Math.Max(max, fhr[i]);
            }
        }

        var span = fhr.Count - from;
        return new LiveStatus(
            fhr.Count / Rate,
            fhr[^1],
            baseline,
            valid >= Window / 2 ? max - min : double.NaN,
            100.0 * valid / span,
            sample.UterineActivity,
            float.IsFinite(sample.UterineActivity) && sample.UterineActivity >= tone.Tone + 15,
            category);
    }

    /// <summary>The resting uterine tone: the lowest TOCO of the last two minutes.</summary>
    private sealed class MovingTone
    {
        private readonly Queue<float> _values = new();

        public float Tone { get; private set; } = float.NaN;

        public void Add(float value)
        {
            if (!float.IsFinite(value))
            {
                return;
            }

            _values.Enqueue(value);
            if (_values.Count > 480)
            {
                _values.Dequeue();
            }

            Tone = _values.Min();
        }
    }
}
