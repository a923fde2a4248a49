using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Nonprofit.Analyzers.Core;

namespace Nonprofit.Analyzers.Logging;

/// <summary>
/// NP1001: personal data written to a log. Checks every argument of ILogger calls, [LoggerMessage] methods,
/// Console/Debug/Trace writes and configured sinks; and the parameters of [LoggerMessage] methods, whose
/// personal names need a classification attribute so that the generator redacts them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class LogAnalyzer : PrivacyAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rules.Log];

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisScope scope)
    {
        var loggerMessages = scope.Types.LoggerMessageAttribute is not null || scope.Settings.SyntaxFallback;
        var configuredSinks = scope.Settings.HasSinks;
        scope.RegisterCalls(
            context,
            (name, method) => configuredSinks || LogSinks.IsSinkName(name) || (loggerMessages && method is { IsPartialDefinition: true }),
            (call, c) => AnalyzeCall(call, c, scope),
            creations: false);
        context.RegisterSymbolAction(c => AnalyzeLoggerMessageDeclaration(c, scope), SymbolKind.Method);
    }

    private static void AnalyzeCall(Call call, OperationAnalysisContext context, AnalysisScope scope)
    {
        if (call.Arguments.Count == 0)
        {
            return;
        }

        var tree = call.Syntax.SyntaxTree;
        var sink = LogSinks.Describe(call, scope.Types, scope.Settings.SinksFor(tree));
        if (sink is null)
        {
            return;
        }

        var loggerMessage = call.Method is { } method && LogSinks.IsLoggerMessage(method);
        var finder = scope.Finder(context.Operation.SemanticModel!, context.CancellationToken);
        foreach (var argument in call.Arguments)
        {
            if (loggerMessage && argument.Parameter is { } parameter
                && (LogSinks.IsInfrastructure(parameter) || finder.IsPersonalSymbol(parameter, out _)))
            {
                // Classified parameters are redacted by the generator (NP1007 checks that redaction is on);
                // personal names are reported once, at the declaration.
                continue;
            }

            if (finder.Find(argument.Expression, argument.Value) is { } personal)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.Log, personal.Origin.GetLocation(), personal.Name, sink));
            }
        }
    }

    private static void AnalyzeLoggerMessageDeclaration(SymbolAnalysisContext context, AnalysisScope scope)
    {
        var method = (IMethodSymbol)context.Symbol;
        // Cheap tests first: only ordinary methods with parameters can declare a logged parameter.
        if (method.MethodKind != MethodKind.Ordinary || method.Parameters.Length == 0 || method.PartialDefinitionPart is not null
            || !LogSinks.IsLoggerMessage(method))
        {
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            if (LogSinks.IsInfrastructure(parameter) || Classification.IsClassified(parameter) || parameter.Locations.Length == 0
                || parameter.Locations[0].SourceTree is not { } tree)
            {
                continue;
            }

            var names = scope.Settings.NamesFor(tree);
            if (names.IsPersonal(parameter.Name) && PersonalDataFinder.CanHoldPersonalData(parameter.Type))
            {
                var location = parameter.DeclaringSyntaxReferences.Length > 0
                    && parameter.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is ParameterSyntax syntax
                    ? syntax.Identifier.GetLocation()
                    : parameter.Locations[0];
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.Log,
                    location,
                    ImmutableDictionary<string, string?>.Empty.Add("fix", "classify"),
                    parameter.Name,
                    "the [LoggerMessage] method '" + method.Name + "' without a classification attribute"));
            }
        }
    }
}
