using System;
using System.Collections.Generic;
using System.CommandLine;

namespace Nonprofit.Cli.Impact;

/// <summary>
/// The <c>nonprofit impact</c> command group: check a results framework, export it in a funder's or platform's
/// format (with actuals from an impact store if asked), and import one from an IATI activity file.
/// </summary>
internal static class ImpactCommand
{
    /// <summary>
    /// The subcommands, in the order <c>--help</c> lists them. A new subcommand (such as <c>impact report</c>)
    /// adds its factory here.
    /// </summary>
    private static readonly IReadOnlyList<Func<CliConsole, Command>> s_subcommands =
    [
        ImpactValidateCommand.Create,
        ImpactExportCommand.Create,
        ImpactImportIatiCommand.Create,
        ImpactReportCommand.Create,
    ];

    public static Command Create(CliConsole console)
    {
        var command = new Command(
            "impact",
            "Check results frameworks (results, indicators, baselines, targets, actuals), export them as IATI 2.03 XML, DHIS2 dataValueSets JSON, CSV or HXL, and import them from IATI XML.");
        foreach (var subcommand in s_subcommands)
        {
            command.Subcommands.Add(subcommand(console));
        }

        return command;
    }
}
