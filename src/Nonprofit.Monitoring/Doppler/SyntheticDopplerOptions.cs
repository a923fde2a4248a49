using System;

namespace Nonprofit.Monitoring.Simulation;

/// <summary>The colour of the background noise <see cref="SyntheticDopplerGenerator"/> adds.</summary>
public enum DopplerNoiseColor
{
    /// <summary>White Gaussian noise: equal power per hertz.</summary>
    White = 0,

    /// <summary>Pink noise (power falling 3 dB per octave), closer to the hum and hiss of a real transducer and amplifier.</summary>
    Pink = 1,
}

/// <summary>
/// Settings of <see cref="SyntheticDopplerGenerator"/>. Amplitudes are relative to the root-mean-square level of the fetal
/// heart component; rates of events are per hour or minute of audio. The defaults describe a realistic antepartum
/// recording: a fetus with a normal baseline and moderate variability, a maternal pulse, some movement and a short
/// probe-off episode, at +10 dB.
/// </summary>
public sealed class SyntheticDopplerOptions
{
    /// <summary>Gets or sets the seed; the same seed and options give the same audio, bit for bit.</summary>
    public int Seed { get; set; }

    /// <summary>Gets or sets the audio sample rate in hertz (at least 1 kHz).</summary>
    /// <value>The default is 4000 Hz (fetal Doppler audio lies in roughly 100-600 Hz).</value>
    public int SampleRateHz { get; set; } = 4000;

    /// <summary>Gets or sets the duration in seconds (at least 1).</summary>
    /// <value>The default is 600 s.</value>
    public double DurationSeconds { get; set; } = 600;

    /// <summary>Gets or sets the baseline fetal heart rate in bpm, or <see langword="null"/> to draw it from 110-160 bpm (the FIGO 2015 normal range).</summary>
    public double? BaselineBpm { get; set; }

    /// <summary>Gets or sets the amplitude of the slow oscillations around the baseline (long-term variability), in bpm.</summary>
    /// <value>The default is 5 bpm (a 10 bpm band: moderate variability, FIGO 2015 normal range 5-25 bpm).</value>
    public double VariabilityBpm { get; set; } = 5;

    /// <summary>Gets or sets the standard deviation of each beat's interval around the trajectory, in seconds (beat-to-beat jitter).</summary>
    /// <value>The default is 0.003 s (short-term variability of a few milliseconds).</value>
    public double BeatJitterSeconds { get; set; } = 0.003;

    /// <summary>Gets or sets how many accelerations (+15 to +30 bpm, 15-60 s) occur per hour.</summary>
    /// <value>The default is 8.</value>
    public double AccelerationsPerHour { get; set; } = 8;

    /// <summary>Gets or sets how many decelerations (−20 to −60 bpm, 30-120 s) occur per hour.</summary>
    /// <value>The default is 4.</value>
    public double DecelerationsPerHour { get; set; } = 4;

    /// <summary>Gets or sets the amplitude of the second (valve-closure) burst of each beat, relative to the first (wall-motion/valve-opening) burst.</summary>
    /// <value>The default is 0.6; values near or above 1 make the beat look like two beats (the classic cause of doubling).</value>
    public double SecondBurstRatio { get; set; } = 0.6;

    /// <summary>Gets or sets the amplitude of the maternal pulse (vessel Doppler, 60-100 bpm), relative to the fetal heart; 0 for none.</summary>
    /// <value>The default is 0.5.</value>
    public double MaternalAmplitude { get; set; } = 0.5;

    /// <summary>Gets or sets the signal-to-noise ratio in dB: the fetal heart component's mean power over the noise's, over the whole audio band, outside dropouts.</summary>
    /// <value>The default is 10 dB.</value>
    public double SnrDb { get; set; } = 10;

    /// <summary>Gets or sets the noise colour.</summary>
    /// <value>The default is <see cref="DopplerNoiseColor.White"/>.</value>
    public DopplerNoiseColor NoiseColor { get; set; } = DopplerNoiseColor.White;

    /// <summary>Gets or sets how many movement artefacts (large low-frequency bursts of 0.5-3 s, fetal or maternal movement, probe handling) occur per minute.</summary>
    /// <value>The default is 0.5.</value>
    public double ArtefactsPerMinute { get; set; } = 0.5;

    /// <summary>Gets or sets the amplitude of a movement artefact relative to the fetal heart.</summary>
    /// <value>The default is 5.</value>
    public double ArtefactAmplitude { get; set; } = 5;

    /// <summary>Gets or sets how many dropouts (probe off the heart for 5-30 s: the heart and maternal components vanish, the noise stays) occur per hour.</summary>
    /// <value>The default is 6.</value>
    public double DropoutsPerHour { get; set; } = 6;

    /// <summary>
    /// Gets or sets a fetal heart rate trajectory at 4 Hz (bpm) to use instead of the drawn one, so that a simulator can
    /// play a scenario (a deceleration after each contraction, a bradycardia); when longer than the audio, the rest is
    /// ignored, when shorter, its last value is held.
    /// </summary>
    /// <value>The default is empty: the trajectory is drawn from <see cref="BaselineBpm"/>, <see cref="VariabilityBpm"/>,
    /// <see cref="AccelerationsPerHour"/> and <see cref="DecelerationsPerHour"/>, which are ignored when a trajectory is given.</value>
    public ReadOnlyMemory<float> FetalHeartRateBpm { get; set; }

    /// <summary>Returns the first problem with these options, naming the property, or <see langword="null"/>.</summary>
    internal string? Validate()
    {
        if (SampleRateHz < WavReader.MinimumSampleRateHz)
        {
            return $"{nameof(SampleRateHz)} must be at least 1000 Hz.";
        }

        if (!double.IsFinite(DurationSeconds) || DurationSeconds < 1 || DurationSeconds * SampleRateHz > Array.MaxLength)
        {
            return $"{nameof(DurationSeconds)} must be at least 1 s and the audio must fit in one array.";
        }

        if (BaselineBpm is { } b && (!double.IsFinite(b) || b < 60 || b > 210))
        {
            return $"{nameof(BaselineBpm)} must be between 60 and 210 bpm.";
        }

        foreach (var v in FetalHeartRateBpm.Span)
        {
            if (!float.IsFinite(v) || v < 60 || v > 210)
            {
                return $"{nameof(FetalHeartRateBpm)} must hold finite rates between 60 and 210 bpm.";
            }
        }

        return !NonNegative(VariabilityBpm, BeatJitterSeconds, AccelerationsPerHour, DecelerationsPerHour, SecondBurstRatio, MaternalAmplitude, ArtefactsPerMinute, ArtefactAmplitude, DropoutsPerHour)
            ? "Amplitudes, jitter and event rates must be zero or positive finite numbers."
            : !double.IsFinite(SnrDb) ? $"{nameof(SnrDb)} must be finite."
            : !Enum.IsDefined(NoiseColor) ? $"{nameof(NoiseColor)} is not a known colour."
            : null;
    }

    private static bool NonNegative(params ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v) || v < 0)
            {
                return false;
            }
        }

        return true;
    }
}
