using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Nonprofit.Analyzers.CodeFixes;

/// <summary>
/// Wraps the personal value in a redaction call through a redactor already in scope: a field, property, parameter or
/// local of type <c>Redactor</c> (Microsoft.Extensions.Compliance) or <c>PiiRedactor</c>/<c>FreeTextRedactor</c> (Nonprofit.Privacy).
/// With no redactor in scope there is no fix to offer: inject one first.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedactCodeFix))]
[Shared]
internal sealed class RedactCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        [Rules.LogId, Rules.ExceptionId, Rules.ChatId, Rules.UrlId, Rules.ToStringId];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.ContainsKey("fix") || diagnostic.Properties.ContainsKey("record")
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                || FindRedactor(model, value, context.CancellationToken) is not { } redactor)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Redact with " + redactor + ".Redact(...)",
                    ct => WrapAsync(context.Document, value, redactor, model, ct),
                    equivalenceKey: "Redact"),
                diagnostic);
        }
    }

    private static async Task<Document> WrapAsync(Document document, ExpressionSyntax value, string redactor, SemanticModel model, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var argument = model.GetTypeInfo(value, cancellationToken).Type?.SpecialType == SpecialType.System_String
            ? value.WithoutTrivia()
            : SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ParenthesizedExpression(value.WithoutTrivia()), SyntaxFactory.IdentifierName("ToString")));
        var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ParseExpression(redactor), SyntaxFactory.IdentifierName("Redact")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))))
            .WithTriviaFrom(value)
            .WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root!.ReplaceNode(value, call));
    }

    /// <summary>The name of a redactor visible at <paramref name="node"/>, or null.</summary>
    internal static string? FindRedactor(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var isStatic = node.FirstAncestorOrSelf<MemberDeclarationSyntax>()?.Modifiers.Any(SyntaxKind.StaticKeyword) ?? false;
        foreach (var symbol in model.LookupSymbols(node.SpanStart).OrderBy(s => s.Kind == SymbolKind.Local || s.Kind == SymbolKind.Parameter ? 0 : 1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = symbol switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field when !isStatic || field.IsStatic => field.Type,
                IPropertySymbol property when !isStatic || property.IsStatic => property.Type,
                _ => null,
            };
            if (type is not null && IsRedactor(type))
            {
                return symbol.Name;
            }
        }

        return null;
    }

    private static bool IsRedactor(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "Redactor" or "PiiRedactor" or "FreeTextRedactor")
            {
                return true;
            }
        }

        return false;
    }
}
