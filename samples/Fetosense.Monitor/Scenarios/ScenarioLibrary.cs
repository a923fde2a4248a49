using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Scenarios;

/// <summary>Builds the five scripted scenarios (seeded: the same scenario always gives the same trace).</summary>
internal static class ScenarioLibrary
{
    private const double Rate = 4;

    /// <summary>Builds <paramref name="kind"/>.</summary>
    public static Scenario Create(ScenarioKind kind, int seed = 1) => kind switch
    {
        ScenarioKind.Reassuring => Reassuring(seed),
        ScenarioKind.LateDecelerations => LateDecelerations(seed),
        ScenarioKind.ProlongedBradycardia => ProlongedBradycardia(seed),
        ScenarioKind.MaternalPulse => MaternalPulse(seed),
        _ => ProbeSlipping(seed),
    };

    private static Scenario Reassuring(int seed)
    {
        var random = new Random(seed);
        const double duration = 20 * 60;
        var fhr = Baseline(random, duration, 140, variabilityBpm: 3);
        foreach (var t in new[] { 150.0, 420, 690, 960 })
        {
            Shape(fhr, t, 40, 22, 0.5);
        }

        var (ua, _) = Contractions(random, duration, first: 240, every: 300, length: 70, amplitude: 35);
        return new Scenario(ScenarioKind.Reassuring, duration, Clip(fhr), ua, Maternal(random, duration, ua), [], FigoCategory.Normal, []);
    }

    private static Scenario LateDecelerations(int seed)
    {
        var random = new Random(seed);
        const double duration = 30 * 60;
        var fhr = Baseline(random, duration, 150, variabilityBpm: 0.6);
        var (ua, onsets) = Contractions(random, duration, first: 60, every: 180, length: 90, amplitude: 55);
        foreach (var onset in onsets)
        {
            // Gradual (50 s from onset to nadir), starting 40 s after the contraction and bottoming out 45 s after its peak.
            Shape(fhr, onset + 40, 90, -28, 50.0 / 90);
        }

        return new Scenario(ScenarioKind.LateDecelerations, duration, Clip(fhr), ua, Maternal(random, duration, ua), [], FigoCategory.Pathological, [CtgMonitorEventKind.CategoryChange]);
    }

    /// <summary>
    /// The bradycardia scenario: from 140 bpm, a fall of 55 bpm over 40 s at 12 min, <paramref name="lowSeconds"/> at the
    /// bottom, recovery over 60 s. The default (320 s: about 6.4 min below the baseline) is what <c>CtgAnalyzer</c> still
    /// sees as a prolonged deceleration; from about 7 min its 10-minute baseline follows the low rate (see the docs).
    /// </summary>
    public static Scenario ProlongedBradycardia(int seed, double lowSeconds = 320)
    {
        var random = new Random(seed);
        // The trace goes on for 12 minutes after recovery, as it would while the referral is arranged (and so that the
        // offline baseline, on 10-minute windows, has normal trace on both sides of the bradycardia).
        const double duration = 32 * 60;
        var fhr = Baseline(random, duration, 140, variabilityBpm: 3);
        foreach (var t in new[] { 200.0, 500, 1500, 1750 })
        {
            Shape(fhr, t, 40, 20, 0.5);
        }

        for (var k = 0; k < fhr.Length; k++)
        {
            var s = k / Rate;
            var hold = 760 + lowSeconds;
            var depth = s < 720 ? 0 : s < 760 ? Ease((s - 720) / 40) : s < hold ? 1 : s < hold + 60 ? 1 - Ease((s - hold) / 60) : 0;
            fhr[k] -= 55 * depth;
        }

        var (ua, _) = Contractions(random, duration, first: 300, every: 300, length: 70, amplitude: 35);
        return new Scenario(ScenarioKind.ProlongedBradycardia, duration, Clip(fhr), ua, Maternal(random, duration, ua), [], FigoCategory.Pathological,
            [CtgMonitorEventKind.ProlongedDeceleration]);
    }

    private static Scenario MaternalPulse(int seed)
    {
        var random = new Random(seed);
        const double duration = 25 * 60;
        var fhr = Baseline(random, duration, 140, variabilityBpm: 3);
        foreach (var t in new[] { 120.0, 400 })
        {
            Shape(fhr, t, 40, 22, 0.5);
        }

        var (ua, _) = Contractions(random, duration, first: 180, every: 240, length: 70, amplitude: 45);
        var mhr = Maternal(random, duration, ua);
        for (var k = (int)(600 * Rate); k < fhr.Length; k++)
        {
            // From 10 min the probe hears the mother's artery: the "fetal" trace is her pulse.
            fhr[k] = mhr[k] + (0.5 * Gaussian(random));
        }

        return new Scenario(ScenarioKind.MaternalPulse, duration, Clip(fhr), ua, mhr, [], FigoCategory.Suspicious, [CtgMonitorEventKind.SuspectedFalseSignal]);
    }

