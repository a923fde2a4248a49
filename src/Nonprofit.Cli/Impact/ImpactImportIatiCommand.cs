using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Impact;
using Nonprofit.Impact.Iati;

namespace Nonprofit.Cli.Impact;

/// <summary>
/// <c>nonprofit impact import-iati FILE.xml --out FRAMEWORK.json</c>: reads the results of an IATI 2.0x activity
/// file into a results framework and writes its JSON; malformed XML is exit 2 naming the line.
/// </summary>
internal static class ImpactImportIatiCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE.xml") { Description = "The IATI activity file (iati-activities, version 2.0x)." };
        var output = new Option<string>("--out")
        {
            Description = "The results framework file to write (JSON; replaced only once the import has succeeded).",
            HelpName = "FRAMEWORK.json",
            Required = true,
        };
        var command = new Command(
            "import-iati",
            "Read the activities, results, indicators, baselines, periods, targets and actuals of an IATI activity file into a " +
            "results framework JSON file. Indicators get ids from their position (r2.i1: second result, first indicator). " +
            "Exit 0 and 'imported: A activities, R results, I indicators' on stdout; exit 2 when the file is missing or " +
            "malformed (the message names the line) or holds results the framework cannot carry.")
        {
            file,
            output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console, parseResult.GetValue(file)!, parseResult.GetValue(output)!, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, string path, string outPath, CancellationToken cancellationToken)
    {
        ImpactFiles.RequireFile(path, "FILE.xml");
        ImpactFiles.RequireOutputFolder(outPath, "--out");

        ResultsFramework framework;
        try
        {
            framework = await IatiImporter.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (IatiFormatException ex)
        {
            // The importer's messages name the element and the line, never the document's text.
            throw new CliException(ExitCodes.BadInput, $"FILE.xml: {path}: {ex.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.BadInput, $"FILE.xml: {path}: permission denied.");
        }
        catch (IOException)
        {
            throw new CliException(ExitCodes.BadInput, $"FILE.xml: {path}: cannot be read.");
        }

        await ImpactFiles.WriteOutputAsync(
            console, outPath, (stream, ct) => ResultsFrameworkJson.WriteAsync(framework, stream, ct), cancellationToken).ConfigureAwait(false);

        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"imported: {framework.Activities.Count} activities, {framework.Results.Count} results, {framework.EnumerateIndicators().Count()} indicators")).ConfigureAwait(false);
        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
