using System.Buffers.Binary;
using System.Globalization;

namespace Nonprofit.Monitoring.Tests.IO;

/// <summary>
/// The FHRMA readers on the real data (../shared/data/ctg/fhrma, GPL-3.0, read in place): every file of every folder, sample
/// counts from the README's layout and index.csv, values decoded independently at the README's byte offsets.
/// </summary>
public sealed class FhrmaReaderTests
{
    public static TheoryData<string, string> Folders => new()
    {
        { "FHRMAdataset/traindata", "*.fhr" },
        { "FHRMAdataset/testdata", "*.fhr" },
        { "FSdataset/DopMHR/Train", "*.fhrm" },
        { "FSdataset/DopMHR/Val", "*.fhrm" },
        { "FSdataset/DopMHR/TestDoubleSignals", "*.fhrm" },
        { "FSdataset/ScalpECG/Val", "*.fhrm" },
        { "Examples", "*.fhrm" },
    };

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task ReadAsync_EveryFileOfFolder_SampleCountFromLayoutAndValuesAtReadmeOffsets(string folder, string pattern)
    {
        var files = Directory.GetFiles(Path.Combine(SharedData.Fhrma, folder), pattern);
        Assert.NotEmpty(files);
        var frame = pattern == "*.fhr" ? 6 : 8;
        foreach (var file in files)
        {
            var recording = await CtgReader.ReadAsync(file);
            var bytes = await File.ReadAllBytesAsync(file);

            Assert.Equal((bytes.Length - 4) / frame, recording.Length);
            Assert.Equal(CtgRecording.StandardSampleRateHz, recording.SampleRateHz);
            Assert.Null(recording.StartTime); // timestamp 0: anonymised
            Assert.True(recording.HasSecondFetalHeartRate);
            Assert.True(recording.HasUterineActivity);
            Assert.Equal(frame == 8, recording.HasMaternalHeartRate);
            foreach (var i in new[] { 0, recording.Length / 3, recording.Length - 1 })
            {
                var at = 4 + (frame * i);
                Assert.Equal(Bpm(bytes, at), recording.FetalHeartRate.Span[i]);
                Assert.Equal(Bpm(bytes, at + 2), recording.SecondFetalHeartRate.Span[i]);
                if (frame == 8)
                {
                    Assert.Equal(Bpm(bytes, at + 4), recording.MaternalHeartRate.Span[i]);
                }

                Assert.Equal(bytes[at + frame - 2] / 2f, recording.UterineActivity.Span[i]);
            }
        }
    }

