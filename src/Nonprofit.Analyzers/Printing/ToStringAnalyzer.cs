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
        context.RegisterSyntaxNodeAction(c => AnalyzeRecord(c, scope), SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration);
        context.RegisterSyntaxNodeAction(c => AnalyzeMethod(c, scope), SyntaxKind.MethodDeclaration);
    }

    /// <summary>
    /// One record declaration, read as syntax first: nothing is bound when the record (any of its parts) writes its own
    /// PrintMembers or ToString, or when none of this declaration's parameters, properties and fields has a personal
    /// name or an attribute (a classification needs one). Only the candidates are bound, and each part of a partial
    /// record reports the members it declares, so every member is reported once.
    /// </summary>
    private static void AnalyzeRecord(SyntaxNodeAnalysisContext context, AnalysisScope scope)
    {
        var declaration = (RecordDeclarationSyntax)context.Node;
        var cancellationToken = context.CancellationToken;
        INamedTypeSymbol? type = null;
        PersonalDataNames names;
        if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            type = context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken);
            if (type is null || type.Locations.Length == 0 || type.Locations[0].SourceTree is not { } tree)
            {
                return;
            }

            names = scope.Settings.NamesFor(tree);
            if (!HasCandidate(declaration, names))
            {
                return;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax part && DeclaresPrinting(part))
                {
                    return;
                }
            }
        }
        else
        {
            names = scope.Settings.NamesFor(declaration.SyntaxTree);
            if (!HasCandidate(declaration, names) || DeclaresPrinting(declaration))
            {
                return;
            }
        }

        var report = new Reporter(context, declaration.Identifier.ValueText);
        var model = context.SemanticModel;
        if (declaration.ParameterList is { } parameters)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.AttributeLists.Count > 0 || names.IsPersonal(parameter.Identifier.ValueText))
                {
                    // The property the compiler generates for a positional parameter (none when a member of that name is declared or inherited).
                    type ??= model.GetDeclaredSymbol(declaration, cancellationToken);
                    foreach (var member in type?.GetMembers(parameter.Identifier.ValueText) ?? ImmutableArray<ISymbol>.Empty)
                    {
                        if (member.Locations.Length > 0 && member.Locations[0].SourceTree == declaration.SyntaxTree
                            && parameter.Span.Contains(member.Locations[0].SourceSpan))
                        {
                            report.IfPersonal(member, names);
                        }
                    }
                }
            }
        }

        foreach (var member in declaration.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property when property.AttributeLists.Count > 0 || names.IsPersonal(property.Identifier.ValueText):
                    report.IfPersonal(model.GetDeclaredSymbol(property, cancellationToken), names);
                    break;
                case FieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (field.AttributeLists.Count > 0 || names.IsPersonal(variable.Identifier.ValueText))
                        {
                            report.IfPersonal(model.GetDeclaredSymbol(variable, cancellationToken), names);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>Whether a parameter, property or field of this declaration has a personal name or an attribute.</summary>
    private static bool HasCandidate(RecordDeclarationSyntax declaration, PersonalDataNames names)
    {
        if (declaration.ParameterList is { } parameters)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.AttributeLists.Count > 0 || names.IsPersonal(parameter.Identifier.ValueText))
                {
                    return true;
                }
            }
        }

        foreach (var member in declaration.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property when property.AttributeLists.Count > 0 || names.IsPersonal(property.Identifier.ValueText):
                    return true;
                case FieldDeclarationSyntax field when field.AttributeLists.Count > 0 || AnyPersonal(field.Declaration, names):
                    return true;
            }
        }

        return false;
    }

    /// <summary>Whether the declaration writes its own PrintMembers or ToString (the generated ToString then prints nothing by itself).</summary>
    private static bool DeclaresPrinting(TypeDeclarationSyntax declaration)
    {
        foreach (var member in declaration.Members)
        {
            if (member is MethodDeclarationSyntax method && method.Identifier.ValueText is "PrintMembers" or "ToString")
            {
                return true;
            }
        }

        return false;
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

    /// <summary>Reports the personal members of one record, with the record's name for the code fix.</summary>
    private readonly struct Reporter(SyntaxNodeAnalysisContext context, string recordName)
    {
        private readonly ImmutableDictionary<string, string?> _properties = ImmutableDictionary<string, string?>.Empty.Add(RecordProperty, recordName);

        public void IfPersonal(ISymbol? member, PersonalDataNames names)
        {
            if (member is not null && PersonalMembers.IsPersonal(member, names) && member.Locations.Length > 0 && member.Locations[0].IsInSource)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.ToStringExposure, member.Locations[0], _properties, member.Name, "the generated ToString of record '" + recordName + "'"));
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
