using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Monitoring;

namespace Nonprofit.Cli.Ctg;

/// <summary>
/// <c>nonprofit ctg doppler FILE.wav [--series OUT.csv]</c>: <c>{"samples","mean_fhr_bpm","valid_pct"}</c> on stdout
/// (a contract); the 4 Hz series <c>time_s,fhr_bpm,confidence</c> goes to the <c>--series</c> file.
/// </summary>
internal static class CtgDopplerCommand
{
    /// <summary>The header of the <c>--series</c> CSV.</summary>
    public const string SeriesHeader = "time_s,fhr_bpm,confidence";

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE.wav") { Description = "Doppler audio: WAV, PCM 16-bit or 32-bit float, mono or multi-channel (mixed to mono), at least 1 kHz." };
        var series = new Option<string?>("--series")
        {
            Description = "Also write the 4 Hz series as CSV: " + SeriesHeader + " (time_s from the start, 2 decimals; fhr_bpm 2 decimals, empty where no valid rate was found; confidence 0-1, 3 decimals). Without it, only the summary is printed.",
            HelpName = "OUT.csv",
        };
        var command = new Command(
            "doppler",
            "Estimate the fetal heart rate from Doppler audio and print one JSON object: {\"samples\":N,\"mean_fhr_bpm\":x,\"valid_pct\":x} " +
            "(samples: 4 Hz output samples; mean over the valid ones, null when none is valid; bpm rounded to 1 decimal, valid_pct to 2). " +
            "The 4 Hz series goes to --series OUT.csv (time_s,fhr_bpm,confidence), never to stdout. Exit 2 when the file is missing, " +
            "cannot be written, or is not a readable WAV (the message names the byte).")
        {
            file,
            series,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(console, parseResult.GetValue(file)!, parseResult.GetValue(series), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, string path, string? seriesPath, CancellationToken cancellationToken)
    {
        CtgCommand.CheckPaths(path, "FILE.wav", (seriesPath, "--series"));
        WavAudio audio;
        try
        {
            audio = await WavReader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CtgFormatException or IOException or UnauthorizedAccessException)
        {
            throw CtgCommand.BadFile(path, ex);
        }

        var rate = new DopplerHeartRateEstimator().Estimate(audio);
        if (seriesPath is not null)
        {
            var bpm = rate.Bpm;
            var confidence = rate.Confidence;
            await CtgCommand.WriteCsvAsync(seriesPath, "--series", SeriesHeader, rate.Length, i => string.Join(
                ',',
                CtgCommand.Field(i / DopplerHeartRate.SampleRateHz, 2),
                CtgCommand.Field(bpm.Span[i], 2),
                CtgCommand.Field(confidence.Span[i], 3)), cancellationToken).ConfigureAwait(false);
        }

        await CtgCommand.WriteJsonAsync(console, json =>
        {
            json.WriteNumber("samples", rate.Length);
            CtgCommand.WriteNumber(json, "mean_fhr_bpm", rate.MeanBpm, 1);
            CtgCommand.WriteNumber(json, "valid_pct", rate.ValidPercent, 2);
        }, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
