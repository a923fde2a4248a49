using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Nonprofit.Analyzers.Core;

namespace Nonprofit.Analyzers.Printing;

/// <summary>
/// NP1005: ToString output that exposes personal members: a record's compiler-generated ToString (which prints every
/// public property) when the record declares no PrintMembers or ToString of its own; a ToString override that returns
/// personal data; a hand-written PrintMembers that appends personal data.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ToStringAnalyzer : PrivacyAnalyzer
{
    public const string RecordProperty = "record";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rules.ToStringExposure];

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisScope scope)
    {
        context.RegisterSymbolAction(c => AnalyzeRecord(c, scope), SymbolKind.NamedType);
        context.RegisterSyntaxNodeAction(c => AnalyzeMethod(c, scope), SyntaxKind.MethodDeclaration);
    }

    private static void AnalyzeRecord(SymbolAnalysisContext context, AnalysisScope scope)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!type.IsRecord || type.Locations.Length == 0 || type.Locations[0].SourceTree is not { } tree)
        {
            return;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { IsImplicitlyDeclared: false, Name: "PrintMembers" or "ToString" })
            {
                return;
            }
        }

        var names = scope.Settings.NamesFor(tree);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(RecordProperty, type.Name);
        foreach (var member in PersonalMembers.Of(type, names, includeInherited: false))
        {
            if (member.Locations.Length > 0 && member.Locations[0].IsInSource)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.ToStringExposure, member.Locations[0], properties, member.Name, "the generated ToString of record '" + type.Name + "'"));
            }
        }
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, AnalysisScope scope)
    {
        var method = (MethodDeclarationSyntax)context.Node;
        var name = method.Identifier.ValueText;
        var isToString = name == "ToString" && method.ParameterList.Parameters.Count == 0 && method.Modifiers.Any(SyntaxKind.OverrideKeyword);
        var isPrintMembers = name == "PrintMembers" && method.ParameterList.Parameters.Count == 1;
        if (!isToString && !isPrintMembers)
        {
            return;
        }

        var finder = scope.Finder(context.SemanticModel, context.CancellationToken);
        var what = isToString ? "this ToString override" : "this PrintMembers";
        if (isToString && method.ExpressionBody is { } arrow)
        {
            Check(context, finder, arrow.Expression, what);
        }

        if (method.Body is not { } body)
        {
            return;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (isToString && node is ReturnStatementSyntax { Expression: { } returned })
            {
                Check(context, finder, returned, what);
            }
            else if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation
                && member.Name.Identifier.ValueText is "Append" or "AppendLine" or "AppendFormat" or "Insert")
            {
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    Check(context, finder, argument.Expression, what);
                }
            }
        }
    }

    private static void Check(SyntaxNodeAnalysisContext context, PersonalDataFinder finder, ExpressionSyntax expression, string what)
    {
        if (finder.Find(expression) is { } personal)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.ToStringExposure, personal.Origin.GetLocation(), personal.Name, what));
        }
    }
}
