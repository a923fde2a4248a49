using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Nonprofit.Analyzers.Core;

namespace Nonprofit.Analyzers.Urls;

/// <summary>
/// NP1006: personal data in URLs, query strings, route templates and file paths: an interpolated or concatenated
/// string whose literal text is a URL (<c>://</c>, a query <c>?name=</c>, or a path starting with <c>/</c>) with a
/// personal hole; a personal value passed as the URL of HttpClient / Uri; route parameters with personal names in
/// <c>[Route]</c>/<c>[HttpGet]</c>… attributes and <c>MapGet</c>…; personal data in <c>File</c>, <c>Path</c>,
/// <c>Directory</c>, <c>FileStream</c>, <c>StreamWriter</c> paths.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class UrlAnalyzer : PrivacyAnalyzer
{
    public const string KindProperty = "kind";
    public const string QueryKind = "query";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rules.Url];

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisScope scope)
    {
        // An operation action rather than a syntax action: it runs on the bound tree the operation actions share, so its
        // holes are read from their operations instead of binding the method body again from a syntax callback.
        context.RegisterOperationAction(c => AnalyzeInterpolation(c, scope), OperationKind.InterpolatedString);
        context.RegisterSyntaxNodeAction(c => AnalyzeConcatenation(c, scope), SyntaxKind.AddExpression);
        context.RegisterSyntaxNodeAction(c => AnalyzeAttribute(c, scope), SyntaxKind.Attribute);
        scope.RegisterCalls(context, IsCandidate, (call, c) => AnalyzeCall(call, c, scope), creations: true);
    }

    private static void AnalyzeInterpolation(OperationAnalysisContext context, AnalysisScope scope)
    {
        var operation = (IInterpolatedStringOperation)context.Operation;
        if (operation.Syntax is not InterpolatedStringExpressionSyntax interpolated || !MayLookLikeUrl(interpolated))
        {
            return;
        }

        var text = LiteralText(interpolated);
        if (!LooksLikeUrl(text))
        {
            return;
        }

        var finder = scope.Finder(operation.SemanticModel!, context.CancellationToken);
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolationSyntax hole && finder.Find(hole.Expression, PersonalDataFinder.HoleValue(operation, hole)) is { } personal)
            {
                Report(context.ReportDiagnostic, personal, text.IndexOf('?') >= 0 ? "a query string" : "a URL", text.IndexOf('?') >= 0);
            }
        }
    }

    private static void AnalyzeConcatenation(SyntaxNodeAnalysisContext context, AnalysisScope scope)
    {
        var binary = (BinaryExpressionSyntax)context.Node;
        if (binary.Parent is BinaryExpressionSyntax parent && parent.IsKind(SyntaxKind.AddExpression))
        {
            return;
        }

        // Only the string literals decide whether this is a URL: a sum of numbers, or of strings without a literal
        // that could start or contain one, is skipped before anything is allocated or bound.
        if (!MayLookLikeUrl(binary))
        {
            return;
        }

        // Flatten a + b + c; the literal parts decide whether this is a URL.
        var parts = new System.Collections.Generic.List<ExpressionSyntax>();
        Flatten(binary, parts);
        var text = LiteralText(binary);
        if (!LooksLikeUrl(text))
        {
            return;
        }

        var finder = scope.Finder(context.SemanticModel, context.CancellationToken);
        foreach (var part in parts)
        {
            if (part is not LiteralExpressionSyntax && finder.Find(part) is { } personal)
            {
                Report(context.ReportDiagnostic, personal, text.IndexOf('?') >= 0 ? "a query string" : "a URL", query: false);
            }
        }
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, AnalysisScope scope)
    {
        var attribute = (AttributeSyntax)context.Node;
        var name = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : attribute.Name.ToString();
        if (name.EndsWith("Attribute", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Attribute".Length);
        }

        if (name is not ("Route" or "HttpGet" or "HttpPost" or "HttpPut" or "HttpDelete" or "HttpPatch" or "Get" or "Post" or "Put" or "Delete" or "Patch")
            || attribute.ArgumentList is not { Arguments.Count: > 0 } arguments
            || arguments.Arguments[0].Expression is not LiteralExpressionSyntax template)
        {
            return;
        }

        CheckRouteTemplate(context.ReportDiagnostic, template, scope.Settings.NamesFor(context.Node.SyntaxTree));
    }

    private static void AnalyzeCall(Call call, OperationAnalysisContext context, AnalysisScope scope)
    {
        if (call.Arguments.Count == 0)
        {
            return;
        }

        var typeName = call.Method?.ContainingType.Name ?? call.ReceiverName ?? call.Name;
        var names = scope.Settings.NamesFor(call.Syntax.SyntaxTree);
        if (call.Name.StartsWith("Map", StringComparison.Ordinal) && call.Arguments[0].Expression is LiteralExpressionSyntax template
            && call.Name is "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods" or "MapGroup" or "Map")
        {
            CheckRouteTemplate(context.ReportDiagnostic, template, names);
            return;
        }

        var what = PathSink(call, typeName) ?? UrlSink(call, typeName);
        if (what is null)
        {
            return;
        }

        var finder = scope.Finder(context.Operation.SemanticModel!, context.CancellationToken);
        var checkAll = what == "a file path";
        for (var i = 0; i < call.Arguments.Count && (checkAll ? IsPathArgument(call, i) : i == 0 || call.Arguments[i].ParameterName is "requestUri" or "uriString" or "relativeUri"); i++)
        {
            var expression = call.Arguments[i].Expression;

            // Interpolations and concatenations that look like URLs are reported where they are written.
            if (expression is InterpolatedStringExpressionSyntax or BinaryExpressionSyntax && (!checkAll || LooksLikeUrl(LiteralText(expression))))
            {
                continue;
            }

            if (finder.Find(expression, call.Arguments[i].Value) is { } personal && (checkAll || IsDirect(expression)))
            {
                Report(context.ReportDiagnostic, personal, what, query: false);
            }
        }
    }

    /// <summary>A cheap test before binding: route mapping, or a call or creation whose type can take a path or URL.</summary>
    private static bool IsCandidate(string name, IMethodSymbol? method)
    {
        if (name.StartsWith("Map", StringComparison.Ordinal))
        {
            return true;
        }

        var typeName = method?.ContainingType.Name ?? name;
        return method is null || typeName is "File" or "Directory" or "Path" or "FileStream" or "StreamWriter" or "StreamReader" or "FileInfo"
            or "DirectoryInfo" or "Uri" or "UriBuilder" or "HttpRequestMessage" or "HttpClient" or "HttpClientJsonExtensions";
    }

    private static string? PathSink(Call call, string typeName) => typeName switch
    {
        "File" or "Directory" or "Path" when call.Method is null || call.Method.ContainingNamespace?.ToDisplayString() == "System.IO" => "a file path",
        "FileStream" or "StreamWriter" or "StreamReader" or "FileInfo" or "DirectoryInfo" when call.Method is null || call.Method.MethodKind == MethodKind.Constructor => "a file path",
        _ => null,
    };

    private static string? UrlSink(Call call, string typeName)
    {
        if (typeName is "Uri" or "UriBuilder" or "HttpRequestMessage" && (call.Method is null || call.Method.MethodKind == MethodKind.Constructor))
        {
            return "a URL";
        }

        return typeName is "HttpClient" or "HttpClientJsonExtensions" && call.Name.EndsWith("Async", StringComparison.Ordinal) ? "a URL" : null;
    }

    // File.Move/Copy take two paths; Path.Combine/Join take any number; File.WriteAllText's second argument is content, not a path.
    private static bool IsPathArgument(Call call, int index) =>
        index == 0 || call.Name is "Combine" or "Join" or "Move" or "Copy" or "Replace" || call.Arguments[index].ParameterName is "path" or "destFileName" or "path2" or "path3" or "path4" or "paths";

    private static bool IsDirect(ExpressionSyntax expression) => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax;

    private static void CheckRouteTemplate(Action<Diagnostic> report, LiteralExpressionSyntax template, PersonalDataNames names)
    {
        var text = template.Token.ValueText;
        for (var open = text.IndexOf('{'); open >= 0; open = text.IndexOf('{', open + 1))
        {
            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                return;
            }

            var parameter = text.Substring(open + 1, close - open - 1).TrimStart('*');
            var end = parameter.IndexOfAny([':', '=', '?']);
            if (end >= 0)
            {
                parameter = parameter.Substring(0, end);
            }

            if (names.IsPersonal(parameter))
            {
                report(Diagnostic.Create(Rules.Url, template.GetLocation(), parameter, "a route template"));
            }
        }
    }

    private static void Report(Action<Diagnostic> report, PersonalValue personal, string what, bool query)
    {
        var properties = query ? ImmutableDictionary<string, string?>.Empty.Add(KindProperty, QueryKind) : ImmutableDictionary<string, string?>.Empty;
        report(Diagnostic.Create(Rules.Url, personal.Origin.GetLocation(), properties, personal.Name, what));
    }

    /// <summary>Whether a string's literal text is a URL: a scheme, a query (<c>?x=</c>, <c>&amp;x=</c>) or an absolute path without spaces.</summary>
    internal static bool LooksLikeUrl(string text)
    {
        if (text.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        if (text.IndexOf(' ') >= 0)
        {
            return false;
        }

        var question = text.IndexOf('?');
        return (question >= 0 && text.IndexOf('=', question) > question) || (text.StartsWith("/", StringComparison.Ordinal) && text.Length > 1)
            || text.StartsWith("api/", StringComparison.Ordinal);
    }

    /// <summary>
    /// A necessary condition for <see cref="LooksLikeUrl"/> on <see cref="LiteralText"/>, tested without allocating: the
    /// joined literal text can only look like a URL when a part contains ':' (for "://") or '?', or when the first
    /// non-empty part starts with '/' or 'a' (for "api/").
    /// </summary>
    internal static bool MayLookLikeUrl(InterpolatedStringExpressionSyntax interpolated)
    {
        var first = true;
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax literal && MayLookLikeUrl(literal.TextToken.ValueText, ref first))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same test on a concatenation's string literals.</summary>
    internal static bool MayLookLikeUrl(ExpressionSyntax concatenation)
    {
        var first = true;
        return MayLookLikeUrl(concatenation, ref first);
    }

    private static bool MayLookLikeUrl(ExpressionSyntax expression, ref bool first)
    {
        switch (expression)
        {
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return MayLookLikeUrl(binary.Left, ref first) || MayLookLikeUrl(binary.Right, ref first);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return MayLookLikeUrl(literal.Token.ValueText, ref first);
            default:
                return false;
        }
    }

    private static bool MayLookLikeUrl(string part, ref bool first)
    {
        if (part.Length == 0)
        {
            return false;
        }

        if (first && (part[0] == '/' || part[0] == 'a'))
        {
            return true;
        }

        first = false;
        return part.IndexOf(':') >= 0 || part.IndexOf('?') >= 0;
    }

    /// <summary>The literal parts of an interpolated string or a concatenation, joined.</summary>
    internal static string LiteralText(ExpressionSyntax expression)
    {
        var text = new System.Text.StringBuilder();
        if (expression is InterpolatedStringExpressionSyntax interpolated)
        {
            foreach (var content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax literal)
                {
                    text.Append(literal.TextToken.ValueText);
                }
            }

            return text.ToString();
        }

        var parts = new System.Collections.Generic.List<ExpressionSyntax>();
        Flatten(expression, parts);
        foreach (var part in parts)
        {
            if (part is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                text.Append(literal.Token.ValueText);
            }
        }

        return text.ToString();
    }

    private static void Flatten(ExpressionSyntax expression, System.Collections.Generic.List<ExpressionSyntax> parts)
    {
        if (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
        {
            Flatten(binary.Left, parts);
            Flatten(binary.Right, parts);
        }
        else
        {
            parts.Add(expression);
        }
    }
}
