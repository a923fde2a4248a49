using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Nonprofit.Analyzers.Core;

namespace Nonprofit.Analyzers.Chat;

/// <summary>
/// NP1003: personal data sent to an <c>IChatClient</c> (<c>GetResponseAsync</c>, <c>GetStreamingResponseAsync</c>,
/// <c>ChatMessage</c>/<c>TextContent</c> contents) when neither the calling method nor a
/// client registration (a file that calls <c>AddChatClient</c>/<c>AddKeyedChatClient</c>) calls <c>UsePiiRedaction()</c> (Nonprofit.AI.Guards). Bails out when Microsoft.Extensions.AI is not referenced.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ChatClientAnalyzer : PrivacyAnalyzer
{
    internal const string RedactionMethod = "UsePiiRedaction";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rules.Chat];

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisScope scope)
    {
        if (scope.Types.IChatClient is null && !scope.Settings.SyntaxFallback)
        {
            return;
        }

        // Built at most once per compilation, and only when a chat call with personal data is found.
        var compilation = context.Compilation;
        var registered = new Lazy<bool>(() => AnyTreeMentions(compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        scope.RegisterCalls(
            context,
            (name, _) => name is "GetResponseAsync" or "GetStreamingResponseAsync" or "ChatMessage" or "TextContent",
            (call, c) => Analyze(call, c, scope, registered),
            creations: true);
    }

    private static void Analyze(Call call, OperationAnalysisContext context, AnalysisScope scope, Lazy<bool> registered)
    {
        var sink = Describe(call, scope);
        if (sink is null || call.Arguments.Count == 0)
        {
            return;
        }

        var finder = scope.Finder(context.Operation.SemanticModel!, context.CancellationToken);
        foreach (var argument in call.Arguments)
        {
            if (argument.ParameterName is "options" or "cancellationToken" or "role" || finder.Find(argument.Expression, argument.Value) is not { } personal)
            {
                continue;
            }

            if (MethodMentionsRedaction(call.Syntax) || registered.Value)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rules.Chat, personal.Origin.GetLocation(), personal.Name, sink));
        }
    }

    private static string? Describe(Call call, AnalysisScope scope)
    {
        if (call.Method is { } method)
        {
            var type = method.ContainingType;
            if (call.Name is "GetResponseAsync" or "GetStreamingResponseAsync"
                && (KnownTypes.IsOrInherits(type, scope.Types.IChatClient) || type.Name is "ChatClientExtensions" or "IChatClient"))
            {
                return "IChatClient." + call.Name;
            }

            return method.MethodKind == MethodKind.Constructor && type.Name is "ChatMessage" or "TextContent"
                && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.AI"
                ? "a " + type.Name
                : null;
        }

        if (call.Name is "GetResponseAsync" or "GetStreamingResponseAsync")
        {
            return "IChatClient." + call.Name;
        }

        return call.Name is "ChatMessage" or "TextContent" ? "a " + call.Name : null;
    }

    private static bool MethodMentionsRedaction(SyntaxNode node)
    {
        var body = (SyntaxNode?)node.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() ?? node.FirstAncestorOrSelf<CompilationUnitSyntax>();
        return body is not null && Mentions(body.ToString());
    }

    private static bool AnyTreeMentions(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = tree.GetText(cancellationToken).ToString();
            if (Mentions(text) && (text.IndexOf("AddChatClient", StringComparison.Ordinal) >= 0 || text.IndexOf("AddKeyedChatClient", StringComparison.Ordinal) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(string text) => text.IndexOf(RedactionMethod, StringComparison.Ordinal) >= 0;
}
