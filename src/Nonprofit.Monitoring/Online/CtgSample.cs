using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// One 4 Hz sample of a live CTG, as a monitor delivers it: fetal heart rate, an optional second fetal channel, maternal
/// heart rate, uterine activity and the device's quality flag.
/// </summary>
/// <remarks>
/// A missing heart rate is <see cref="float.NaN"/> (0, as many devices send it, counts as missing too); a missing uterine
/// activity is NaN (0 is a value). <c>default(CtgSample)</c> is a sample with no fetal heart rate.
/// </remarks>
/// <param name="FetalHeartRate">The fetal heart rate in bpm; NaN or 0 when lost.</param>
/// <param name="MaternalHeartRate">The maternal heart rate in bpm, or NaN.</param>
/// <param name="UterineActivity">The uterine activity (TOCO), or NaN.</param>
/// <param name="Quality">The device's quality of the fetal heart rate; <see cref="SignalQuality.Lost"/> makes the sample lost whatever its value.</param>
/// <param name="SecondFetalHeartRate">A second fetal heart rate channel in bpm, or NaN.</param>
public readonly record struct CtgSample(
    float FetalHeartRate,
    float MaternalHeartRate = float.NaN,
    float UterineActivity = float.NaN,
    SignalQuality Quality = SignalQuality.Unknown,
    float SecondFetalHeartRate = float.NaN)
{
    /// <summary>Gets sample <paramref name="index"/> of <paramref name="recording"/> (absent channels are NaN).</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="index">The sample index.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recording"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the recording.</exception>
    public static CtgSample FromRecording(CtgRecording recording, int index)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, recording.Length);
        return new CtgSample(
            recording.FetalHeartRate.Span[index],
            recording.HasMaternalHeartRate ? recording.MaternalHeartRate.Span[index] : float.NaN,
            recording.HasUterineActivity ? recording.UterineActivity.Span[index] : float.NaN,
            recording.Quality.Span[index],
            recording.HasSecondFetalHeartRate ? recording.SecondFetalHeartRate.Span[index] : float.NaN);
    }

    /// <summary>Gets every sample of <paramref name="recording"/>, in order (to replay a recording through a <see cref="CtgMonitor"/>).</summary>
    /// <param name="recording">The recording.</param>
    /// <returns>One sample per recording sample.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recording"/> is <see langword="null"/>.</exception>
    public static CtgSample[] FromRecording(CtgRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var samples = new CtgSample[recording.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = FromRecording(recording, i);
        }

        return samples;
    }
}
