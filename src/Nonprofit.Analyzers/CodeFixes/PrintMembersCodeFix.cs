using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Nonprofit.Analyzers.Core;
using Nonprofit.Analyzers.Printing;

namespace Nonprofit.Analyzers.CodeFixes;

/// <summary>
/// Declares <c>PrintMembers</c> in a record so that its generated <c>ToString</c> prints only the non-personal
/// members (for every personal member the rule reported on that record at once).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PrintMembersCodeFix))]
[Shared]
internal sealed class PrintMembersCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [Rules.ToStringId];

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(ToStringAnalyzer.RecordProperty)
                || root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<RecordDeclarationSyntax>() is not { } record)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Override PrintMembers to leave out personal members", ct => AddAsync(context.Document, record, ct), equivalenceKey: "PrintMembers"),
                diagnostic);
        }
    }

    private static async Task<Document> AddAsync(Document document, RecordDeclarationSyntax record, CancellationToken cancellationToken)
    {
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        if (model.GetDeclaredSymbol(record, cancellationToken) is not { } type)
        {
            return document;
        }

        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider;
        var names = new Settings(options).NamesFor(record.SyntaxTree);
        var personal = new HashSet<ISymbol>(PersonalMembers.Of(type, names, includeInherited: false), SymbolEqualityComparer.Default);
        var printed = type.GetMembers()
            .Where(m => !m.IsStatic && !m.IsImplicitlyDeclared && m.DeclaredAccessibility == Accessibility.Public
                && m is IPropertySymbol { IsIndexer: false } or IFieldSymbol && !personal.Contains(m))
            .Select(m => m.Name)
            .ToList();

        var derived = type.BaseType is { IsRecord: true };
        var modifiers = derived ? "protected override" : type.IsSealed || type.IsValueType ? "private" : "protected virtual";
        var body = new StringBuilder();
        body.Append(modifiers).Append(" bool PrintMembers(System.Text.StringBuilder builder)\n{\n");
        var first = !derived;
        if (derived)
        {
            body.Append("    var printed = base.PrintMembers(builder);\n");
        }

        foreach (var name in printed)
        {
            var separator = first ? "" : ", ";
            if (derived && first is false && name == printed[0])
            {
                body.Append("    if (printed)\n    {\n        builder.Append(\", \");\n    }\n\n");
                separator = "";
            }

            body.Append("    builder.Append(\"").Append(separator).Append(name).Append(" = \");\n");
            body.Append("    builder.Append(").Append(name).Append(");\n");
            first = false;
        }

        body.Append(derived ? "    return printed || " + (printed.Count > 0 ? "true" : "false") + ";\n}\n" : "    return " + (printed.Count > 0 ? "true" : "false") + ";\n}\n");
        var method = (MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(body.ToString())!.WithAdditionalAnnotations(Formatter.Annotation);

        var updated = record;
        if (record.OpenBraceToken.IsKind(SyntaxKind.None))
        {
            updated = record.WithSemicolonToken(default)
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(record.SemicolonToken.TrailingTrivia));
        }

        updated = updated.AddMembers(method).WithAdditionalAnnotations(Formatter.Annotation);
        var newRoot = root.ReplaceNode(record, updated);
        return await Formatter.FormatAsync(document.WithSyntaxRoot(newRoot), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
