using System.Diagnostics;
using System.Globalization;
using Nonprofit.Monitoring;
using Nonprofit.Monitoring.Tests.Synthetic;

namespace Nonprofit.Evaluation.Ctg;

/// <summary>
/// <c>ctg-monitor</c>: replays recordings through <see cref="CtgMonitor"/>, sample by sample, and prints metric=value
/// lines: on synthetic CTG with ground truth, prolonged-deceleration sensitivity and false alarms, tachycardia and
/// bradycardia detection and latency, alarms per hour of every kind on ordinary recordings; on the FHRMA recordings (read
/// in place), events per hour by kind; and the replay speed as a real-time factor.
/// </summary>
/// <remarks>Options: <c>--seeds N</c> (default 20), <c>--data DIR</c> (FHRMA root; <c>none</c> skips it).</remarks>
internal static class CtgMonitorEvaluation
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var seeds = int.Parse(FalseSignalData.Option(args, "--seeds") ?? "20", CultureInfo.InvariantCulture);
        var samples = 0L;
        var clock = new Stopwatch();

        // Prolonged decelerations (190-300 s, 20-40 bpm, 30-s ramps) among ordinary decelerations and accelerations.
        int trueProlonged = 0, detected = 0, longTrue = 0, longDetected = 0, falseProlonged = 0, early = 0, earlyDetected = 0;
        var hours = 0.0;
        var perKind = new Dictionary<CtgMonitorEventKind, int>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var ctg = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = seed, DurationMinutes = 60, ProlongedDecelerationsPerHour = 3 });
            var events = Replay(ctg.Recording, clock, ref samples);
            hours += 1;
            var raised = events.Where(e => e.Kind == CtgMonitorEventKind.ProlongedDeceleration && e.Phase == CtgMonitorEventPhase.Started).ToList();
            var truth = ctg.Events.Where(e => e.Kind == SyntheticEventKind.ProlongedDeceleration).ToList();
            foreach (var t in truth)
            {
                var hit = raised.Any(e => Overlaps(t, e));
                if (t.Interval.Start < 10 * 60 * 4)
                {
                    // Before the first 10-min baseline only a fall under 100 bpm counts: reported apart.
                    early++;
                    earlyDetected += hit ? 1 : 0;
                    continue;
                }

                trueProlonged++;
                detected += hit ? 1 : 0;
                if (t.Interval.Length >= 240 * 4)
                {
                    longTrue++;
                    longDetected += hit ? 1 : 0;
                }
            }

            falseProlonged += raised.Count(e => !truth.Any(t => Overlaps(t, e)));
            foreach (var e in events.Where(e => e.Phase is CtgMonitorEventPhase.Started or CtgMonitorEventPhase.Changed))
            {
                perKind[e.Kind] = perKind.GetValueOrDefault(e.Kind) + 1;
            }
        }

        Print("synthetic.recordings", seeds);
        Print("synthetic.prolonged.true", trueProlonged);
        Print("synthetic.prolonged.sensitivity", Ratio(detected, trueProlonged));
        Print("synthetic.prolonged_ge_4min.sensitivity", Ratio(longDetected, longTrue));
        Print("synthetic.prolonged.false_alarms_per_hour", falseProlonged / hours);
        Print("synthetic.prolonged_first_10min.true", early);
        Print("synthetic.prolonged_first_10min.sensitivity", Ratio(earlyDetected, early));
        foreach (var (kind, count) in perKind.OrderBy(p => p.Key))
        {
            Print($"synthetic.{CtgMonitor.KindTag(kind)}.starts_per_hour", count / hours);
        }

        // Tachycardia and bradycardia: baselines out of range and in range, 30 min each.
        foreach (var (name, baseline, kind) in new[]
        {
            ("tachycardia", 170.0, CtgMonitorEventKind.Tachycardia),
            ("bradycardia", 102.0, CtgMonitorEventKind.Bradycardia),
        })
        {
            int hits = 0, falseAlarms = 0;
            var latency = new List<double>();
            for (var seed = 1; seed <= seeds; seed++)
            {
                var abnormal = Replay(Generate(seed, baseline), clock, ref samples);
                var first = abnormal.FirstOrDefault(e => e.Kind == kind && e.Phase == CtgMonitorEventPhase.Started);
                if (first is not null)
                {
                    hits++;
                    latency.Add((first.SampleIndex + 1) / 4.0 / 60);
                }

                falseAlarms += Replay(Generate(seed, 140), clock, ref samples).Count(e => e.Kind == kind);
            }

            Print($"synthetic.{name}.sensitivity", Ratio(hits, seeds));
            Print($"synthetic.{name}.median_latency_min", latency.Count == 0 ? double.NaN : latency.Order().ElementAt(latency.Count / 2));
            Print($"synthetic.{name}.false_alarms_per_hour", falseAlarms / (seeds * 0.5));
        }

        var data = FalseSignalData.Option(args, "--data") ?? FalseSignalData.FindRoot(args);
        if (data != "none" && Directory.Exists(Path.Combine(data, "FHRMAdataset")))
        {
            var files = Directory.GetFiles(Path.Combine(data, "FHRMAdataset"), "*.fhr", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            var fhrmaHours = 0.0;
            var fhrmaKinds = new Dictionary<CtgMonitorEventKind, int>();
            foreach (var file in files)
            {
                var recording = CtgReader.Read(file);
                fhrmaHours += recording.Duration.TotalHours;
                foreach (var e in Replay(recording, clock, ref samples).Where(e => e.Phase is CtgMonitorEventPhase.Started or CtgMonitorEventPhase.Changed))
                {
                    fhrmaKinds[e.Kind] = fhrmaKinds.GetValueOrDefault(e.Kind) + 1;
                }
            }

            Print("fhrma.files", files.Count);
            Print("fhrma.hours", fhrmaHours);
            foreach (var (kind, count) in fhrmaKinds.OrderBy(p => p.Key))
            {
                Print($"fhrma.{CtgMonitor.KindTag(kind)}.starts_per_hour", count / fhrmaHours);
            }
        }

        Print("replay.samples", samples);
        Print("replay.realtime_factor", samples / 4.0 / clock.Elapsed.TotalSeconds);
        return 0;
    }

    private static CtgRecording Generate(int seed, double baseline) =>
        SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = 1000 + seed, DurationMinutes = 30, BaselineBpm = baseline }).Recording;

    private static List<CtgMonitorEvent> Replay(CtgRecording recording, Stopwatch clock, ref long samples)
    {
        var input = CtgSample.FromRecording(recording);
        using var monitor = new CtgMonitor(new CtgMonitorOptions { WatchdogTimeout = TimeSpan.Zero }, TimeProvider.System, s_start);
        var events = new List<CtgMonitorEvent>();
        clock.Start();
        foreach (var sample in input)
        {
            events.AddRange(monitor.Process(sample));
        }

        clock.Stop();
        samples += input.Length;
        return events;
    }

    private static bool Overlaps(SyntheticEvent truth, CtgMonitorEvent e) =>
        truth.Interval.Start - (30 * 4) <= e.StartIndex && e.StartIndex < truth.Interval.End;

    private static double Ratio(int a, int b) => b == 0 ? double.NaN : (double)a / b;

    private static void Print(string name, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ctg_monitor.{name}={value:0.####}"));
}
