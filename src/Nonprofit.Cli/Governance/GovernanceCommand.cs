using System;
using System.Collections.Generic;
using System.CommandLine;

namespace Nonprofit.Cli.Governance;

/// <summary>
/// The <c>nonprofit governance</c> command group: solve and explain an allocation, audit a decision log for bias,
/// verify a tamper-evident decision chain.
/// </summary>
internal static class GovernanceCommand
{
    private static readonly IReadOnlyList<Func<CliConsole, Command>> s_subcommands =
    [
        GovernanceAllocateCommand.Create,
        GovernanceAuditCommand.Create,
        GovernanceVerifyCommand.Create,
    ];

    public static Command Create(CliConsole console)
    {
        var command = new Command(
            "governance",
            "Allocate funds and services exactly and explain why, audit decisions for bias (Fairlearn's metrics with bootstrap intervals), and verify the hash-chained decision log.");
        foreach (var subcommand in s_subcommands)
        {
            command.Subcommands.Add(subcommand(console));
        }

        return command;
    }
}
