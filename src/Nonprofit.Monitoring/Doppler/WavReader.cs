using System;
using System.Buffers.Binary;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Monitoring;

/// <summary>
/// Reads RIFF/WAVE audio: 16-bit integer PCM and 32-bit IEEE float, plain or <c>WAVE_FORMAT_EXTENSIBLE</c> with those
/// subformats, any number of channels (mixed to mono by averaging the channels of each frame), any rate from
/// <see cref="MinimumSampleRateHz"/>. Used for Doppler ultrasound audio (<see cref="DopplerHeartRateEstimator"/>).
/// </summary>
/// <remarks>
/// The whole input is read (at most <see cref="MaxBytes"/>) before it is parsed, so a call returns complete audio or throws
/// <see cref="CtgFormatException"/> (a <see cref="FormatException"/>) with <see cref="CtgFormatException.Part"/> "WAV" and the
/// byte offset where reading stopped; messages never contain sample values. Chunks other than <c>fmt </c> and <c>data</c>
/// (<c>LIST</c>, <c>fact</c>, <c>cue </c> ...) are skipped; odd-sized chunks are followed by their pad byte (RIFF rule).
/// The RIFF size must cover every chunk, so any truncation is detected; bytes after the RIFF chunk are ignored. Float
/// samples must be finite. Channels are mixed rather than channel 0 taken because directional Doppler devices put the
/// forward and reverse flow on the two channels of a stereo file: the mean keeps both heart-wall directions.
/// </remarks>
public static class WavReader
{
    /// <summary>The lowest sample rate accepted, in hertz.</summary>
    public const int MinimumSampleRateHz = 1000;

    /// <summary>The largest input accepted: 512 MiB (an 8-hour 16-bit mono recording at 8 kHz is about 460 MiB).</summary>
    public const int MaxBytes = 512 * 1024 * 1024;

    private const string Part = "WAV";
    private const int FormatPcm = 1;
    private const int FormatFloat = 3;
    private const int FormatExtensible = 0xFFFE;

    /// <summary>The 14 bytes that follow the format code in a KSDATAFORMAT_SUBTYPE GUID (00000001-0000-0010-8000-00aa00389b71 for PCM).</summary>
    private static ReadOnlySpan<byte> SubformatTail => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Reads WAV audio from a stream (to its end).</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The audio, mixed to mono.</returns>
    /// <exception cref="CtgFormatException">The input is not a supported WAV file, is corrupt or truncated, or is larger than <see cref="MaxBytes"/>.</exception>
    public static WavAudio Read(Stream stream) => Parse(InputBuffer.ReadAll(stream, Part, MaxBytes));

    /// <summary>Reads WAV audio from a stream (to its end).</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The audio, mixed to mono.</returns>
    /// <exception cref="CtgFormatException">The input is not a supported WAV file, is corrupt or truncated, or is larger than <see cref="MaxBytes"/>.</exception>
    public static async Task<WavAudio> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        Parse(await InputBuffer.ReadAllAsync(stream, Part, cancellationToken, MaxBytes).ConfigureAwait(false));

