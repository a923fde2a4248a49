namespace Nonprofit.Monitoring.Tests.Synthetic;

/// <summary>
/// Generates a CTG with known ground truth, deterministically from <see cref="SyntheticCtgOptions.Seed"/>: a wandering
/// baseline, AR(1) variability, contractions every few minutes, decelerations of each type tied to them, accelerations,
/// prolonged decelerations, white noise with 0.25 bpm quantisation, halving episodes and signal loss.
/// </summary>
/// <remarks>
/// It lives on the test side, not in the package: its ground-truth types (event kinds, intervals) would otherwise fix the
/// public vocabulary before the analyzer defines its own. The evaluation harness and samples can link these files.
/// </remarks>
internal static class SyntheticCtgGenerator
{
    public static SyntheticCtg Generate(SyntheticCtgOptions options)
    {
        var random = new Random(options.Seed);
        var fs = options.SampleRateHz;
        var n = (int)Math.Round(options.DurationMinutes * 60 * fs);
        var baseline = Baseline(options, random, n);
        var fhr = Variability(options, random, n);
        var toco = new float[n];
        var contractions = Contractions(options, random, n, toco);
        var events = new List<SyntheticEvent>();
        var deviation = new double[n];

        for (var c = 0; c < contractions.Count; c++)
        {
            if (random.NextDouble() >= options.DecelerationProbability)
            {
                continue;
            }

            var kind = (SyntheticEventKind)(1 + random.Next(3));
            var (interval, depth) = DecelerationFor(kind, contractions[c], random, fs, n);
            if (interval.Length > 0 && !events.Any(e => e.Interval.Overlaps(interval, (int)(10 * fs))))
            {
                events.Add(new SyntheticEvent(kind, interval, -depth, c));
                Shape(kind, interval, depth, deviation, random, fs);
            }
        }

        Place(options.ProlongedDecelerationsPerHour, SyntheticEventKind.ProlongedDeceleration, options, random, n, contractions, events, deviation, withinContractions: true);
        Place(options.AccelerationsPerHour, SyntheticEventKind.Acceleration, options, random, n, contractions, events, deviation, withinContractions: false);
        events.Sort((a, b) => a.Interval.Start.CompareTo(b.Interval.Start));

        var trueFhr = new float[n];
        var recorded = new float[n];
        for (var i = 0; i < n; i++)
        {
            trueFhr[i] = (float)(baseline[i] + fhr[i] + deviation[i]);
            recorded[i] = MathF.Round((float)(trueFhr[i] + (options.NoiseBpm * Gaussian(random))) * 4) / 4;
        }

        var halved = Segments(options.HalvingEpisodesPerHour * options.DurationMinutes / 60, 5, 20, random, fs, n);
        foreach (var h in halved)
        {
            for (var i = h.Start; i < h.End; i++)
            {
                recorded[i] = MathF.Round(recorded[i] * 2) / 4;
            }
        }

        var lost = new bool[n];
        var lostCount = 0;
        for (var attempt = 0; attempt < 10_000 && lostCount < options.SignalLossFraction * n; attempt++)
        {
            var length = (int)((2 + (random.NextDouble() * 28)) * fs);
            var start = random.Next(Math.Max(1, n - length));
            for (var i = start; i < Math.Min(n, start + length); i++)
            {
                lostCount += lost[i] ? 0 : 1;
                lost[i] = true;
                recorded[i] = float.NaN;
            }
        }

        var mhr = new float[n];
        for (var i = 0; i < n; i++)
        {
            mhr[i] = MathF.Round((float)(85 + (3 * Gaussian(random))) * 4) / 4;
        }

        var recording = new CtgRecording(recorded, fs, maternalHeartRate: mhr, uterineActivity: toco);
        return new SyntheticCtg(recording, baseline.Select(b => (float)b).ToArray(), trueFhr, events, contractions, lost, halved);
    }

    private static double[] Baseline(SyntheticCtgOptions options, Random random, int n)
    {
        var t1 = (20 + (random.NextDouble() * 20)) * 60;
        var t2 = (8 + (random.NextDouble() * 7)) * 60;
        var p1 = random.NextDouble() * 2 * Math.PI;
        var p2 = random.NextDouble() * 2 * Math.PI;
        var baseline = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t = i / options.SampleRateHz;
            baseline[i] = options.BaselineBpm + (options.BaselineWanderBpm
                * ((0.6 * Math.Sin((2 * Math.PI * t / t1) + p1)) + (0.4 * Math.Sin((2 * Math.PI * t / t2) + p2))));
        }

