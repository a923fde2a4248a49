using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Device;

/// <summary>
/// Turns device frames into 4 Hz CTG samples on the phone: the streaming Doppler estimator gives the fetal heart rate
/// (1.875 s late), and each rate is paired with the TOCO and maternal pulse of its own time.
/// </summary>
internal static class DopplerToCtg
{
    /// <summary>The CTG samples of <paramref name="frames"/>, in order, one per quarter second of audio.</summary>
    public static IEnumerable<CtgSample> Convert(IEnumerable<DeviceFrame> frames, int audioRateHz)
    {
        var estimator = new DopplerHeartRateEstimator().CreateStreaming(audioRateHz);
        var side = new Queue<(float Ua, float Mhr)>();
        float[] bpm = [];
        float[] confidence = [];
        foreach (var frame in frames)
        {
            side.Enqueue((frame.UterineActivity, frame.MaternalHeartRate));
            var capacity = estimator.MaxOutputLength(frame.Audio.Length);
            if (bpm.Length < capacity)
            {
                bpm = new float[capacity];
                confidence = new float[capacity];
            }

            var n = estimator.Process(frame.Audio.Span, bpm, confidence);
            for (var i = 0; i < n; i++)
            {
                yield return Sample(bpm[i], confidence[i], side);
            }
        }

        var tail = new float[estimator.MaxOutputLength(0)];
        var tailConfidence = new float[tail.Length];
        var m = estimator.Complete(tail, tailConfidence);
        for (var i = 0; i < m; i++)
        {
            yield return Sample(tail[i], tailConfidence[i], side);
        }
    }

    private static CtgSample Sample(float bpm, float confidence, Queue<(float Ua, float Mhr)> side)
    {
        var (ua, mhr) = side.Count > 0 ? side.Dequeue() : (float.NaN, float.NaN);
        var quality = float.IsNaN(bpm) ? SignalQuality.Lost : confidence >= 0.5 ? SignalQuality.Good : SignalQuality.Poor;
        return new CtgSample(bpm, mhr, ua, quality);
    }
}