    /// <summary>Reads a WAV file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The audio, mixed to mono.</returns>
    /// <exception cref="CtgFormatException">The file is not a supported WAV file, is corrupt or truncated, or is too large.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static WavAudio Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads a WAV file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The audio, mixed to mono.</returns>
    /// <exception cref="CtgFormatException">The file is not a supported WAV file, is corrupt or truncated, or is too large.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<WavAudio> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Parses a whole WAV file held in memory.</summary>
    internal static WavAudio Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12)
        {
            throw Error("The input is shorter than a RIFF/WAVE header", bytes.Length);
        }

        if (!bytes[..4].SequenceEqual("RIFF"u8))
        {
            throw Error("The input does not start with a RIFF header", 0);
        }

        if (!bytes.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            throw Error("The RIFF form type is not WAVE", 8);
        }

        var end = 8 + (long)BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        if (end > bytes.Length)
        {
            throw Error("The RIFF chunk declares more bytes than the input has (truncated)", bytes.Length);
        }

        Format? format = null;
        var dataOffset = -1L;
        var dataSize = 0L;
        var position = 12L;
        while (position < end)
        {
            if (position + 8 > end)
            {
                throw Error("A chunk header runs past the end of the RIFF chunk", position);
            }

            var header = bytes.Slice((int)position, 8);
            var size = (long)BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var start = position + 8;
            if (start + size > end)
            {
                throw Error("A chunk runs past the end of the RIFF chunk", position);
            }

            if (header[..4].SequenceEqual("fmt "u8))
            {
                if (format is not null)
                {
                    throw Error("The file has a second fmt chunk", position);
                }

                format = ParseFormat(bytes.Slice((int)start, (int)size), start);
            }
            else if (header[..4].SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    throw Error("The data chunk comes before the fmt chunk", position);
                }

                if (dataOffset >= 0)
                {
                    throw Error("The file has a second data chunk", position);
                }

                dataOffset = start;
                dataSize = size;
            }

            position = start + size + (size & 1);
            if (position > end)
            {
                throw Error("The pad byte of an odd-sized chunk is missing", end);
            }
        }

        if (format is not { } f)
        {
            throw Error("The file has no fmt chunk", end);
        }

        if (dataOffset < 0)
        {
            throw Error("The file has no data chunk", end);
        }

        if (dataSize % f.BlockAlign != 0)
        {
            throw Error("The data chunk ends inside a sample frame", dataOffset + (dataSize - (dataSize % f.BlockAlign)));
        }

        return new WavAudio(Decode(bytes.Slice((int)dataOffset, (int)dataSize), dataOffset, f), f.SampleRateHz, f.Channels, f.SampleFormat);
    }

    private static Format ParseFormat(ReadOnlySpan<byte> chunk, long offset)
    {
        if (chunk.Length < 16)
        {
            throw Error("The fmt chunk is shorter than 16 bytes", offset);
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
        var byteRate = BinaryPrimitives.ReadUInt32LittleEndian(chunk[8..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(chunk[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);
        if (tag == FormatExtensible)
        {
            if (chunk.Length < 40 || BinaryPrimitives.ReadUInt16LittleEndian(chunk[16..]) < 22)
            {
                throw Error("The WAVE_FORMAT_EXTENSIBLE fmt chunk is shorter than 40 bytes", offset);
            }

            var subformat = chunk.Slice(24, 16);
            if (!subformat[2..].SequenceEqual(SubformatTail))
            {
                throw Error("The WAVE_FORMAT_EXTENSIBLE subformat is neither PCM nor IEEE float", offset + 24);
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(subformat);
        }

        var sampleFormat = (tag, bits) switch
        {
            (FormatPcm, 16) => WavSampleFormat.Pcm16,
            (FormatFloat, 32) => WavSampleFormat.IeeeFloat32,
            _ => throw Error("The sample format is neither 16-bit PCM nor 32-bit IEEE float", offset),
        };
        if (channels == 0)
        {
            throw Error("The fmt chunk declares no channels", offset + 2);
        }

        if (rate < MinimumSampleRateHz || rate > int.MaxValue)
        {
            throw Error("The sample rate is below the 1 kHz this reader accepts", offset + 4);
        }

        if (blockAlign != channels * (bits / 8))
        {
            throw Error("The block alignment does not match the channels and sample size", offset + 12);
        }

        if (byteRate != (long)rate * blockAlign)
        {
            throw Error("The byte rate does not match the sample rate and block alignment", offset + 8);
        }

        return new Format(sampleFormat, channels, (int)rate, blockAlign);
    }

    private static float[] Decode(ReadOnlySpan<byte> data, long offset, Format format)
    {
        var frames = data.Length / format.BlockAlign;
        var samples = new float[frames];
        var channels = format.Channels;
        var scale = 1f / channels;
        for (var i = 0; i < frames; i++)
        {
            var frame = data.Slice(i * format.BlockAlign, format.BlockAlign);
            var sum = 0f;
            for (var c = 0; c < channels; c++)
            {
                if (format.SampleFormat == WavSampleFormat.Pcm16)
                {
                    sum += BinaryPrimitives.ReadInt16LittleEndian(frame[(2 * c)..]) / 32768f;
                }
                else
                {
                    var value = BinaryPrimitives.ReadSingleLittleEndian(frame[(4 * c)..]);
                    if (!float.IsFinite(value))
                    {
                        throw Error("A float sample is not a finite number", offset + ((long)i * format.BlockAlign) + (4 * c));
                    }

                    sum += value;
                }
            }

            samples[i] = channels == 1 ? sum : sum * scale;
        }

        return samples;
    }

    private static CtgFormatException Error(string message, long offset) => new(message, offset, Part);

    private readonly record struct Format(WavSampleFormat SampleFormat, int Channels, int SampleRateHz, int BlockAlign);
}
