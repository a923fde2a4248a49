using System.Globalization;
using System.Text.Json;
using Nonprofit.Monitoring;
using Nonprofit.Monitoring.Simulation;
using Nonprofit.Monitoring.Tests;
using Nonprofit.Monitoring.Tests.Synthetic;

namespace Nonprofit.Cli.Tests.Ctg;

/// <summary><c>nonprofit ctg analyze</c> and <c>nonprofit ctg doppler</c> end to end, through the CLI's entry point.</summary>
public sealed class CtgCommandTests : IDisposable
{
    private static readonly string[] s_analyzeKeys = ["samples", "signal_loss_pct", "baseline_bpm", "stv_ms", "ltv_bpm", "accelerations", "decelerations", "figo"];
    private static readonly string?[] s_types = ["early", "late", "variable", "prolonged", null];
    private static readonly string[] s_categories = ["normal", "suspicious", "pathological"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Train01 => Path.Combine(SharedData.Fhrma, "FHRMAdataset", "traindata", "train01.fhr");

    [Fact]
    public async Task Analyze_FhrmaTrainFile_PrintsTheContractObject()
    {
        var result = await CliRunner.InvokeAsync("", "ctg", "analyze", Train01);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Single(result.Out.TrimEnd().Split('\n'));
        using var json = JsonDocument.Parse(result.Out);
        var root = CheckContract(json.RootElement);
        Assert.Equal(CtgReader.Read(Train01).Length, root.GetProperty("samples").GetInt32());
        Assert.InRange(root.GetProperty("baseline_bpm").GetDouble(), 100, 190);
        Assert.InRange(root.GetProperty("stv_ms").GetDouble(), 0.5, 40);
        Assert.InRange(root.GetProperty("ltv_bpm").GetDouble(), 1, 60);
        Assert.InRange(root.GetProperty("signal_loss_pct").GetDouble(), 0, 100);
        Assert.NotEqual(0, root.GetProperty("decelerations").GetArrayLength());
        Assert.NotEqual(0, root.GetProperty("figo").GetProperty("reasons").GetArrayLength());
    }

    [Fact]
    public async Task Analyze_SyntheticCsv_BaselineEventsSeriesAndPlot()
    {
        var ctg = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = 5, DurationMinutes = 40, BaselineBpm = 135 });
        var csv = _folder.File("synthetic.csv");
        await CtgWriter.WriteAsync(ctg.Recording, csv);
        var series = _folder.File("series.csv");
        var plot = _folder.File("chart.png");

        var result = await CliRunner.InvokeAsync("", "ctg", "analyze", csv, "--series", series, "--plot", plot);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = CheckContract(json.RootElement);
        Assert.Equal(ctg.Recording.Length, root.GetProperty("samples").GetInt32());
        Assert.InRange(root.GetProperty("baseline_bpm").GetDouble(), 130, 140);
        Assert.InRange(root.GetProperty("signal_loss_pct").GetDouble(), 2, 10);
        var accelerations = ctg.Events.Count(e => e.Kind == SyntheticEventKind.Acceleration);
        Assert.InRange(root.GetProperty("accelerations").GetArrayLength(), Math.Max(1, accelerations / 2), accelerations * 2);
        Assert.NotEqual(0, root.GetProperty("decelerations").GetArrayLength());

        var lines = await File.ReadAllLinesAsync(series);
        Assert.Equal("time_s,fhr_bpm,baseline_bpm,false_signal_p", lines[0]);
        Assert.Equal(ctg.Recording.Length, lines.Length - 1);
        Assert.Equal("0.25", lines[2].Split(',')[0]);
        Assert.All(lines.Skip(1), line =>
        {
            var fields = line.Split(',');
            Assert.Equal(4, fields.Length);
            Assert.True(double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            Assert.InRange(double.Parse(fields[3], CultureInfo.InvariantCulture), 0, 1);
        });
        Assert.Contains(lines.Skip(1), line => line.Split(',')[1].Length == 0);

        var png = await File.ReadAllBytesAsync(plot);
        Assert.True(png.Length > 1000);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Empty(Directory.GetFiles(_folder.Path, ".*.tmp"));
    }

