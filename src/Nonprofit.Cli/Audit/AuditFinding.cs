using Microsoft.CodeAnalysis;

namespace Nonprofit.Cli.Audit;

/// <summary>One finding: where (relative path, 1-based line and column), which rule, how severe, and the rule's message (names, never values).</summary>
internal sealed record AuditFinding(string File, int Line, int Column, int EndLine, int EndColumn, string RuleId, ReportDiagnostic Severity, string Message)
{
    public string Level => Severity switch
    {
        ReportDiagnostic.Error => "error",
        ReportDiagnostic.Warn => "warning",
        _ => "note",
    };

    /// <summary>The text line: <c>file(line,col): NP1xxx: message</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File}({Line},{Column}): {RuleId}: {Message}");
}
