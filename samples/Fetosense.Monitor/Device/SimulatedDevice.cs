using Fetosense.Monitor.Scenarios;
using Nonprofit.Monitoring;
using Nonprofit.Monitoring.Simulation;

namespace Fetosense.Monitor.Device;

/// <summary>
/// A Doppler device simulator: audio from <see cref="SyntheticDopplerGenerator"/> following a scenario's heart rate, plus
/// TOCO and the mother's pulse, cut into quarter-second frames (what a Bluetooth probe streams to the phone).
/// </summary>
internal static class SimulatedDevice
{
    /// <summary>The audio rate of the simulated probe.</summary>
    public const int AudioRateHz = 4000;

    private const int FrameSamples = AudioRateHz / 4;

    /// <summary>Generates the scenario's audio and returns its frames.</summary>
    public static IEnumerable<DeviceFrame> Frames(Scenario scenario, int seed = 1)
    {
        var doppler = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions
        {
            Seed = seed,
            SampleRateHz = AudioRateHz,
            DurationSeconds = scenario.DurationSeconds,
            FetalHeartRateBpm = scenario.ProbeHeartRateBpm,
            DropoutsPerHour = 0,
            ArtefactsPerMinute = 0.2,
        });
        var audio = doppler.Audio.ToArray();
        ApplyProbeOff(audio, scenario.ProbeOff, new Random(seed));
        for (var k = 0; (k + 1) * FrameSamples <= audio.Length; k++)
        {
            yield return new DeviceFrame(
                audio.AsMemory(k * FrameSamples, FrameSamples),
                k < scenario.UterineActivity.Length ? scenario.UterineActivity[k] : float.NaN,
                k < scenario.MaternalHeartRateBpm.Length ? scenario.MaternalHeartRateBpm[k] : float.NaN);
        }
    }

    /// <summary>Frames of a recorded Doppler WAV (no TOCO, no maternal pulse).</summary>
    public static IEnumerable<DeviceFrame> Frames(WavAudio wav)
    {
        var frame = Math.Max(1, wav.SampleRateHz / 4);
        for (var start = 0; start < wav.Samples.Length; start += frame)
        {
            yield return new DeviceFrame(wav.Samples.Slice(start, Math.Min(frame, wav.Samples.Length - start)), float.NaN, float.NaN);
        }
    }

    /// <summary>Where the probe is off the abdomen the heart and the mother's pulse vanish (0.5 s fades) and only hiss remains.</summary>
    private static void ApplyProbeOff(float[] audio, IReadOnlyList<(double Start, double End)> intervals, Random random)
    {
        foreach (var (start, end) in intervals)
        {
            var from = Math.Max(0, (int)((start - 0.5) * AudioRateHz));
            var to = Math.Min(audio.Length, (int)((end + 0.5) * AudioRateHz));
            for (var i = from; i < to; i++)
            {
                var s = i / (double)AudioRateHz;
                var gain = Math.Clamp(Math.Max(start - s, s - end) / 0.5, 0, 1);
                var hiss = 0.01 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                audio[i] = (float)((audio[i] * gain) + ((1 - gain) * hiss));
            }
        }
    }
}
