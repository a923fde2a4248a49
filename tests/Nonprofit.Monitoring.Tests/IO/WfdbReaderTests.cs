using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Nonprofit.Monitoring.Tests.IO;

/// <summary>
/// WFDB format 16 on hand-made records in the PhysioNet CTU-UHB layout (https://physionet.org/content/ctu-uhb-ctgdb/):
/// two signals, FHR and UC, at 4 Hz, gain 100, interleaved 16-bit little-endian, FHR 0 = signal loss.
/// </summary>
public sealed class WfdbReaderTests
{
    private static readonly short[] s_fhr = [14025, 14050, 0, 13900, 12000, 13875];
    private static readonly short[] s_uc = [1250, 1300, 1400, 0, 2000, 1550];

    internal static (byte[] Header, byte[] Data) Record(bool withCount = true, bool withChecksum = true, string fileName = "1001.dat")
    {
        var data = new byte[s_fhr.Length * 4];
        for (var i = 0; i < s_fhr.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 4), s_fhr[i]);
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan((i * 4) + 2), s_uc[i]);
        }

        string Line(short[] signal, string units, string name) => withChecksum
            ? string.Create(CultureInfo.InvariantCulture, $"{fileName} 16 100/{units} 12 0 {signal[0]} {Checksum(signal)} 0 {name}\n")
            : $"{fileName} 16 100/{units}\n";
        var header = "# hand-made, CTU-UHB layout\n"
            + (withCount ? string.Create(CultureInfo.InvariantCulture, $"1001 2 4 {s_fhr.Length}\n") : "1001 2 4\n")
            + Line(s_fhr, "bpm", "FHR")
            + Line(s_uc, "nd", "UC");
        return (Encoding.ASCII.GetBytes(header), data);
    }

    private static short Checksum(short[] signal)
    {
        short sum = 0;
        foreach (var v in signal)
        {
            sum = unchecked((short)(sum + v));
        }

        return sum;
    }

    [Fact]
    public void ReadWfdb_CtuUhbLayout_PhysicalValuesAndLoss()
    {
        var (header, data) = Record();

        var recording = CtgReader.ReadWfdb(new MemoryStream(header), new MemoryStream(data));

        Assert.Equal(6, recording.Length);
        Assert.Equal(4.0, recording.SampleRateHz);
        Assert.Equal([140.25f, 140.5f, float.NaN, 139f, 120f, 138.75f], recording.FetalHeartRate.ToArray());
        Assert.Equal([12.5f, 13f, 14f, 0f, 20f, 15.5f], recording.UterineActivity.ToArray());
        Assert.Equal(SignalQuality.Lost, recording.Quality.Span[2]);
        Assert.False(recording.HasMaternalHeartRate);
        Assert.False(recording.HasSecondFetalHeartRate);
    }

    [Fact]
    public async Task ReadAsync_HeaderPath_FindsDataBesideIt()
    {
        var (header, data) = Record();
        var dir = Directory.CreateTempSubdirectory("wfdb");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "1001.hea"), header);
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "1001.dat"), data);

            var recording = await CtgReader.ReadAsync(Path.Combine(dir.FullName, "1001.hea"));

            Assert.Equal(140.25f, recording.FetalHeartRate.Span[0]);
            Assert.Equal(15.5f, recording.UterineActivity.Span[5]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReadWfdbAsync_NoCountNoChecksum_ReadsWholeFrames()
    {
        var (header, data) = Record(withCount: false, withChecksum: false);

        var recording = await CtgReader.ReadWfdbAsync(new MemoryStream(header), new MemoryStream(data));

        Assert.Equal(6, recording.Length);
        Assert.Equal(138.75f, recording.FetalHeartRate.Span[5]);
    }

    [Fact]
    public void ReadWfdb_DataTruncatedAtEveryByte_FormatExceptionAtThatOffset()
    {
        var (header, data) = Record();
        for (var cut = 0; cut < data.Length; cut++)
        {
            var error = Assert.Throws<CtgFormatException>(
                () => CtgReader.ReadWfdb(new MemoryStream(header), new MemoryStream(data, 0, cut)));
            Assert.Equal(cut, error.ByteOffset);
            Assert.Equal("WFDB data", error.Part);
        }
    }

    [Fact]
    public void ReadWfdb_HeaderTruncatedAtEveryByte_FormatExceptionWithOffset()
    {
        var (header, data) = Record();
        for (var cut = 0; cut < header.Length; cut++)
        {
            var error = Assert.Throws<CtgFormatException>(
                () => CtgReader.ReadWfdb(new MemoryStream(header, 0, cut), new MemoryStream(data)));
            Assert.InRange(error.ByteOffset, 0, cut);
            Assert.Equal("WFDB header", error.Part);
        }
    }

    [Fact]
    public void ReadWfdb_DataWithoutCountEndsInsideFrame_OffsetOfIncompleteFrame()
    {
        var (header, data) = Record(withCount: false, withChecksum: false);

        var error = Assert.Throws<CtgFormatException>(
            () => CtgReader.ReadWfdb(new MemoryStream(header), new MemoryStream(data, 0, data.Length - 1)));

        Assert.Equal(20, error.ByteOffset);
    }

    [Fact]
    public void ReadWfdb_CorruptedSample_ChecksumMismatchNamesHeaderFieldNotValues()
    {
        var (header, data) = Record();
        data[0] ^= 0x04;

        var error = Assert.Throws<CtgFormatException>(() => CtgReader.ReadWfdb(new MemoryStream(header), new MemoryStream(data)));

        Assert.Equal("WFDB header", error.Part);
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("checksum of signal 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("14025", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("140", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadWfdb_DataLongerThanDeclared_OffsetOfFirstExtraByte()
    {
        var (header, data) = Record();

        var error = Assert.Throws<CtgFormatException>(
            () => CtgReader.ReadWfdb(new MemoryStream(header), new MemoryStream([.. data, 0, 0, 0, 0])));

        Assert.Equal(data.Length, error.ByteOffset);
    }

    [Theory]
    [InlineData("1001 2 4 6\n1001.dat 212 100\n1001.dat 212 100\n", 20)]
    [InlineData("1001 x 4 6\n", 5)]
    [InlineData("1001/2 2 4 6\n", 0)]
    [InlineData("1001 2 4 6\n1001.dat 16 abc\n1001.dat 16 100\n", 23)]
    [InlineData("1001 2 4 6\n1001.dat 16 100\nother.dat 16 100\n", 27)]
    public void ReadWfdb_UnsupportedOrMalformedHeader_OffsetOfField(string header, int offset)
    {
        var (_, data) = Record();

        var error = Assert.Throws<CtgFormatException>(
            () => CtgReader.ReadWfdb(new MemoryStream(Encoding.ASCII.GetBytes(header)), new MemoryStream(data)));

        Assert.Equal(offset, error.ByteOffset);
    }

    [Fact]
    public async Task ReadAsync_DataFileNameWithDirectory_Refused()
    {
        var (header, data) = Record(fileName: "../1001.dat");
        var dir = Directory.CreateTempSubdirectory("wfdb");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "1001.hea"), header);
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "1001.dat"), data);

            var error = await Assert.ThrowsAsync<CtgFormatException>(() => CtgReader.ReadAsync(Path.Combine(dir.FullName, "1001.hea")));

            Assert.Equal(3, error.LineNumber);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