        return baseline;
    }

    private static double[] Variability(SyntheticCtgOptions options, Random random, int n)
    {
        var a = Math.Exp(-1 / (3 * options.SampleRateHz));
        var sd = options.VariabilityBpm / 4;
        var innovation = sd * Math.Sqrt(1 - (a * a));
        var v = new double[n];
        var x = sd * Gaussian(random);
        for (var i = 0; i < n; i++)
        {
            x = (a * x) + (innovation * Gaussian(random));
            v[i] = x;
        }

        return v;
    }

    private static List<SampleInterval> Contractions(SyntheticCtgOptions options, Random random, int n, float[] toco)
    {
        var fs = options.SampleRateHz;
        var interval = options.ContractionIntervalMinutes * 60 * fs;
        for (var i = 0; i < n; i++)
        {
            toco[i] = 10;
        }

        var contractions = new List<SampleInterval>();
        var start = interval * (0.5 + random.NextDouble());
        while (true)
        {
            var length = (int)((60 + (random.NextDouble() * 30)) * fs);
            var s = (int)start;
            if (s + length >= n)
            {
                break;
            }

            var amplitude = 30 + (random.NextDouble() * 30);
            for (var i = 0; i < length; i++)
            {
                var shape = Math.Sin(Math.PI * i / length);
                toco[s + i] = (float)(10 + (amplitude * shape * shape));
            }

            contractions.Add(new SampleInterval(s, s + length));
            start += interval * (0.8 + (0.4 * random.NextDouble()));
        }

        return contractions;
    }

    private static (SampleInterval Interval, double Depth) DecelerationFor(
        SyntheticEventKind kind, SampleInterval contraction, Random random, double fs, int n)
    {
        int start, length;
        double depth;
        switch (kind)
        {
            case SyntheticEventKind.EarlyDeceleration:
                start = contraction.Start + (int)(random.NextDouble() * 5 * fs);
                length = contraction.Length;
                depth = 10 + (random.NextDouble() * 10);
                break;
            case SyntheticEventKind.LateDeceleration:
                start = contraction.Start + (int)((20 + (random.NextDouble() * 20)) * fs);
                length = contraction.Length + (int)(random.NextDouble() * 20 * fs);
                depth = 10 + (random.NextDouble() * 20);
                break;
            default:
                start = contraction.Start + (int)(random.NextDouble() * 30 * fs);
                length = (int)((15 + (random.NextDouble() * 45)) * fs);
                depth = 30 + (random.NextDouble() * 30);
                break;
        }

        var end = Math.Min(n, start + length);
        return (end - start < 15 * fs ? default : new SampleInterval(start, end), depth);
    }

    private static void Shape(SyntheticEventKind kind, SampleInterval interval, double amplitude, double[] deviation, Random random, double fs)
    {
        var length = interval.Length;
        if (kind == SyntheticEventKind.VariableDeceleration)
        {
            // Abrupt: onset to nadir 5 s to a third of the event (under 30 s), then a plateau and a quick recovery.
            var onset = (int)Math.Min(length / 3.0, (5 + (random.NextDouble() * 10)) * fs);
            var recovery = onset;
            for (var i = 0; i < length; i++)
            {
                var level = i < onset ? (double)i / onset : i >= length - recovery ? (double)(length - i) / recovery : 1;
                deviation[interval.Start + i] -= amplitude * level;
            }

            return;
        }

        if (kind == SyntheticEventKind.ProlongedDeceleration)
        {
            var ramp = (int)(30 * fs);
            for (var i = 0; i < length; i++)
            {
                var level = Math.Min(1, Math.Min((double)i / ramp, (double)(length - i) / ramp));
                deviation[interval.Start + i] -= amplitude * level;
            }

            return;
        }

        var sign = kind == SyntheticEventKind.Acceleration ? 1 : -1;
        for (var i = 0; i < length; i++)
        {
            var shape = Math.Sin(Math.PI * i / length);
            deviation[interval.Start + i] += sign * amplitude * shape * shape;
        }
    }

    private static void Place(
        double perHour, SyntheticEventKind kind, SyntheticCtgOptions options, Random random, int n,
        List<SampleInterval> contractions, List<SyntheticEvent> events, double[] deviation, bool withinContractions)
    {
        var fs = options.SampleRateHz;
        var count = (int)Math.Round(perHour * options.DurationMinutes / 60);
        for (var k = 0; k < count; k++)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var prolonged = kind == SyntheticEventKind.ProlongedDeceleration;
                var length = (int)((prolonged ? 190 + (random.NextDouble() * 110) : 15 + (random.NextDouble() * 25)) * fs);
                if (length >= n)
                {
                    break;
                }

                var interval = new SampleInterval(random.Next(n - length), 0);
                interval = interval with { End = interval.Start + length };
                var margin = (int)(10 * fs);
                if (events.Any(e => e.Interval.Overlaps(interval, margin))
                    || (!withinContractions && contractions.Any(c => c.Overlaps(interval, margin))))
                {
                    continue;
                }

                var amplitude = prolonged ? 20 + (random.NextDouble() * 20) : 15 + (random.NextDouble() * 10);
                events.Add(new SyntheticEvent(kind, interval, prolonged ? -amplitude : amplitude, null));
                Shape(kind, interval, amplitude, deviation, random, fs);
                break;
            }
        }
    }

    private static List<SampleInterval> Segments(double count, double minSeconds, double maxSeconds, Random random, double fs, int n)
    {
        var segments = new List<SampleInterval>();
        for (var k = 0; k < (int)Math.Round(count); k++)
        {
            var length = (int)((minSeconds + (random.NextDouble() * (maxSeconds - minSeconds))) * fs);
            var start = random.Next(Math.Max(1, n - length));
            var segment = new SampleInterval(start, Math.Min(n, start + length));
            if (!segments.Any(s => s.Overlaps(segment, (int)(30 * fs))))
            {
                segments.Add(segment);
            }
        }

        segments.Sort((a, b) => a.Start.CompareTo(b.Start));
        return segments;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
