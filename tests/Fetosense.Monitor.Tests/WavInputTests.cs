using Microsoft.Extensions.Time.Testing;
using Nonprofit.Monitoring;
using Nonprofit.Monitoring.Simulation;

namespace Fetosense.Monitor.Tests;

public sealed class WavInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fetosense-wav-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Wav_GivesTheHeartRateOfTheAudio()
    {
        // Two minutes at 132 bpm from the SDK's generator, written as a 16-bit WAV as a handheld Doppler would record it.
        var rate = new float[480];
        Array.Fill(rate, 132f);
        var audio = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { Seed = 3, DurationSeconds = 120, FetalHeartRateBpm = rate, DropoutsPerHour = 0 });
        var wav = Path.Combine(_dir, "doppler.wav");
        WavWriter.Write(wav, audio.Audio.Span, audio.SampleRateHz);
        var report = Path.Combine(_dir, "report");

        var code = await App.RunAsync(["--wav", wav, "--speed", "0", "--data", _dir, "--out", report], new StringWriter(), new StringWriter(), new FakeTimeProvider(), null, CancellationToken.None);

        Assert.Equal(0, code);
        var json = await File.ReadAllTextAsync(Path.Combine(report, "analysis.json"));
        Assert.StartsWith("{\"samples\":480,", json, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.InRange(doc.RootElement.GetProperty("baseline_bpm").GetDouble(), 130, 134);
    }

    [Fact]
    public async Task CorruptInput_ExitTwo_NoValueInTheMessage()
    {
        var wav = Path.Combine(_dir, "bad.wav");
        await File.WriteAllBytesAsync(wav, [(byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3]);
        var error = new StringWriter();
        Assert.Equal(2, await App.RunAsync(["--wav", wav, "--speed", "0", "--data", _dir], new StringWriter(), error, new FakeTimeProvider(), null, CancellationToken.None));
        Assert.StartsWith("Cannot read the input:", error.ToString(), StringComparison.Ordinal);
    }
}
