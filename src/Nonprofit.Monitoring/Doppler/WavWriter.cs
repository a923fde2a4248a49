using System;
using System.Buffers.Binary;
using System.IO;

namespace Nonprofit.Monitoring;

/// <summary>Writes mono RIFF/WAVE audio as 16-bit PCM or 32-bit IEEE float (the formats <see cref="WavReader"/> reads).</summary>
public static class WavWriter
{
    /// <summary>Writes mono audio to a stream.</summary>
    /// <param name="stream">The stream (left open).</param>
    /// <param name="samples">The samples, full scale ±1; for <see cref="WavSampleFormat.Pcm16"/> values beyond ±1 are clipped.</param>
    /// <param name="sampleRateHz">The sample rate, at least <see cref="WavReader.MinimumSampleRateHz"/>.</param>
    /// <param name="format">The encoding.</param>
    /// <exception cref="ArgumentException">A sample is not finite, the format is unknown, or the audio does not fit in a WAV file.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is below the minimum.</exception>
    public static void Write(Stream stream, ReadOnlySpan<float> samples, int sampleRateHz, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Encode(samples, sampleRateHz, format));
    }

    /// <summary>Writes mono audio to a file: a temporary file beside it is written first and then moved into place.</summary>
    /// <param name="path">The file.</param>
    /// <param name="samples">The samples, full scale ±1; for <see cref="WavSampleFormat.Pcm16"/> values beyond ±1 are clipped.</param>
    /// <param name="sampleRateHz">The sample rate, at least <see cref="WavReader.MinimumSampleRateHz"/>.</param>
    /// <param name="format">The encoding.</param>
    /// <exception cref="ArgumentException">A sample is not finite, the format is unknown, or the audio does not fit in a WAV file.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is below the minimum.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, ReadOnlySpan<float> samples, int sampleRateHz, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = Encode(samples, sampleRateHz, format);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static byte[] Encode(ReadOnlySpan<float> samples, int sampleRateHz, WavSampleFormat format)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRateHz, WavReader.MinimumSampleRateHz);
        var (tag, width) = format switch
        {
            WavSampleFormat.Pcm16 => (1, 2),
            WavSampleFormat.IeeeFloat32 => (3, 4),
            _ => throw new ArgumentException("Unknown sample format.", nameof(format)),
        };
        var dataSize = (long)samples.Length * width;
        if (dataSize + 44 > Array.MaxLength)
        {
            throw new ArgumentException("The audio is too long for one WAV file.", nameof(samples));
        }

        var bytes = new byte[44 + dataSize];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(36 + dataSize));
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)sampleRateHz);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(sampleRateHz * width));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], (ushort)(8 * width));
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataSize);
        var data = span[44..];
        for (var i = 0; i < samples.Length; i++)
        {
            var x = samples[i];
            if (!float.IsFinite(x))
            {
                throw new ArgumentException("Every sample must be a finite number.", nameof(samples));
            }

            if (format == WavSampleFormat.Pcm16)
            {
                BinaryPrimitives.WriteInt16LittleEndian(data[(2 * i)..], (short)Math.Round(Math.Clamp(x * 32768.0, -32768, 32767)));
            }
            else
            {
                BinaryPrimitives.WriteSingleLittleEndian(data[(4 * i)..], x);
            }
        }

        return bytes;
    }
}
