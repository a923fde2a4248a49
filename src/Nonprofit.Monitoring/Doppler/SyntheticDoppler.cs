using System;

namespace Nonprofit.Monitoring.Simulation;

/// <summary>Synthetic Doppler audio with its ground truth, from <see cref="SyntheticDopplerGenerator"/>.</summary>
public sealed class SyntheticDoppler
{
    private readonly float[] _audio;
    private readonly float[] _fhr;
    private readonly bool[] _artefact;
    private readonly bool[] _dropout;

    internal SyntheticDoppler(float[] audio, int sampleRateHz, float[] fhr, bool[] artefact, bool[] dropout)
    {
        _audio = audio;
        SampleRateHz = sampleRateHz;
        _fhr = fhr;
        _artefact = artefact;
        _dropout = dropout;
    }

    /// <summary>Gets the audio samples (full scale ±1; the fetal component's RMS is 0.05).</summary>
    public ReadOnlyMemory<float> Audio => _audio;

    /// <summary>Gets the audio sample rate in hertz.</summary>
    public int SampleRateHz { get; }

    /// <summary>Gets the true fetal heart rate trajectory in bpm at <see cref="CtgRecording.StandardSampleRateHz"/> (4 Hz), sample k at k × 0.25 s; defined during dropouts too.</summary>
    public ReadOnlyMemory<float> TrueFetalHeartRate => _fhr;

    /// <summary>Gets, per 4 Hz sample, whether a movement artefact overlaps it.</summary>
    public ReadOnlyMemory<bool> Artefact => _artefact;

    /// <summary>Gets, per 4 Hz sample, whether the probe is off the heart (no heart or maternal signal, noise only).</summary>
    public ReadOnlyMemory<bool> Dropout => _dropout;
}
