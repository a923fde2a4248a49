using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Nonprofit.Analyzers.Core;

namespace Nonprofit.Analyzers.Exceptions;

/// <summary>NP1002: personal data passed to an exception's constructor (its message, or data the message is built from).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ExceptionMessageAnalyzer : PrivacyAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rules.ExceptionMessage];

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisScope scope) =>
        scope.RegisterCalls(
            context,
            (typeName, _) => typeName.EndsWith("Exception", StringComparison.Ordinal),
            (call, c) => Analyze(call, c, scope),
            creations: true,
            invocations: false);

    private static void Analyze(Call call, OperationAnalysisContext context, AnalysisScope scope)
    {
        if (call.Arguments.Count == 0)
        {
            return;
        }

        var isException = call.Method is { } constructor
            ? KnownTypes.IsOrInherits(constructor.ContainingType, scope.Types.Exception) || KnownTypes.InheritsByName(constructor.ContainingType, "Exception")
            : call.Name.EndsWith("Exception", StringComparison.Ordinal);
        if (!isException)
        {
            return;
        }

        var finder = scope.Finder(context.Operation.SemanticModel!, context.CancellationToken);
        foreach (var argument in call.Arguments)
        {
            // paramName is a name (nameof), innerException carries its own message.
            if (argument.ParameterName is "paramName" or "innerException" or "inner")
            {
                continue;
            }

            if (finder.Find(argument.Expression, argument.Value) is { } personal)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.ExceptionMessage, personal.Origin.GetLocation(), personal.Name, call.Name));
            }
        }
    }
}
