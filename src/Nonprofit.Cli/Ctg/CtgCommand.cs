using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Cli.Impact;
using Nonprofit.Monitoring;

namespace Nonprofit.Cli.Ctg;

/// <summary>
/// The <c>nonprofit ctg</c> command group: analyse a cardiotocography recording (baseline, variability, accelerations,
/// decelerations, FIGO 2015 category) and turn Doppler audio into a fetal heart rate. One JSON object on stdout; series
/// and charts go to files, written atomically.
/// </summary>
internal static class CtgCommand
{
    private static readonly IReadOnlyList<Func<CliConsole, Command>> s_subcommands =
    [
        CtgAnalyzeCommand.Create,
        CtgDopplerCommand.Create,
    ];

    public static Command Create(CliConsole console)
    {
        var command = new Command(
            "ctg",
            "Analyse fetal heart rate recordings (CTG: baseline, variability, accelerations, decelerations, FIGO 2015 category) and estimate the fetal heart rate from Doppler audio.");
        foreach (var subcommand in s_subcommands)
        {
            command.Subcommands.Add(subcommand(console));
        }

        return command;
    }

    /// <summary>Rounds <paramref name="value"/> to <paramref name="decimals"/> and writes it, or null when it is not finite.</summary>
    public static void WriteNumber(Utf8JsonWriter json, string name, double value, int decimals)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, Math.Round(value, decimals, MidpointRounding.AwayFromZero));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Formats a CSV field: rounded, invariant, empty when not finite.</summary>
    public static string Field(double value, int decimals) =>
        double.IsFinite(value) ? Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>Checks the input file and every output's folder before any work.</summary>
    public static void CheckPaths(string input, string inputName, params (string? Path, string Option)[] outputs)
    {
        ImpactFiles.RequireFile(input, inputName);
        foreach (var (path, option) in outputs)
        {
            if (path is not null)
            {
                ImpactFiles.RequireOutputFolder(path, option);
            }
        }
    }

    /// <summary>Writes one JSON object (built by <paramref name="build"/>) and a newline to stdout, in one piece.</summary>
    public static async Task WriteJsonAsync(CliConsole console, Action<Utf8JsonWriter> build, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            build(json);
            json.WriteEndObject();
        }

        await console.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a CSV file atomically: the header, then one line per row.</summary>
    public static Task WriteCsvAsync(string path, string option, string header, int rows, Func<int, string> row, CancellationToken cancellationToken) =>
        ImpactFiles.WriteFileAsync(path, option, async (stream, ct) =>
        {
            var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 65536, leaveOpen: true)
            {
                NewLine = "\n",
            };
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteLineAsync(header).ConfigureAwait(false);
                for (var i = 0; i < rows; i++)
                {
                    await writer.WriteLineAsync(row(i)).ConfigureAwait(false);
                }
            }
        }, cancellationToken);

    /// <summary>The input position a reader's error names (never a value), as a bad-input error.</summary>
    public static CliException BadFile(string path, Exception ex) => new(
        ExitCodes.BadInput,
        ex is CtgFormatException or FormatException or ArgumentException
            ? $"{path}: {ex.Message}"
            : $"{path}: cannot be read ({(ex is UnauthorizedAccessException ? "permission denied" : "I/O error")}).");
}
