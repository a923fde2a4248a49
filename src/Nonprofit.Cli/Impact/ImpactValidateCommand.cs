using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Impact;

namespace Nonprofit.Cli.Impact;

/// <summary>
/// <c>nonprofit impact validate FRAMEWORK.json</c>: exit 0 with <c>valid: N results, M indicators</c> on stdout
/// when the framework is valid; exit 1 with one <c>PATH: message</c> line per error on stdout when it is invalid or
/// malformed JSON (the message then names the line and byte); exit 2 when the file is missing.
/// </summary>
internal static class ImpactValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FRAMEWORK.json") { Description = "The results framework to check (JSON)." };
        var command = new Command(
            "validate",
            "Check a results framework file. Valid: exit 0 and 'valid: N results, M indicators' on stdout. " +
            "Invalid or malformed JSON: exit 1 and one 'PATH: message' line per error on stdout (such as " +
            "'results[2].indicators[0].baseline.year: ...'; malformed JSON names the line and byte; '$' is the whole " +
            "document), and a count on stderr. Missing or unreadable file: exit 2. Messages name paths, never values.")
        {
            file,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(console, parseResult.GetValue(file)!, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, string path, CancellationToken cancellationToken)
    {
        ImpactFiles.RequireFile(path, "FRAMEWORK.json");
        ResultsFramework framework;
        try
        {
            framework = await ImpactFiles.ReadFrameworkAsync(path, "FRAMEWORK.json", cancellationToken).ConfigureAwait(false);
        }
        catch (FrameworkValidationException ex)
        {
            IReadOnlyList<FrameworkError> errors = ex.Errors.Count > 0 ? ex.Errors : [new FrameworkError("", ex.Message)];
            foreach (var error in errors)
            {
                await console.Out.WriteLineAsync(ImpactFiles.Format(error)).ConfigureAwait(false);
            }

            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{path}: invalid: {errors.Count} error(s).")).ConfigureAwait(false);
            return ExitCodes.Findings;
        }

        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"valid: {framework.Results.Count} results, {framework.EnumerateIndicators().Count()} indicators")).ConfigureAwait(false);
        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