    [Fact]
    public void Read_FhrmaDataset_CountsAndNonZeroFractionsMatchIndexCsv()
    {
        var index = File.ReadAllLines(Path.Combine(SharedData.Fhrma, "FHRMAdataset/index.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToArray();
        Assert.Equal(156, index.Length);
        foreach (var row in index)
        {
            var recording = CtgReader.Read(Path.Combine(SharedData.Fhrma, "FHRMAdataset", row[1] + "data", row[0]));
            Assert.Equal(int.Parse(row[2], CultureInfo.InvariantCulture), recording.Length);
            Assert.Equal(double.Parse(row[4], CultureInfo.InvariantCulture), NonLost(recording.FetalHeartRate.Span), 4);
            Assert.Equal(double.Parse(row[5], CultureInfo.InvariantCulture), NonLost(recording.SecondFetalHeartRate.Span), 4);
        }
    }

    [Fact]
    public void Read_Train01_KnownSamples()
    {
        // train01.fhr: 84,046 bytes -> 14,007 samples (README); bytes 4..9 are 0xA0 0x02 0x00 0x00 0x28 0x00.
        var recording = CtgReader.Read(Path.Combine(SharedData.Fhrma, "FHRMAdataset/traindata/train01.fhr"));

        Assert.Equal(14_007, recording.Length);
        Assert.Equal(168f, recording.FetalHeartRate.Span[0]);
        Assert.True(float.IsNaN(recording.SecondFetalHeartRate.Span[0]));
        Assert.Equal(20f, recording.UterineActivity.Span[0]);
        Assert.Equal(78f, recording.FetalHeartRate.Span[1000]);
        Assert.Equal(SignalQuality.Unknown, recording.Quality.Span[0]); // Q byte is 0 in every file
        Assert.Equal(TimeSpan.FromSeconds(14_007 / 4.0), recording.Duration);
    }

    [Fact]
    public void Read_DopplerAndScalpFiles_ChannelsAsReadmeSays()
    {
        // README: in DopMHR files the Doppler FHR is FHR1 and FHR2 is 0; in ScalpECG files the scalp FHR is FHR2 and FHR1 is 0.
        foreach (var file in Directory.GetFiles(Path.Combine(SharedData.Fhrma, "FSdataset/DopMHR/Val"), "*.fhrm"))
        {
            Assert.Equal(0, NonLost(CtgReader.Read(file).SecondFetalHeartRate.Span));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(SharedData.Fhrma, "FSdataset/ScalpECG/Val"), "*.fhrm"))
        {
            var recording = CtgReader.Read(file);
            Assert.Equal(0, NonLost(recording.FetalHeartRate.Span));
            Assert.True(NonLost(recording.SecondFetalHeartRate.Span) > 0);
            Assert.All(recording.Quality.ToArray(), q => Assert.Equal(SignalQuality.Lost, q));
        }
    }

    [Fact]
    public async Task ReadFhrmaAsync_Stream_SameAsPath()
    {
        var path = Path.Combine(SharedData.Fhrma, "FSdataset/DopMHR/Val/DopMHRVal0001.fhrm");
        await using var stream = File.OpenRead(path);

        var fromStream = await CtgReader.ReadFhrmaAsync(stream, FhrmaVariant.Fhrm);
        var fromPath = CtgReader.Read(path);

        Assert.Equal(fromPath.FetalHeartRate.ToArray(), fromStream.FetalHeartRate.ToArray());
        Assert.Equal(fromPath.MaternalHeartRate.ToArray(), fromStream.MaternalHeartRate.ToArray());
        Assert.Equal(fromPath.UterineActivity.ToArray(), fromStream.UterineActivity.ToArray());
    }

    [Fact]
    public async Task ReadFhrmaAsync_Cancelled_Throws()
    {
        using var stream = new MemoryStream(new byte[100]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CtgReader.ReadFhrmaAsync(stream, FhrmaVariant.Fhr, new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData(FhrmaVariant.Fhr, "FHRMAdataset/traindata/train01.fhr", 6)]
    [InlineData(FhrmaVariant.Fhrm, "FSdataset/DopMHR/Val/DopMHRVal0001.fhrm", 8)]
    public void ReadFhrma_TruncatedAtEveryByte_FormatExceptionWithOffsetOrCompleteSamples(FhrmaVariant variant, string file, int frame)
    {
        // The first 20 samples of a real file, read in place (not copied into the repository).
        var bytes = File.ReadAllBytes(Path.Combine(SharedData.Fhrma, file)).AsSpan(0, 4 + (20 * frame)).ToArray();
        var full = CtgReader.ReadFhrma(new MemoryStream(bytes), variant);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            using var stream = new MemoryStream(bytes, 0, cut);
            if (cut > 4 && (cut - 4) % frame == 0)
            {
                // No length field: a cut at a sample boundary is a shorter recording, whole samples only.
                var shorter = CtgReader.ReadFhrma(stream, variant);
                Assert.Equal((cut - 4) / frame, shorter.Length);
                Assert.Equal(full.FetalHeartRate[..shorter.Length].ToArray(), shorter.FetalHeartRate.ToArray());
                continue;
            }

            var error = Assert.Throws<CtgFormatException>(() => CtgReader.ReadFhrma(stream, variant));
            Assert.InRange(error.ByteOffset, 0, cut);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"byte offset {error.ByteOffset}"), error.Message, StringComparison.Ordinal);
            Assert.IsAssignableFrom<FormatException>(error);
        }
    }

    private static float Bpm(byte[] bytes, int offset)
    {
        var raw = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset));
        return raw == 0 ? float.NaN : raw / 4f;
    }

    private static double NonLost(ReadOnlySpan<float> values)
    {
        var count = 0;
        foreach (var v in values)
        {
            count += float.IsNaN(v) ? 0 : 1;
        }

        return values.IsEmpty ? 0 : (double)count / values.Length;
    }
}
