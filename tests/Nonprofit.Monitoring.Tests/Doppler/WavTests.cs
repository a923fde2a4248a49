using System.Buffers.Binary;
using System.Globalization;

namespace Nonprofit.Monitoring.Tests.Doppler;

public sealed class WavTests
{
    private static readonly float[] s_samples = [0f, 0.5f, -0.5f, 0.25f, -1f, 0.999f, 0.125f, -0.0625f];

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 1.0 / 32768)]
    [InlineData(WavSampleFormat.IeeeFloat32, 0)]
    public void WriteThenRead_RoundTrips(WavSampleFormat format, double tolerance)
    {
        using var stream = new MemoryStream();
        WavWriter.Write(stream, s_samples, 4000, format);
        stream.Position = 0;
        var audio = WavReader.Read(stream);
        Assert.Equal(4000, audio.SampleRateHz);
        Assert.Equal(1, audio.SourceChannels);
        Assert.Equal(format, audio.SourceFormat);
        Assert.Equal(s_samples.Length, audio.Samples.Length);
        for (var i = 0; i < s_samples.Length; i++)
        {
            Assert.InRange(audio.Samples.Span[i], s_samples[i] - tolerance, s_samples[i] + tolerance);
        }

        Assert.Equal(TimeSpan.FromSeconds(s_samples.Length / 4000.0), audio.Duration);
    }

    [Fact]
    public async Task WritePath_ThenReadAsync_SameSamples()
    {
        var path = Path.Combine(Path.GetTempPath(), "doppler-" + Guid.NewGuid().ToString("N") + ".wav");
        try
        {
            WavWriter.Write(path, s_samples, 8000, WavSampleFormat.IeeeFloat32);
            var audio = await WavReader.ReadAsync(path);
            Assert.Equal(s_samples, audio.Samples.ToArray());
            Assert.Equal(8000, audio.SampleRateHz);
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "." + Path.GetFileName(path) + ".*.tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_StereoPcm_MixesChannels()
    {
        // Left 0.5, right -0.25 → mean 0.125; left 1 (clipped to 32767), right 1 → about 1.
        var bytes = Build(Fmt(1, 2, 1000, 16), Data(Pcm(0.5f, -0.25f, 32767 / 32768f, 32767 / 32768f)));
        var audio = WavReader.Read(new MemoryStream(bytes));
        Assert.Equal(2, audio.SourceChannels);
        Assert.Equal([0.125f, 32767 / 32768f], audio.Samples.ToArray());
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(3, 32)]
    public void Read_Extensible_SubformatDecides(int subformat, int bits)
    {
        var data = bits == 16 ? Pcm(0.5f, -0.5f) : Float(0.5f, -0.5f);
        var bytes = Build(Extensible(subformat, 2, 48000, bits), Data(data));
        var audio = WavReader.Read(new MemoryStream(bytes));
        Assert.Equal([0f], audio.Samples.ToArray());
        Assert.Equal(48000, audio.SampleRateHz);
        Assert.Equal(bits == 16 ? WavSampleFormat.Pcm16 : WavSampleFormat.IeeeFloat32, audio.SourceFormat);
    }

    [Fact]
    public void Read_UnknownAndOddChunks_AreSkippedWithTheirPadByte()
    {
        // An odd-sized LIST chunk (3 bytes + pad) before fmt, a "junk" chunk between fmt and data, and one after data.
        var list = Chunk("LIST", [1, 2, 3]);
        Assert.Equal(8 + 3 + 1, list.Length);
        var bytes = Build(list, Fmt(3, 1, 2000, 32), Chunk("junk", new byte[5]), Data(Float(0.25f, 0.75f)), Chunk("cue ", new byte[1]));
        var audio = WavReader.Read(new MemoryStream(bytes));
        Assert.Equal([0.25f, 0.75f], audio.Samples.ToArray());
    }

    [Fact]
    public void Read_TruncatedAtEveryByte_FormatExceptionWithOffset()
    {
        var bytes = Build(Chunk("LIST", [1, 2, 3]), Fmt(1, 2, 4000, 16), Data(Pcm(0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f)));
        Assert.Equal(6, WavReader.Read(new MemoryStream(bytes)).Samples.Length * 2);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var error = Assert.Throws<CtgFormatException>(() => WavReader.Read(new MemoryStream(bytes, 0, cut)));
            AssertPosition(error, cut);
        }
    }

    [Fact]
    public void Read_EveryByteCorrupted_CompleteAudioOrFormatException()
    {
        // Flipping any byte either still parses (a sample value, an unknown chunk id) to whole audio, or throws with a position.
        var bytes = Build(Chunk("LIST", [1, 2, 3]), Fmt(1, 1, 4000, 16), Data(Pcm(0.1f, 0.2f, 0.3f)));
        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var value in new byte[] { 0x00, 0xFF, (byte)(bytes[i] ^ 0x55) })
            {
                var corrupt = (byte[])bytes.Clone();
                corrupt[i] = value;
                try
                {
                    var audio = WavReader.Read(new MemoryStream(corrupt));
                    Assert.True(audio.Samples.Length <= 3);
                    Assert.True(audio.SampleRateHz >= WavReader.MinimumSampleRateHz);
                }
                catch (CtgFormatException error)
                {
                    AssertPosition(error, corrupt.Length);
                }
            }
        }
    }

    [Theory]
    [InlineData("RIFX", 0)]
    [InlineData("WAVX", 8)]
    public void Read_WrongMagic_OffsetOfTheMagic(string magic, int offset)
    {
        var bytes = Build(Fmt(1, 1, 4000, 16), Data(Pcm(0.1f)));
        System.Text.Encoding.ASCII.GetBytes(magic).CopyTo(bytes, offset);
        var error = Assert.Throws<CtgFormatException>(() => WavReader.Read(new MemoryStream(bytes)));
        Assert.Equal(offset, error.ByteOffset);
        Assert.Equal("WAV", error.Part);
    }

    [Theory]
    [InlineData(1, 1, 4000, 8)]     // 8-bit PCM
    [InlineData(1, 1, 4000, 24)]    // 24-bit PCM
    [InlineData(3, 1, 4000, 64)]    // double float
    [InlineData(2, 1, 4000, 16)]    // ADPCM
    [InlineData(1, 0, 4000, 16)]    // no channels
    [InlineData(1, 1, 999, 16)]     // below 1 kHz
    public void Read_UnsupportedFormat_Throws(int tag, int channels, int rate, int bits)
    {
        var bytes = Build(Fmt(tag, channels, rate, bits), Data(new byte[4]));
        var error = Assert.Throws<CtgFormatException>(() => WavReader.Read(new MemoryStream(bytes)));
        AssertPosition(error, bytes.Length);
    }

    [Fact]
    public void Read_MissingOrMisplacedChunks_Throw()
    {
        Assert.Throws<CtgFormatException>(() => WavReader.Read(new MemoryStream(Build(Fmt(1, 1, 4000, 16)))));
        Assert.Throws<CtgFormatException>(() => WavReader.Read(new MemoryStream(Build(Data(Pcm(0.1f))))));
        Assert.Throws<CtgFormatException>(() => WavReader.Read(new MemoryStream(Build(Data(Pcm(0.1f)), Fmt(1, 1, 4000, 16)))));
        Assert.Throws<CtgFormatException>(() => WavReader.Read(new MemoryStream(Build(Fmt(1, 1, 4000, 16), Data(Pcm(0.1f)), Data(Pcm(0.1f))))));

        // A data chunk that ends inside a frame (3 bytes of 16-bit stereo... here 3 bytes of mono 16-bit).
        var error = Assert.Throws<CtgFormatException>(() => WavReader.Read(new MemoryStream(Build(Fmt(1, 1, 4000, 16), Chunk("data", [1, 2, 3])))));
        Assert.Contains("inside a sample frame", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NonFiniteFloat_ThrowsAtItsOffsetWithoutTheValue()
    {
        var bytes = Build(Fmt(3, 1, 4000, 32), Data(Float(0.5f, float.NaN)));
        var error = Assert.Throws<CtgFormatException>(() => WavReader.Read(new MemoryStream(bytes)));
        Assert.Equal(bytes.Length - 4, error.ByteOffset);
        Assert.DoesNotContain("NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_BadArguments_Throw()
    {
        using var stream = new MemoryStream();
        Assert.Throws<ArgumentException>(() => WavWriter.Write(stream, [float.NaN], 4000));
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.Write(stream, [0f], 999));
        Assert.Throws<ArgumentException>(() => WavWriter.Write(stream, [0f], 4000, (WavSampleFormat)7));
        Assert.Throws<ArgumentNullException>(() => WavWriter.Write((Stream)null!, [0f], 4000));
        Assert.Equal(0, stream.Length);
    }

    private static void AssertPosition(CtgFormatException error, long length)
    {
        Assert.InRange(error.ByteOffset, 0, length);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"byte offset {error.ByteOffset}"), error.Message, StringComparison.Ordinal);
        Assert.Equal("WAV", error.Part);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    private static byte[] Build(params byte[][] parts)
    {
        var chunks = parts.SelectMany(p => p).ToArray();
        var bytes = new byte[12 + chunks.Length];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(4 + chunks.Length));
        "WAVE"u8.CopyTo(bytes.AsSpan(8));
        chunks.CopyTo(bytes, 12);
        return bytes;
    }

    private static byte[] Chunk(string id, byte[] body)
    {
        var bytes = new byte[8 + body.Length + (body.Length & 1)];
        System.Text.Encoding.ASCII.GetBytes(id).CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)body.Length);
        body.CopyTo(bytes, 8);
        return bytes;
    }

    private static byte[] Fmt(int tag, int channels, int rate, int bits)
    {
        var body = new byte[16];
        var align = channels * bits / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(rate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        return Chunk("fmt ", body);
    }

    private static byte[] Extensible(int subformat, int channels, int rate, int bits)
    {
        var plain = Fmt(0xFFFE, channels, rate, bits).AsSpan(8, 16).ToArray();
        var body = new byte[40];
        plain.CopyTo(body, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)bits);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), 3);
        byte[] guid = [(byte)subformat, 0, 0, 0, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        guid.CopyTo(body, 24);
        return Chunk("fmt ", body);
    }

    private static byte[] Data(byte[] body) => Chunk("data", body);

    private static byte[] Pcm(params float[] values)
    {
        var bytes = new byte[2 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), (short)Math.Round(values[i] * 32768));
        }

        return bytes;
    }

    private static byte[] Float(params float[] values)
    {
        var bytes = new byte[4 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        }

        return bytes;
    }
}
