using System;

namespace Nonprofit.Monitoring;

/// <summary>Audio read from a WAV file: mono samples scaled to ±1 full scale (channels mixed by averaging) and their rate.</summary>
public sealed class WavAudio
{
    private readonly float[] _samples;

    internal WavAudio(float[] samples, int sampleRateHz, int sourceChannels, WavSampleFormat sourceFormat)
    {
        _samples = samples;
        SampleRateHz = sampleRateHz;
        SourceChannels = sourceChannels;
        SourceFormat = sourceFormat;
    }

    /// <summary>Gets the samples, one per frame: the mean of the frame's channels, full scale ±1.</summary>
    public ReadOnlyMemory<float> Samples => _samples;

    /// <summary>Gets the sample rate in hertz (at least <see cref="WavReader.MinimumSampleRateHz"/>).</summary>
    public int SampleRateHz { get; }

    /// <summary>Gets how many channels the file had before they were mixed.</summary>
    public int SourceChannels { get; }

    /// <summary>Gets the file's sample encoding.</summary>
    public WavSampleFormat SourceFormat { get; }

    /// <summary>Gets the duration.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)_samples.Length / SampleRateHz);
}
