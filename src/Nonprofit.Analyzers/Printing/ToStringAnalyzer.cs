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

        var names = scope.Settings.NamesFor(tree);
        if (!MayExpose(type, names, context.CancellationToken))
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

    /// <summary>
    /// The record's declarations read as syntax before any member is bound: false when it writes its own PrintMembers or
    /// ToString, or when none of its parameters, properties and fields has a personal name or an attribute (a
    /// classification needs one), so the generated ToString cannot print personal data.
    /// </summary>
    private static bool MayExpose(INamedTypeSymbol type, PersonalDataNames names, System.Threading.CancellationToken cancellationToken)
    {
        var candidate = false;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                return true;
            }

            if (declaration.ParameterList is { } parameters)
            {
                foreach (var parameter in parameters.Parameters)
                {
                    candidate = candidate || parameter.AttributeLists.Count > 0 || names.IsPersonal(parameter.Identifier.ValueText);
                }
            }

            foreach (var member in declaration.Members)
            {
                switch (member)
                {
                    case MethodDeclarationSyntax method when method.Identifier.ValueText is "PrintMembers" or "ToString":
                        return false;
                    case PropertyDeclarationSyntax property:
                        candidate = candidate || property.AttributeLists.Count > 0 || names.IsPersonal(property.Identifier.ValueText);
                        break;
                    case BaseFieldDeclarationSyntax field:
                        candidate = candidate || field.AttributeLists.Count > 0 || AnyPersonal(field.Declaration, names);
                        break;
                }
            }
        }

        return candidate;
    }

    private static bool AnyPersonal(VariableDeclarationSyntax declaration, PersonalDataNames names)
    {
        foreach (var variable in declaration.Variables)
        {
            if (names.IsPersonal(variable.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
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
