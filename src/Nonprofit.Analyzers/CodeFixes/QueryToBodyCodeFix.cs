using System.Collections.Generic;
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
using Nonprofit.Analyzers.Urls;

namespace Nonprofit.Analyzers.CodeFixes;

/// <summary>
/// Where it is trivially possible, moves a query string into a form body: <c>http.GetAsync($"https://x/search?q={address}")</c>
/// becomes <c>http.PostAsync("https://x/search", new FormUrlEncodedContent(new Dictionary&lt;string, string&gt; { ["q"] = address }))</c>.
/// Offered only for <c>HttpClient.GetAsync(url)</c> with an interpolated URL whose query is <c>name=value</c> pairs; it
/// changes the HTTP method, so the server must accept the POST.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(QueryToBodyCodeFix))]
[Shared]
internal sealed class QueryToBodyCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [Rules.UrlId];

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UrlAnalyzer.KindProperty, out var kind) || kind != UrlAnalyzer.QueryKind
                || root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<InterpolatedStringExpressionSyntax>() is not { } url
                || url.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax call } }
                || call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAsync" } access
                || model?.GetSymbolInfo(call, context.CancellationToken).Symbol is not IMethodSymbol { ContainingType.Name: "HttpClient" }
                || Split(url) is not { } parts)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Send the query in a POST form body",
                    ct => RewriteAsync(context.Document, call, access, parts, ct),
                    equivalenceKey: "QueryToBody"),
                diagnostic);
        }
    }

    /// <summary>The URL before the '?' and the query's name/value pairs, or null when the query is not plain pairs.</summary>
    private static (List<InterpolatedStringContentSyntax> Address, List<(string Name, ExpressionSyntax Value)> Pairs)? Split(InterpolatedStringExpressionSyntax url)
    {
        var address = new List<InterpolatedStringContentSyntax>();
        var pairs = new List<(string, ExpressionSyntax)>();
        var inQuery = false;
        string? pendingName = null;
        foreach (var content in url.Contents)
        {
            if (content is InterpolationSyntax hole)
            {
                if (!inQuery)
                {
                    address.Add(hole);
                }
                else if (pendingName is not null && hole.AlignmentClause is null && hole.FormatClause is null)
                {
                    pairs.Add((pendingName, hole.Expression));
                    pendingName = null;
                }
                else
                {
                    return null;
                }

                continue;
            }

            var text = ((InterpolatedStringTextSyntax)content).TextToken.ValueText;
            if (!inQuery)
            {
                var question = text.IndexOf('?');
                if (question < 0)
                {
                    address.Add(content);
                    continue;
                }

                if (question > 0)
                {
                    address.Add(SyntaxFactory.InterpolatedStringText(SyntaxFactory.Token(
                        default, SyntaxKind.InterpolatedStringTextToken, text.Substring(0, question), text.Substring(0, question), default)));
                }

                inQuery = true;
                text = text.Substring(question + 1);
            }

            if (pendingName is not null || !ParsePairs(text, pairs, out pendingName))
            {
                return null;
            }
        }

        return inQuery && pendingName is null && pairs.Count > 0 ? (address, pairs) : null;
    }

    /// <summary>Reads "a=1&amp;b=" into (a, "1") and a pending name b, whose value is the next hole.</summary>
    private static bool ParsePairs(string text, List<(string, ExpressionSyntax)> pairs, out string? pendingName)
    {
        pendingName = null;
        foreach (var part in text.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            if (equals <= 0 || pendingName is not null)
            {
                return false;
            }

            var name = part.Substring(0, equals);
            var value = part.Substring(equals + 1);
            if (value.Length == 0)
            {
                pendingName = name;
            }
            else
            {
                pairs.Add((name, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value))));
            }
        }

        return true;
    }

    private static async Task<Document> RewriteAsync(
        Document document, InvocationExpressionSyntax call, MemberAccessExpressionSyntax access,
        (List<InterpolatedStringContentSyntax> Address, List<(string Name, ExpressionSyntax Value)> Pairs) parts, CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        ExpressionSyntax address = parts.Address.All(c => c is InterpolatedStringTextSyntax)
            ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(string.Concat(parts.Address.Select(c => ((InterpolatedStringTextSyntax)c).TextToken.ValueText))))
            : SyntaxFactory.InterpolatedStringExpression(SyntaxFactory.Token(SyntaxKind.InterpolatedStringStartToken), SyntaxFactory.List(parts.Address));
        var entries = parts.Pairs.Select(p =>
            SyntaxFactory.Literal(p.Name).Text + "] = " + AsString(p.Value, model, cancellationToken).NormalizeWhitespace().ToFullString());
        var body = SyntaxFactory.ParseExpression(
            "new FormUrlEncodedContent(new Dictionary<string, string> { [" + string.Join(", [", entries) + " })");
        var post = call
            .WithExpression(access.WithName(SyntaxFactory.IdentifierName("PostAsync")))
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(address), SyntaxFactory.Argument(body) })))
            .WithAdditionalAnnotations(Formatter.Annotation);
        root = root.ReplaceNode(call, post);
        root = Syntax.AddUsing(Syntax.AddUsing(root, "System.Collections.Generic"), "System.Net.Http");
        return await Formatter.FormatAsync(document.WithSyntaxRoot(root), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static ExpressionSyntax AsString(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken) =>
        value is LiteralExpressionSyntax || model.GetTypeInfo(value, cancellationToken).Type?.SpecialType == SpecialType.System_String
            ? value.WithoutTrivia()
            : SyntaxFactory.InterpolatedStringExpression(
                SyntaxFactory.Token(SyntaxKind.InterpolatedStringStartToken),
                SyntaxFactory.SingletonList<InterpolatedStringContentSyntax>(SyntaxFactory.Interpolation(value.WithoutTrivia())));
}
