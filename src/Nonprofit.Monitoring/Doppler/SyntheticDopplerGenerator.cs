using System;
using System.Collections.Generic;
using Nonprofit.Signals;

namespace Nonprofit.Monitoring.Simulation;

/// <summary>
/// Generates seeded, synthetic fetal Doppler ultrasound audio with a known fetal heart rate, for tests, evaluation and
/// device simulators.
/// </summary>
/// <remarks>
/// <para>Physiology modelled (a demodulated continuous-wave Doppler signal as fetal monitors play it, 2 MHz carrier):</para>
/// <list type="bullet">
/// <item>Fetal heart rate: a baseline (110-160 bpm unless set) with a slow random drift, long-term variability (three
/// sinusoids of 2-6 cycles per minute), accelerations (+15 to +30 bpm over 15-60 s, raised cosine) and decelerations
/// (−20 to −60 bpm over 30-120 s, gradual or abrupt onset), clipped to 60-210 bpm. This trajectory, sampled at 4 Hz, is the
/// ground truth.</item>
/// <item>Beats: each interval is 60 / FHR at the previous beat plus Gaussian jitter. Each beat gives three short
/// band-limited noise bursts (Hann envelopes): atrial contraction 0.09 s before systole (100-300 Hz, 50 ms, amplitude
/// 0.35), ventricular wall motion with atrioventricular valve closure and semilunar valve opening at systole onset
/// (150-500 Hz, 80 ms, amplitude 1), and semilunar valve closure with atrioventricular opening at the end of ejection
/// (250-600 Hz, 40 ms, amplitude <see cref="SyntheticDopplerOptions.SecondBurstRatio"/>); the ejection time is 0.18 s at
/// 140 bpm and scales with the square root of the beat interval. Every burst's amplitude varies ±20 % (log-normal) and
/// the whole heart signal fades slowly (±30 % over tens of seconds) as the fetus moves under the probe.</item>
/// <item>Maternal pulse: vessel flow at 60-100 bpm, one 250 ms burst per beat in 50-200 Hz.</item>
/// <item>Noise: white or pink Gaussian noise at <see cref="SyntheticDopplerOptions.SnrDb"/> (fetal heart power over noise
/// power, whole band, outside dropouts).</item>
/// <item>Movement artefacts: 0.5-3 s bursts of 10-150 Hz noise at <see cref="SyntheticDopplerOptions.ArtefactAmplitude"/>.</item>
/// <item>Dropouts: 5-30 s with the probe off the heart: heart and maternal components removed, noise kept.</item>
/// </list>
/// <para>Timings follow textbook fetal cardiac physiology (fetal PR interval about 0.1 s, ventricular ejection time about
/// 0.17-0.19 s); frequency bands follow the usual description of fetal Doppler audio (wall motion below a few hundred
/// hertz, valve movements higher). It is a model for testing estimators, not a physical simulation.</para>
/// </remarks>
public static class SyntheticDopplerGenerator
{
    /// <summary>The RMS level of the fetal heart component in the output.</summary>
    internal const double FetalRms = 0.05;

    /// <summary>Generates audio and its ground truth.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The audio, the true fetal heart rate at 4 Hz and the artefact and dropout masks.</returns>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public static SyntheticDoppler Generate(SyntheticDopplerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var random = new Random(options.Seed);
        var fs = options.SampleRateHz;
        var n = (int)(options.DurationSeconds * fs);
        var count4 = (int)(options.DurationSeconds * 4);
        var fhr = options.FetalHeartRateBpm.IsEmpty ? Trajectory(options, random, count4) : Given(options.FetalHeartRateBpm.Span, count4);

        // Fetal heart: three burst streams, each band-limited noise times a sum of Hann envelopes.
        var heart = new float[n];
        var beat = options.BeatJitterSeconds;
        var atrial = new float[n];
        var systolic = new float[n];
        var closure = new float[n];
        var t = 0.3 + (random.NextDouble() * 0.4);
        while (t < options.DurationSeconds + 1)
        {
            var rate = Interpolate(fhr, t * 4);
            var interval = 60 / rate;
            var ejection = 0.18 * Math.Sqrt(interval / (60 / 140.0));
            AddBurst(atrial, fs, t - 0.09, 0.05, 0.35 * LogNormal(random));
            AddBurst(systolic, fs, t, 0.08, LogNormal(random));
            AddBurst(closure, fs, t + ejection, 0.04, options.SecondBurstRatio * LogNormal(random));
            t += Math.Max(0.2, interval + (beat * Gaussian(random)));
        }

        MixBand(heart, atrial, random, 100, Math.Min(300, 0.45 * fs), fs);
        MixBand(heart, systolic, random, 150, Math.Min(500, 0.45 * fs), fs);
        MixBand(heart, closure, random, Math.Min(250, 0.3 * fs), Math.Min(600, 0.45 * fs), fs);

        // Slow fading as the fetus moves under the probe.
        var fadeRate = 1 / (20 + (random.NextDouble() * 40));
        var fadePhase = random.NextDouble() * 2 * Math.PI;
        for (var i = 0; i < n; i++)
        {
            heart[i] *= (float)(1 + (0.3 * Math.Sin((2 * Math.PI * fadeRate * i / fs) + fadePhase)));
        }

