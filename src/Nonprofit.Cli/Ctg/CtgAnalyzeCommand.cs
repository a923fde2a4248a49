using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Cli.Impact;
using Nonprofit.Monitoring;

namespace Nonprofit.Cli.Ctg;

/// <summary>
/// <c>nonprofit ctg analyze FILE [--plot OUT.png] [--series OUT.csv]</c>: one JSON object on stdout,
/// <c>{"samples","signal_loss_pct","baseline_bpm","stv_ms","ltv_bpm","accelerations":[{"start_s","end_s"}],
/// "decelerations":[{"start_s","end_s","type"}],"figo":{"category","reasons"}}</c> (a contract other tools read: names
/// and order never change); the per-sample series and the chart go to files.
/// </summary>
internal static class CtgAnalyzeCommand
{
    /// <summary>The header of the <c>--series</c> CSV (a contract).</summary>
    public const string SeriesHeader = "time_s,fhr_bpm,baseline_bpm,false_signal_p";

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "The recording: FHRMA .fhr or .fhrm, PhysioNet WFDB .hea (format-16 .dat beside it) or CSV (time_s,fhr_bpm[,fhr2_bpm][,mhr_bpm][,ua],quality at 4 Hz).",
        };
        var plot = new Option<string?>("--plot")
        {
            Description = "Also write the CTG chart as a PNG (FHR 50-210 bpm with the 110-160 band, baseline, events, TOCO below, minutes).",
            HelpName = "OUT.png",
        };
        var series = new Option<string?>("--series")
        {
            Description = "Also write the per-sample series as CSV: " + SeriesHeader + " (one row per sample; an empty field where the value is missing).",
            HelpName = "OUT.csv",
        };
        var command = new Command(
            "analyze",
            "Analyse a CTG recording and print one JSON object: " +
            "{\"samples\":N,\"signal_loss_pct\":x,\"baseline_bpm\":x,\"stv_ms\":x,\"ltv_bpm\":x,\"accelerations\":[{\"start_s\":a,\"end_s\":b}]," +
            "\"decelerations\":[{\"start_s\":a,\"end_s\":b,\"type\":\"late\"}],\"figo\":{\"category\":\"normal\",\"reasons\":[\"...\"]}}. " +
            "type is early, late, variable or prolonged, and null when it cannot be classified (a gradual deceleration with no " +
            "uterine activity recorded around it). category is normal, suspicious or pathological. Numbers use a dot and are " +
            "rounded: percentages and stv_ms to 2 decimals, bpm to 1, times (seconds from the start) to 2; a value that cannot " +
            "be computed (no valid sample) is null. Exit 0 when analysed; exit 2 when a file is missing, cannot be written, or " +
            "the recording is corrupt or truncated (the message names the byte or line, never a value).")
        {
            file,
            plot,
            series,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console, parseResult.GetValue(file)!, parseResult.GetValue(plot), parseResult.GetValue(series), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, string path, string? plotPath, string? seriesPath, CancellationToken cancellationToken)
    {
        CtgCommand.CheckPaths(path, "FILE", (plotPath, "--plot"), (seriesPath, "--series"));
        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is not (".FHR" or ".FHRM" or ".HEA" or ".CSV"))
        {
            throw new CliException(ExitCodes.BadInput, $"FILE: {path}: the extension must be .fhr, .fhrm, .hea or .csv.");
        }

        CtgRecording recording;
        try
        {
            recording = await CtgReader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CtgFormatException or IOException or UnauthorizedAccessException)
        {
            throw CtgCommand.BadFile(path, ex);
        }

        var assessment = new CtgAssessor().Assess(recording, cancellationToken);
        var analysis = assessment.Analysis;
        var fs = analysis.SampleRateHz;
        if (plotPath is not null)
        {
            await ImpactFiles.WriteFileAsync(plotPath, "--plot", (stream, _) =>
            {
                CtgChart.Render(recording, assessment.ToChartOverlay(), stream);
                return Task.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
        }

        if (seriesPath is not null)
        {
            var fhr = analysis.Preprocessed.FetalHeartRate;
            var baseline = analysis.Baseline;
            var falseSignal = assessment.FalseSignalProbability;
            await CtgCommand.WriteCsvAsync(seriesPath, "--series", SeriesHeader, analysis.Length, i => string.Join(
                ',',
                CtgCommand.Field(i / fs, 2),
                CtgCommand.Field(analysis.Preprocessed.IsMeasured(i) ? fhr.Span[i] : double.NaN, 2),
                CtgCommand.Field(baseline.Span[i], 2),
                CtgCommand.Field(falseSignal.IsEmpty ? double.NaN : falseSignal.Span[i], 3)), cancellationToken).ConfigureAwait(false);
        }

        await CtgCommand.WriteJsonAsync(console, json => CtgAssessmentJson.WriteProperties(json, assessment), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
