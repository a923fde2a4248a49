using System;

namespace Nonprofit.Monitoring;

/// <summary>Fetal heart rate estimated from Doppler audio by <see cref="DopplerHeartRateEstimator"/>: one value and one confidence every 0.25 s.</summary>
public sealed class DopplerHeartRate
{
    private readonly float[] _bpm;
    private readonly float[] _confidence;

    internal DopplerHeartRate(float[] bpm, float[] confidence)
    {
        _bpm = bpm;
        _confidence = confidence;
        var valid = 0;
        double sum = 0;
        foreach (var v in bpm)
        {
            if (!float.IsNaN(v))
            {
                valid++;
                sum += v;
            }
        }

        ValidPercent = bpm.Length == 0 ? 0 : 100.0 * valid / bpm.Length;
        MeanBpm = valid == 0 ? double.NaN : sum / valid;
    }

    /// <summary>Gets the sample rate of <see cref="Bpm"/> and <see cref="Confidence"/>: <see cref="CtgRecording.StandardSampleRateHz"/> (4 Hz).</summary>
    public static double SampleRateHz => CtgRecording.StandardSampleRateHz;

    /// <summary>Gets the heart rate in bpm; sample k is the rate over the window centred on k × 0.25 s, <see cref="float.NaN"/> where no valid rate was found.</summary>
    public ReadOnlyMemory<float> Bpm => _bpm;

    /// <summary>Gets the confidence of each sample in [0, 1] (0 where <see cref="Bpm"/> is NaN): the autocorrelation peak height, lowered after a jump away from the previous estimate.</summary>
    public ReadOnlyMemory<float> Confidence => _confidence;

    /// <summary>Gets the number of samples.</summary>
    public int Length => _bpm.Length;

    /// <summary>Gets the share of samples with a valid rate, in percent.</summary>
    public double ValidPercent { get; }

    /// <summary>Gets the mean of the valid rates in bpm, or <see cref="double.NaN"/> when there is none.</summary>
    public double MeanBpm { get; }

    /// <summary>Returns a <see cref="CtgRecording"/> with this heart rate (quality <see cref="SignalQuality.Good"/> at confidence ≥ 0.5, <see cref="SignalQuality.Poor"/> below, <see cref="SignalQuality.Lost"/> where NaN).</summary>
    /// <param name="startTime">When the audio started, if known.</param>
    /// <returns>The recording.</returns>
    public CtgRecording ToRecording(DateTimeOffset? startTime = null)
    {
        var quality = new SignalQuality[_bpm.Length];
        for (var i = 0; i < quality.Length; i++)
        {
            quality[i] = float.IsNaN(_bpm[i]) ? SignalQuality.Lost : _confidence[i] >= 0.5f ? SignalQuality.Good : SignalQuality.Poor;
        }

        return new CtgRecording(_bpm, SampleRateHz, quality: quality, startTime: startTime);
    }
}