        // Dropouts (probe off) and artefacts as intervals in seconds.
        var dropouts = Events(random, options.DurationSeconds, options.DropoutsPerHour / 3600, 5, 30);
        var artefacts = Events(random, options.DurationSeconds, options.ArtefactsPerMinute / 60, 0.5, 3);
        var on = new float[n];
        on.AsSpan().Fill(1);
        foreach (var (start, length) in dropouts)
        {
            // Half-second fades so that the probe leaving is not a click.
            for (var i = Math.Max(0, (int)((start - 0.5) * fs)); i < Math.Min(n, (int)((start + length + 0.5) * fs)); i++)
            {
                var s = i / (double)fs;
                var edge = Math.Min(s - (start - 0.5), start + length + 0.5 - s) / 0.5;
                on[i] = (float)Math.Min(on[i], Math.Max(0, 1 - Math.Min(1, edge)));
            }
        }

        // Scale the heart to its RMS level, measured where the probe is on.
        double power = 0;
        var onCount = 0;
        for (var i = 0; i < n; i++)
        {
            if (on[i] == 1)
            {
                power += heart[i] * (double)heart[i];
                onCount++;
            }
        }

        var heartScale = power > 0 ? FetalRms / Math.Sqrt(power / Math.Max(1, onCount)) : 0;
        var audio = new float[n];
        for (var i = 0; i < n; i++)
        {
            audio[i] = (float)(heart[i] * heartScale * on[i]);
        }

        AddMaternal(audio, on, options, random, fs);
        AddArtefacts(audio, artefacts, options, random, fs);
        AddNoise(audio, options, random);

