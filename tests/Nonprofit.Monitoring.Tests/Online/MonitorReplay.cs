using Microsoft.Extensions.Time.Testing;

namespace Nonprofit.Monitoring.Tests.Online;

/// <summary>Replays samples through a fresh <see cref="CtgMonitor"/> on a fake clock (the watchdog never fires: the clock does not move).</summary>
internal static class MonitorReplay
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    public static List<CtgMonitorEvent> Run(CtgSample[] samples, CtgMonitorOptions? options = null, IEnumerable<int>? chunkLengths = null)
    {
        var clock = new FakeTimeProvider(Start.AddHours(3));
        using var monitor = new CtgMonitor(options ?? new CtgMonitorOptions(), clock, Start);
        var events = new List<CtgMonitorEvent>();
        var offset = 0;
        using var chunks = (chunkLengths ?? []).GetEnumerator();
        while (offset < samples.Length)
        {
            var length = chunkLengths is null ? 1 : chunks.MoveNext() ? Math.Max(1, chunks.Current) : samples.Length - offset;
            length = Math.Min(length, samples.Length - offset);
            events.AddRange(length == 1 ? monitor.Process(samples[offset]) : monitor.Process(samples.AsSpan(offset, length)));
            offset += length;
        }

        return events;
    }

    public static List<CtgMonitorEvent> Run(CtgRecording recording, CtgMonitorOptions? options = null) =>
        Run(CtgSample.FromRecording(recording), options);

    /// <summary>A flat trace: <paramref name="segments"/> of (level, seconds), a ±2 bpm 10-s wiggle, at 4 Hz.</summary>
    public static CtgSample[] Trace(params (float Bpm, double Seconds)[] segments)
    {
        var samples = new List<CtgSample>();
        foreach (var (bpm, seconds) in segments)
        {
            for (var i = 0; i < (int)(seconds * 4); i++)
            {
                var t = samples.Count / 4.0;
                var value = float.IsNaN(bpm) ? float.NaN : bpm + (2 * (float)Math.Sin(2 * Math.PI * t / 10));
                samples.Add(new CtgSample(value, 85, 10, SignalQuality.Good));
            }
        }

        return [.. samples];
    }

    public static IEnumerable<CtgMonitorEvent> Of(this IEnumerable<CtgMonitorEvent> events, CtgMonitorEventKind kind, CtgMonitorEventPhase? phase = null) =>
        events.Where(e => e.Kind == kind && (phase is null || e.Phase == phase));
}
