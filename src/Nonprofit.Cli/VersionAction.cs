using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Nonprofit.Cli;

/// <summary>
/// Prints the tool's own version. System.CommandLine's default prints the entry assembly's version, which
/// is a test host's when the tool runs in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>Gets the tool's version: the informational version MinVer derives from git tags.</summary>
    public static string Version { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Ok;
    }
}