        var artefactMask = Mask(artefacts, count4);
        var dropoutMask = Mask(dropouts, count4);
        return new SyntheticDoppler(audio, fs, fhr, artefactMask, dropoutMask);
    }

    /// <summary>The caller's trajectory, cut or with its last value held to <paramref name="count"/> samples.</summary>
    private static float[] Given(ReadOnlySpan<float> trajectory, int count)
    {
        var result = new float[count];
        for (var k = 0; k < count; k++)
        {
            result[k] = trajectory[Math.Min(k, trajectory.Length - 1)];
        }

        return result;
    }

    private static float[] Trajectory(SyntheticDopplerOptions options, Random random, int count)
    {
        var baseline = options.BaselineBpm ?? (110 + (random.NextDouble() * 50));
        var fhr = new double[count];
        var drift = 0.0;
        var frequencies = new double[3];
        var phases = new double[3];
        for (var j = 0; j < 3; j++)
        {
            frequencies[j] = (2 + (random.NextDouble() * 4)) / 60;
            phases[j] = random.NextDouble() * 2 * Math.PI;
        }

        for (var k = 0; k < count; k++)
        {
            var s = k / 4.0;
            drift = (0.999 * drift) + (0.05 * Gaussian(random));
            var variability = 0.0;
            for (var j = 0; j < 3; j++)
            {
                variability += Math.Sin((2 * Math.PI * frequencies[j] * s) + phases[j]);
            }

            fhr[k] = baseline + Math.Clamp(drift, -8, 8) + (options.VariabilityBpm / 1.5 * variability);
        }

        foreach (var (start, length) in Events(random, options.DurationSeconds, options.AccelerationsPerHour / 3600, 15, 60))
        {
            var height = 15 + (random.NextDouble() * 15);
            AddShape(fhr, start, length, height, 0.5);
        }

        foreach (var (start, length) in Events(random, options.DurationSeconds, options.DecelerationsPerHour / 3600, 30, 120))
        {
            var depth = 20 + (random.NextDouble() * 40);
            AddShape(fhr, start, length, -depth, random.NextDouble() < 0.5 ? 0.15 : 0.5);
        }

        var result = new float[count];
        for (var k = 0; k < count; k++)
        {
            result[k] = (float)Math.Clamp(fhr[k], 60, 210);
        }

        return result;
    }

    /// <summary>Adds a bump that rises over <paramref name="rise"/> of its length (raised cosine) and falls over the rest.</summary>
    private static void AddShape(double[] fhr, double start, double length, double height, double rise)
    {
        for (var k = Math.Max(0, (int)(start * 4)); k < Math.Min(fhr.Length, (int)((start + length) * 4)); k++)
        {
            var x = ((k / 4.0) - start) / length;
            var shape = x < rise ? 0.5 - (0.5 * Math.Cos(Math.PI * x / rise)) : 0.5 + (0.5 * Math.Cos(Math.PI * (x - rise) / (1 - rise)));
            fhr[k] += height * shape;
        }
    }

    private static List<(double Start, double Length)> Events(Random random, double duration, double perSecond, double minLength, double maxLength)
    {
        var events = new List<(double, double)>();
        if (perSecond <= 0)
        {
            return events;
        }

        var t = -Math.Log(1 - random.NextDouble()) / perSecond;
        while (t < duration)
        {
            var length = minLength + (random.NextDouble() * (maxLength - minLength));
            events.Add((t, length));
            t += length + (-Math.Log(1 - random.NextDouble()) / perSecond);
        }

        return events;
    }

    private static bool[] Mask(List<(double Start, double Length)> events, int count)
    {
        var mask = new bool[count];
        foreach (var (start, length) in events)
        {
            for (var k = Math.Max(0, (int)Math.Floor(start * 4)); k < Math.Min(count, (int)Math.Ceiling((start + length) * 4)); k++)
            {
                mask[k] = true;
            }
        }

        return mask;
    }

    private static void AddBurst(float[] envelope, int fs, double center, double duration, double amplitude)
    {
        var first = (int)Math.Ceiling((center - (duration / 2)) * fs);
        var length = (int)(duration * fs);
        for (var i = Math.Max(0, first); i < Math.Min(envelope.Length, first + length); i++)
        {
            var x = (i - first) / (double)length;
            envelope[i] += (float)(amplitude * (0.5 - (0.5 * Math.Cos(2 * Math.PI * x))));
        }
    }

    /// <summary>Adds <paramref name="envelope"/> times Gaussian noise band-passed to <paramref name="low"/>-<paramref name="high"/> Hz to <paramref name="destination"/>.</summary>
    private static void MixBand(float[] destination, float[] envelope, Random random, double low, double high, int fs)
    {
        var noise = new float[destination.Length];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = (float)Gaussian(random);
        }

        SignalFilters.Sos(noise, FilterDesign.ButterworthBandPass(2, low, high, fs), noise);
        for (var i = 0; i < noise.Length; i++)
        {
            destination[i] += envelope[i] * noise[i];
        }
    }

    private static void AddMaternal(float[] audio, float[] on, SyntheticDopplerOptions options, Random random, int fs)
    {
        if (options.MaternalAmplitude <= 0)
        {
            return;
        }

        var envelope = new float[audio.Length];
        var rate = 60 + (random.NextDouble() * 40);
        var t = random.NextDouble();
        while (t < options.DurationSeconds + 1)
        {
            AddBurst(envelope, fs, t, 0.25, LogNormal(random));
            t += 60 / (rate + (3 * Math.Sin(2 * Math.PI * t / 90))) + (0.01 * Gaussian(random));
        }

        var pulse = new float[audio.Length];
        MixBand(pulse, envelope, random, 50, Math.Min(200, 0.45 * fs), fs);
        Scale(pulse, options.MaternalAmplitude * FetalRms);
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] += pulse[i] * on[i];
        }
    }

    private static void AddArtefacts(float[] audio, List<(double Start, double Length)> artefacts, SyntheticDopplerOptions options, Random random, int fs)
    {
        if (artefacts.Count == 0 || options.ArtefactAmplitude <= 0)
        {
            return;
        }

        var envelope = new float[audio.Length];
        foreach (var (start, length) in artefacts)
        {
            AddBurst(envelope, fs, start + (length / 2), length, 1);
        }

        var noise = new float[audio.Length];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = (float)Gaussian(random);
        }

        SignalFilters.Sos(noise, FilterDesign.ButterworthBandPass(2, 10, Math.Min(150, 0.45 * fs), fs), noise);
        Scale(noise, 1);
        var amplitude = (float)(options.ArtefactAmplitude * FetalRms);
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] += amplitude * envelope[i] * noise[i];
        }
    }

    private static void AddNoise(float[] audio, SyntheticDopplerOptions options, Random random)
    {
        var noise = new float[audio.Length];
        double b0 = 0, b1 = 0, b2 = 0;
        for (var i = 0; i < noise.Length; i++)
        {
            var white = Gaussian(random);
            if (options.NoiseColor == DopplerNoiseColor.Pink)
            {
                // Paul Kellet's economy pink filter (three first-order sections, ±0.5 dB above 1/1000 of the rate).
                b0 = (0.99765 * b0) + (white * 0.0990460);
                b1 = (0.96300 * b1) + (white * 0.2965164);
                b2 = (0.57000 * b2) + (white * 1.0526913);
                white = b0 + b1 + b2 + (white * 0.1848);
            }

            noise[i] = (float)white;
        }

        Scale(noise, FetalRms / Math.Sqrt(Math.Pow(10, options.SnrDb / 10)));
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] += noise[i];
        }
    }

    /// <summary>Scales <paramref name="x"/> to the RMS level <paramref name="rms"/>.</summary>
    private static void Scale(float[] x, double rms)
    {
        double power = 0;
        foreach (var v in x)
        {
            power += v * (double)v;
        }

        var scale = power > 0 ? rms / Math.Sqrt(power / x.Length) : 0;
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (float)(x[i] * scale);
        }
    }

    private static double Interpolate(float[] series, double index)
    {
        if (index <= 0)
        {
            return series[0];
        }

        var i = (int)index;
        if (i >= series.Length - 1)
        {
            return series[^1];
        }

        var f = index - i;
        return (series[i] * (1 - f)) + (series[i + 1] * f);
    }

    private static double LogNormal(Random random) => Math.Exp(0.2 * Gaussian(random));

    private static double Gaussian(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
