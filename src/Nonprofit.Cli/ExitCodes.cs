namespace Nonprofit.Cli;

/// <summary>
/// The process exit codes of every <c>nonprofit</c> command. They are part of the CLI contract that CI
/// pipelines read, so they never change meaning.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command ran and, where asked to fail on findings, found none.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and found what it was asked to fail on (for example <c>--fail-on-pii</c>).</summary>
    public const int Findings = 1;

    /// <summary>The command line or the input was invalid; the error names the option, line or byte.</summary>
    public const int BadInput = 2;

    /// <summary>The tool failed for a reason that is not the caller's input: a bug to report.</summary>
    public const int InternalError = 3;
}
