using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Nonprofit.Analyzers.Core;

namespace Nonprofit.Analyzers.Logging;

/// <summary>
/// NP1007 (compilation end): a [LoggerMessage] parameter that carries a data classification (or a [LogProperties]
/// parameter whose type has classified members) while nothing in the compilation calls <c>EnableRedaction()</c>.
/// The classification alone does not redact. Bails out when the logging generator's attribute is not referenced.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class RedactionNotEnabledAnalyzer : PrivacyAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rules.RedactionNotEnabled];

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisScope scope)
    {
        if (scope.Types.LoggerMessageAttribute is null && !scope.Settings.SyntaxFallback)
        {
            return;
        }

        var classified = new ConcurrentQueue<(IParameterSymbol Parameter, string Method)>();
        var enabled = new EnabledFlag();
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var invocation = (InvocationExpressionSyntax)c.Node;
                if (!enabled.Value && PersonalDataFinder.MethodName(invocation.Expression) == "EnableRedaction")
                {
                    enabled.Value = true;
                }
            },
            SyntaxKind.InvocationExpression);
        context.RegisterSymbolAction(
            c =>
            {
                var method = (IMethodSymbol)c.Symbol;
                if (method.MethodKind != MethodKind.Ordinary || method.Parameters.Length == 0 || method.PartialDefinitionPart is not null
                    || !LogSinks.IsLoggerMessage(method))
                {
                    return;
                }

                foreach (var parameter in method.Parameters)
                {
                    if (!LogSinks.IsInfrastructure(parameter) && (Classification.IsClassified(parameter) || HasClassifiedProperties(parameter)))
                    {
                        classified.Enqueue((parameter, method.Name));
                    }
                }
            },
            SymbolKind.Method);
        context.RegisterCompilationEndAction(c =>
        {
            if (enabled.Value)
            {
                return;
            }

            foreach (var (parameter, method) in classified)
            {
                if (parameter.Locations.Length > 0)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rules.RedactionNotEnabled, parameter.Locations[0], parameter.Name, method));
                }
            }
        });
    }

    private static bool HasClassifiedProperties(IParameterSymbol parameter)
    {
        var logProperties = false;
        foreach (var attribute in parameter.GetAttributes())
        {
            logProperties |= attribute.AttributeClass?.Name is "LogPropertiesAttribute" or "LogProperties";
        }

        if (!logProperties)
        {
            return false;
        }

        foreach (var member in parameter.Type.GetMembers())
        {
            if (member is IPropertySymbol && Classification.IsClassified(member))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A flag set from concurrent callbacks (only ever false to true).</summary>
    private sealed class EnabledFlag
    {
        private volatile bool _value;

        public bool Value
        {
            get => _value;
            set => _value = value;
        }
    }
}