    private static Scenario ProbeSlipping(int seed)
    {
        var random = new Random(seed);
        const double duration = 20 * 60;
        var fhr = Baseline(random, duration, 140, variabilityBpm: 3);
        foreach (var t in new[] { 150.0, 540, 900 })
        {
            Shape(fhr, t, 40, 22, 0.5);
        }

        var (ua, _) = Contractions(random, duration, first: 240, every: 300, length: 70, amplitude: 35);
        return new Scenario(ScenarioKind.ProbeSlipping, duration, Clip(fhr), ua, Maternal(random, duration, ua),
            [(300, 390), (660, 780), (1000, 1060)], FigoCategory.Normal, [CtgMonitorEventKind.SignalLoss]);
    }

    /// <summary>A baseline with long-term variability: three sinusoids of 2-6 cycles/min plus a little beat-to-beat noise.</summary>
    private static double[] Baseline(Random random, double duration, double bpm, double variabilityBpm)
    {
        var fhr = new double[(int)(duration * Rate)];
        var frequencies = new double[3];
        var phases = new double[3];
        for (var j = 0; j < 3; j++)
        {
            frequencies[j] = (2 + (random.NextDouble() * 4)) / 60;
            phases[j] = random.NextDouble() * 2 * Math.PI;
        }

        var drift = 0.0;
        for (var k = 0; k < fhr.Length; k++)
        {
            var s = k / Rate;
            drift = (0.998 * drift) + (0.03 * Gaussian(random));
            var v = 0.0;
            for (var j = 0; j < 3; j++)
            {
                v += Math.Sin((2 * Math.PI * frequencies[j] * s) + phases[j]);
            }

            fhr[k] = bpm + Math.Clamp(drift, -3, 3) + (variabilityBpm * v);
        }

        return fhr;
    }

    /// <summary>Contractions as sin² bumps over a resting tone of 12; returns the TOCO and the onsets (seconds).</summary>
    private static (float[] Toco, List<double> Onsets) Contractions(Random random, double duration, double first, double every, double length, double amplitude)
    {
        var toco = new double[(int)(duration * Rate)];
        var onsets = new List<double>();
        for (var onset = first; onset + length < duration; onset += every + ((random.NextDouble() - 0.5) * 20))
        {
            onsets.Add(onset);
            for (var k = (int)(onset * Rate); k < Math.Min(toco.Length, (int)((onset + length) * Rate)); k++)
            {
                var x = ((k / Rate) - onset) / length;
                var s = Math.Sin(Math.PI * x);
                toco[k] += amplitude * s * s;
            }
        }

        var result = new float[toco.Length];
        for (var k = 0; k < toco.Length; k++)
        {
            result[k] = (float)Math.Clamp(12 + toco[k] + (0.8 * Gaussian(random)), 0, 100);
        }

        return (result, onsets);
    }

    /// <summary>The mother's pulse: about 88 bpm, slowly wandering, rising up to 10 bpm with each contraction.</summary>
    private static float[] Maternal(Random random, double duration, float[] toco)
    {
        var mhr = new float[(int)(duration * Rate)];
        var wander = 0.0;
        for (var k = 0; k < mhr.Length; k++)
        {
            wander = (0.999 * wander) + (0.05 * Gaussian(random));
            mhr[k] = (float)(88 + Math.Clamp(wander, -4, 4) + (0.2 * Math.Max(0, toco[k] - 12)) + (0.4 * Gaussian(random)));
        }

        return mhr;
    }

    /// <summary>Adds a raised-cosine bump that rises over <paramref name="rise"/> of its length and returns over the rest.</summary>
    private static void Shape(double[] fhr, double start, double length, double height, double rise)
    {
        for (var k = Math.Max(0, (int)(start * Rate)); k < Math.Min(fhr.Length, (int)((start + length) * Rate)); k++)
        {
            var x = ((k / Rate) - start) / length;
            fhr[k] += height * (x < rise ? Ease(x / rise) : 1 - Ease((x - rise) / (1 - rise)));
        }
    }

    private static double Ease(double x) => 0.5 - (0.5 * Math.Cos(Math.PI * Math.Clamp(x, 0, 1)));

    private static float[] Clip(double[] fhr) => fhr.Select(v => (float)Math.Clamp(v, 60, 210)).ToArray();

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
