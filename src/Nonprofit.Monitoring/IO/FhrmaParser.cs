using System;
using System.Buffers.Binary;

namespace Nonprofit.Monitoring;

/// <summary>Parses the FHRMA <c>.fhr</c> and <c>.fhrm</c> layouts (all little-endian, 4 Hz, 0 = signal loss).</summary>
internal static class FhrmaParser
{
    private const int HeaderLength = 4;

    public static CtgRecording Parse(ReadOnlySpan<byte> bytes, FhrmaVariant variant)
    {
        var withMaternal = variant == FhrmaVariant.Fhrm;
        var frame = withMaternal ? 8 : 6;
        if (bytes.Length < HeaderLength)
        {
            throw new CtgFormatException("The FHRMA header (a 4-byte timestamp) is incomplete", bytes.Length);
        }

        var body = bytes.Length - HeaderLength;
        if (body == 0)
        {
            throw new CtgFormatException("The FHRMA file holds no samples after its header", HeaderLength);
        }

        var count = body / frame;
        if (body % frame != 0)
        {
            throw new CtgFormatException(
                $"The FHRMA file ends inside a sample (each sample is {frame} bytes)", HeaderLength + ((long)count * frame));
        }

        var fhr1 = new float[count];
        var fhr2 = new float[count];
        var mhr = withMaternal ? new float[count] : null;
        var toco = new float[count];
        var quality = new SignalQuality[count];
        var offset = HeaderLength;
        for (var i = 0; i < count; i++, offset += frame)
        {
            var sample = bytes.Slice(offset, frame);
            fhr1[i] = HeartRate(BinaryPrimitives.ReadUInt16LittleEndian(sample));
            fhr2[i] = HeartRate(BinaryPrimitives.ReadUInt16LittleEndian(sample[2..]));
            mhr?[i] = HeartRate(BinaryPrimitives.ReadUInt16LittleEndian(sample[4..]));

            toco[i] = sample[frame - 2] * 0.5f;
            quality[i] = Quality(fhr1[i], sample[frame - 1]);
        }

        var timestamp = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        DateTimeOffset? start = timestamp == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(timestamp);
        return new CtgRecording(fhr1, CtgRecording.StandardSampleRateHz, fhr2, mhr, toco, quality, start, validate: false);
    }

    private static float HeartRate(ushort quarterBpm) => quarterBpm == 0 ? float.NaN : quarterBpm * 0.25f;

    /// <summary>Bit 0 of the Q byte is "FHR1 good" (toolbox <c>fhropen.m</c>); a Q byte of 0 means no flags were recorded.</summary>
    private static SignalQuality Quality(float fhr, byte flags) =>
        float.IsNaN(fhr) ? SignalQuality.Lost
        : flags == 0 ? SignalQuality.Unknown
        : (flags & 1) != 0 ? SignalQuality.Good
        : SignalQuality.Poor;
}
