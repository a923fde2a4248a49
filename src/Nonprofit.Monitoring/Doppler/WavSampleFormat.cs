namespace Nonprofit.Monitoring;

/// <summary>The sample encodings <see cref="WavReader"/> reads and <see cref="WavWriter"/> writes.</summary>
public enum WavSampleFormat
{
    /// <summary>Signed 16-bit integer PCM (<c>WAVE_FORMAT_PCM</c>, or <c>WAVE_FORMAT_EXTENSIBLE</c> with the PCM subformat); full scale is ±32768.</summary>
    Pcm16 = 0,

    /// <summary>32-bit IEEE float (<c>WAVE_FORMAT_IEEE_FLOAT</c>, or <c>WAVE_FORMAT_EXTENSIBLE</c> with the float subformat); full scale is ±1.</summary>
    IeeeFloat32 = 1,
}
