using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Nonprofit.Analyzers;

/// <summary>Every NP1xxx analyzer, for hosts that run them without a build (<c>nonprofit audit</c>).</summary>
internal static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Create() =>
    [
        new Logging.LogAnalyzer(),
        new Exceptions.ExceptionMessageAnalyzer(),
        new Chat.ChatClientAnalyzer(),
        new Serialization.SerializationAnalyzer(),
        new Printing.ToStringAnalyzer(),
        new Urls.UrlAnalyzer(),
        new Logging.RedactionNotEnabledAnalyzer(),
    ];
}
