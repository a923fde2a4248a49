using System;

namespace Nonprofit.Cli;

/// <summary>
/// A failure a command reports to the user with an exit code: bad input (2) names the option, line or byte.
/// Its message must never quote the personal data being processed.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = ExitCodes.BadInput;
}