    [Fact]
    public async Task Analyze_TruncatedFile_ExitsTwoNamingTheByte_AndWritesNothing()
    {
        var bytes = await File.ReadAllBytesAsync(Train01);
        var truncated = _folder.File("cut.fhr");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length - 3)]);
        var series = _folder.Write("series.csv", "keep");

        var result = await CliRunner.InvokeAsync("", "ctg", "analyze", truncated, "--series", series);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("byte", result.Error, StringComparison.Ordinal);
        Assert.Contains(truncated, result.Error, StringComparison.Ordinal);
        Assert.Equal("keep", await File.ReadAllTextAsync(series));
    }

    [Fact]
    public async Task Analyze_CsvCutMidLine_ExitsTwo()
    {
        var csv = _folder.File("cut.csv");
        await CtgWriter.WriteAsync(SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = 1, DurationMinutes = 5 }).Recording, csv);
        var text = await File.ReadAllTextAsync(csv);
        await File.WriteAllTextAsync(csv, text[..(text.Length - 4)]);

        var result = await CliRunner.InvokeAsync("", "ctg", "analyze", csv);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Matches("(line|byte)", result.Error);
    }

    [Theory]
    [InlineData("missing.fhr", null)]
    [InlineData("recording.txt", null)]
    [InlineData("recording.csv", "no-such-folder/out.csv")]
    public async Task Analyze_BadPaths_ExitTwo(string input, string? series)
    {
        var path = input == "missing.fhr" ? _folder.File(input) : _folder.Write(input, "time_s,fhr_bpm,quality\n");
        string[] args = series is null ? ["ctg", "analyze", path] : ["ctg", "analyze", path, "--series", _folder.File(series)];

        var result = await CliRunner.InvokeAsync("", args);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public async Task Analyze_Help_SaysWhatAnUnclassifiedTypeIs()
    {
        var result = await CliRunner.InvokeAsync("", "ctg", "analyze", "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("null when it cannot be classified", result.Out, StringComparison.Ordinal);
        Assert.Contains("time_s,fhr_bpm,baseline_bpm,false_signal_p", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doppler_SyntheticWavAtKnownRate_MeanWithinFiveBpm_SeriesAt4Hz()
    {
        var doppler = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions
        {
            Seed = 11,
            DurationSeconds = 60,
            BaselineBpm = 150,
            AccelerationsPerHour = 0,
            DecelerationsPerHour = 0,
        });
        var wav = _folder.File("doppler.wav");
        WavWriter.Write(wav, doppler.Audio.Span, doppler.SampleRateHz);
        var series = _folder.File("rate.csv");

        var result = await CliRunner.InvokeAsync("", "ctg", "doppler", wav, "--series", series);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(["samples", "mean_fhr_bpm", "valid_pct"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var samples = json.RootElement.GetProperty("samples").GetInt32();
        Assert.InRange(samples, (60 * 4) - 4, (60 * 4) + 4);
        Assert.InRange(json.RootElement.GetProperty("mean_fhr_bpm").GetDouble(), 145, 155);
        Assert.InRange(json.RootElement.GetProperty("valid_pct").GetDouble(), 50, 100);

        var lines = await File.ReadAllLinesAsync(series);
        Assert.Equal("time_s,fhr_bpm,confidence", lines[0]);
        Assert.Equal(samples, lines.Length - 1);
    }

    [Fact]
    public async Task Doppler_TruncatedOrMissingWav_ExitsTwo()
    {
        var doppler = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { Seed = 2, DurationSeconds = 10 });
        var wav = _folder.File("cut.wav");
        WavWriter.Write(wav, doppler.Audio.Span, doppler.SampleRateHz);
        var bytes = await File.ReadAllBytesAsync(wav);
        await File.WriteAllBytesAsync(wav, bytes[..(bytes.Length - 1001)]);

        var truncated = await CliRunner.InvokeAsync("", "ctg", "doppler", wav);
        var missing = await CliRunner.InvokeAsync("", "ctg", "doppler", _folder.File("none.wav"));

        Assert.Equal(ExitCodes.BadInput, truncated.ExitCode);
        Assert.Contains("byte", truncated.Error, StringComparison.Ordinal);
        Assert.Empty(truncated.Out);
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
    }

    [Fact]
    public async Task Analyze_RealProcess_SameJsonAsInProcess()
    {
        var inProcess = await CliRunner.InvokeAsync("", "ctg", "analyze", Train01);
        var process = await CliRunner.RunProcessAsync("ctg", "analyze", Train01);

        Assert.Equal(ExitCodes.Ok, process.ExitCode);
        Assert.Equal(inProcess.Out.TrimEnd(), process.Out.TrimEnd());
    }

    /// <summary>Checks the exact key set and order of the analyze contract, recursively, and returns the root.</summary>
    private static JsonElement CheckContract(JsonElement root)
    {
        Assert.Equal(s_analyzeKeys, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, root.GetProperty("samples").ValueKind);
        foreach (var acceleration in root.GetProperty("accelerations").EnumerateArray())
        {
            Assert.Equal(["start_s", "end_s"], acceleration.EnumerateObject().Select(p => p.Name));
            Assert.True(acceleration.GetProperty("end_s").GetDouble() > acceleration.GetProperty("start_s").GetDouble());
        }

        foreach (var deceleration in root.GetProperty("decelerations").EnumerateArray())
        {
            Assert.Equal(["start_s", "end_s", "type"], deceleration.EnumerateObject().Select(p => p.Name));
            var type = deceleration.GetProperty("type");
            Assert.Contains(type.ValueKind == JsonValueKind.Null ? null : type.GetString(), s_types);
        }

        var figo = root.GetProperty("figo");
        Assert.Equal(["category", "reasons"], figo.EnumerateObject().Select(p => p.Name));
        Assert.Contains(figo.GetProperty("category").GetString(), s_categories);
        Assert.All(figo.GetProperty("reasons").EnumerateArray(), r => Assert.Equal(JsonValueKind.String, r.ValueKind));
        return root;
    }
}
