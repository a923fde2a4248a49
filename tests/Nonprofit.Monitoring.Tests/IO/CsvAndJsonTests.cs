using System.Text;
using System.Text.Json;
using CsCheck;

namespace Nonprofit.Monitoring.Tests.IO;

public sealed class CsvAndJsonTests
{
    internal static CtgRecording Sample() => new(
        [140.25f, float.NaN, 139.5f, 120f],
        secondFetalHeartRate: [float.NaN, float.NaN, 139.75f, 121f],
        maternalHeartRate: [85f, 86.25f, float.NaN, 84f],
        uterineActivity: [10f, 0f, 55.5f, 12.5f],
        quality: [SignalQuality.Good, SignalQuality.Lost, SignalQuality.Poor, SignalQuality.Unknown]);

    [Fact]
    public void WriteCsv_Sample_ExactText()
    {
        using var stream = new MemoryStream();
        CtgWriter.WriteCsv(Sample(), stream);

        Assert.Equal(
            "time_s,fhr_bpm,fhr2_bpm,mhr_bpm,ua,quality\n0,140.25,,85,10,good\n0.25,,,86.25,0,lost\n0.5,139.5,139.75,,55.5,poor\n0.75,120,121,84,12.5,unknown\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task CsvRoundTrip_Sample_SameChannels()
    {
        using var stream = new MemoryStream();
        await CtgWriter.WriteCsvAsync(Sample(), stream);
        stream.Position = 0;

        var read = await CtgReader.ReadCsvAsync(stream);

        AssertSame(Sample(), read);
    }

    [Fact]
    public void CsvRoundTrip_RandomRecordings_Identical()
    {
        var value = Gen.Float[0f, 300f].Select(v => MathF.Round(v * 4) / 4);
        var channel = Gen.OneOf(value, Gen.Const(float.NaN));
        Gen.Int[1, 50].SelectMany(n => Gen.Select(
                channel.Array[n], channel.Array[n], channel.Array[n], Gen.Float[0f, 127.5f].Array[n], Gen.Int[0, 7]))
            .Sample(t =>
            {
                var (fhr, fhr2, mhr, ua, present) = t;
                var original = new CtgRecording(
                    fhr, 4, (present & 1) != 0 ? fhr2 : null, (present & 2) != 0 ? mhr : null, (present & 4) != 0 ? ua : null);
                using var stream = new MemoryStream();
                CtgWriter.WriteCsv(original, stream);
                stream.Position = 0;
                AssertSame(original, CtgReader.ReadCsv(stream));
            }, iter: 200);
    }

    [Fact]
    public void ReadCsv_OnlyFhrColumn_QualityDerived()
    {
        var recording = CtgReader.ReadCsv(Utf8("fhr_bpm\n140\n\n141.5\n"));

        Assert.Equal([140f, float.NaN, 141.5f], recording.FetalHeartRate.ToArray());
        Assert.Equal([SignalQuality.Unknown, SignalQuality.Lost, SignalQuality.Unknown], recording.Quality.ToArray());
        Assert.False(recording.HasUterineActivity);
    }

    [Theory]
    [InlineData("time_s,fhr_bpm\n0,140\n0.25,secret-140\n", 3, 26, "fhr_bpm")]
    [InlineData("time_s,fhr_bpm\n0,140\n0.25\n", 3, 21, "fields")]
    [InlineData("time_s,fhr_bpm\n0,140\n0.5,141\n", 3, 21, "time_s")]
    [InlineData("time_s,fhr_b\n0,140\n", 1, 0, "fhr_bpm")]
    [InlineData("fhr_bpm,fhr_bpm\n140,140\n", 1, 8, "twice")]
    [InlineData("fhr_bpm,quality\n140,lost\n", 2, 20, "quality")]
    [InlineData("fhr_bpm\n140\n141", 3, 15, "newline")]
    [InlineData("fhr_bpm\n", 1, 8, "no samples")]
    [InlineData("fhr_bpm\nInfinity\n", 2, 8, "fhr_bpm")]
    public void ReadCsv_Malformed_LineOffsetAndFieldButNoValue(string csv, int line, long offset, string mentions)
    {
        var error = Assert.Throws<CtgFormatException>(() => CtgReader.ReadCsv(Utf8(csv)));

        Assert.Equal(line, error.LineNumber);
        Assert.Equal(offset, error.ByteOffset);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("140", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_TruncatedAtEveryByte_FormatExceptionOrTheCompleteLinesOnly()
    {
        using var written = new MemoryStream();
        CtgWriter.WriteCsv(Sample(), written);
        var bytes = written.ToArray();
        var full = Sample();
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            using var stream = new MemoryStream(bytes, 0, cut);
            var lines = bytes.AsSpan(0, cut).Count((byte)'\n');
            if (cut > 0 && bytes[cut - 1] == (byte)'\n' && lines > 1)
            {
                // No length field: a cut after a line is a shorter recording, whole lines only.
                var shorter = CtgReader.ReadCsv(stream);
                Assert.Equal(lines - 1, shorter.Length);
                Assert.Equal(full.FetalHeartRate[..shorter.Length].ToArray(), shorter.FetalHeartRate.ToArray());
                continue;
            }

            var error = Assert.Throws<CtgFormatException>(() => CtgReader.ReadCsv(stream));
            Assert.InRange(error.ByteOffset, 0, cut);
        }
    }

    [Fact]
    public void WriteJson_Sample_ChannelsNullsAndQuality()
    {
        using var stream = new MemoryStream();
        CtgWriter.WriteJson(Sample(), stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(4.0, root.GetProperty("sampleRateHz").GetDouble());
        Assert.Equal(4, root.GetProperty("length").GetInt32());
        Assert.False(root.TryGetProperty("startTime", out _));
        Assert.Equal(140.25, root.GetProperty("fhrBpm")[0].GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("fhrBpm")[1].ValueKind);
        Assert.Equal(139.75, root.GetProperty("fhr2Bpm")[2].GetDouble());
        Assert.Equal(86.25, root.GetProperty("mhrBpm")[1].GetDouble());
        Assert.Equal(55.5, root.GetProperty("ua")[2].GetDouble());
        Assert.Equal(["good", "lost", "poor", "unknown"], root.GetProperty("quality").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task WriteJsonAsync_OnlyFhrWithStartTime_AbsentChannelsLeftOut()
    {
        var start = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using var stream = new MemoryStream();
        await CtgWriter.WriteJsonAsync(new CtgRecording([150f], startTime: start), stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(start, json.RootElement.GetProperty("startTime").GetDateTimeOffset());
        Assert.False(json.RootElement.TryGetProperty("fhr2Bpm", out _));
        Assert.False(json.RootElement.TryGetProperty("mhrBpm", out _));
        Assert.False(json.RootElement.TryGetProperty("ua", out _));
    }

    [Fact]
    public async Task WriteAsync_Path_CsvReadsBackAndNoTemporaryFileLeft()
    {
        var dir = Directory.CreateTempSubdirectory("ctg");
        try
        {
            var path = Path.Combine(dir.FullName, "recording.csv");
            await CtgWriter.WriteAsync(Sample(), path);
            await CtgWriter.WriteAsync(Sample(), Path.Combine(dir.FullName, "recording.json"));

            AssertSame(Sample(), await CtgReader.ReadAsync(path));
            Assert.Equal(["recording.csv", "recording.json"], dir.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
            await Assert.ThrowsAsync<ArgumentException>(() => CtgWriter.WriteAsync(Sample(), Path.Combine(dir.FullName, "x.txt")));
            Assert.Equal(2, dir.GetFiles().Length);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    internal static void AssertSame(CtgRecording expected, CtgRecording actual)
    {
        Assert.Equal(expected.SampleRateHz, actual.SampleRateHz);
        Assert.Equal(expected.FetalHeartRate.ToArray(), actual.FetalHeartRate.ToArray());
        Assert.Equal(expected.HasSecondFetalHeartRate, actual.HasSecondFetalHeartRate);
        Assert.Equal(expected.SecondFetalHeartRate.ToArray(), actual.SecondFetalHeartRate.ToArray());
        Assert.Equal(expected.HasMaternalHeartRate, actual.HasMaternalHeartRate);
        Assert.Equal(expected.MaternalHeartRate.ToArray(), actual.MaternalHeartRate.ToArray());
        Assert.Equal(expected.HasUterineActivity, actual.HasUterineActivity);
        Assert.Equal(expected.UterineActivity.ToArray(), actual.UterineActivity.ToArray());
        Assert.Equal(expected.Quality.ToArray(), actual.Quality.ToArray());
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
