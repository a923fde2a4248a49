using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Cli;

/// <summary>
/// Builds and runs the <c>nonprofit</c> command tree. Each package adds one command group (<c>pii</c>,
/// <c>ctg</c>, <c>guard</c>, <c>impact</c>, <c>audit</c>) by adding a factory to <c>s_commandGroups</c>.
/// </summary>
internal static class NonprofitCli
{
    /// <summary>The name the tool is invoked by.</summary>
    public const string CommandName = "nonprofit";

    /// <summary>
    /// The command groups, one per package, in the order <c>--help</c> lists them. A factory receives the
    /// console the command must use for its input and output.
    /// </summary>
    private static readonly IReadOnlyList<Func<CliConsole, Command>> s_commandGroups =
    [
        Pii.PiiCommand.Create,
        Ctg.CtgCommand.Create,
        Guard.GuardCommand.Create,
        Impact.ImpactCommand.Create,
        Governance.GovernanceCommand.Create,
        Audit.AuditCommand.Create,
    ];

    /// <summary>Creates the root command with every registered command group.</summary>
    /// <param name="console">The streams the commands read and write.</param>
    /// <returns>The root command.</returns>
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand(
            "Nonprofit.Sdk tools: find and redact personal data, analyse fetal heart recordings, check " +
            "conversations with guards, report impact and audit code for data-protection leaks.\n\n" +
            "Exit codes: 0 ok, 1 findings (when asked to fail on them), 2 bad input, 3 internal error.")
        {
            // The same name in help whether the tool runs installed, via dotnet run, or in a test host.
            HelpName = CommandName,
        };

        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
        }

        foreach (var group in s_commandGroups)
        {
            root.Subcommands.Add(group(console));
        }

        // With no command, show the help rather than an error: asking what the tool does is not a mistake.
        root.SetAction(parseResult =>
        {
            var help = new HelpAction();
            return help.Invoke(parseResult);
        });

        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the selected command.
    /// </summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="console">The streams to read and write.</param>
    /// <param name="cancellationToken">Cancels a running command (Ctrl+C in a terminal).</param>
    /// <returns>One of the <see cref="ExitCodes"/>.</returns>
    public static async Task<int> InvokeAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);

        var root = CreateRootCommand(console);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await console.Error.WriteLineAsync($"{CommandName}: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"Run '{CommandName} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await console.Error.WriteLineAsync($"{CommandName}: {ex.Message}").ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"{CommandName}: cancelled.").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
#pragma warning disable CA1031 // The tool's last line of defence: every failure becomes exit code 3.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Only the exception type is printed: a message could quote the data being processed.
            await console.Error.WriteLineAsync(
                $"{CommandName}: internal error ({ex.GetType().FullName}). This is a bug in the tool; " +
                "please report it with the command you ran, without your data.").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }
}
