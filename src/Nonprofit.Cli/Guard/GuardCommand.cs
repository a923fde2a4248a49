using System.CommandLine;

namespace Nonprofit.Cli.Guard;

/// <summary>The <c>nonprofit guard</c> command group: run the conversation guards' detectors on texts.</summary>
internal static class GuardCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("guard", "Check texts with the conversation guards' detectors (crisis, prompt injection, scope, language, output safety).");
        command.Subcommands.Add(GuardCheckCommand.Create(console));
        return command;
    }
}
