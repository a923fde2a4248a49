using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;

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
        var file = new Argument<string>("FILE.wav") { Description = "Doppler audio: WAV, PCM 16-bit or 32-bit float, mono or multi-channel (mixed down), at least 1 kHz." };
        var series = new Option<string?>("--series")
        {
            Description = "Also write the 4 Hz series as CSV: " + SeriesHeader + " (fhr_bpm empty where no rate was found; confidence 0-1). Without it, only the summary is printed.",
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

    public static Task<int> RunAsync(CliConsole console, string path, string? seriesPath, CancellationToken cancellationToken)
    {
        CtgCommand.CheckPaths(path, "FILE.wav", (seriesPath, "--series"));
        _ = console;
        _ = cancellationToken;
        throw new CliException(ExitCodes.InternalError, "ctg doppler is not available yet.");
    }
}
