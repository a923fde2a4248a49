using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nonprofit.Analyzers.CodeFixes;

/// <summary>
/// Adds <c>[PersonalData]</c> (Nonprofit.Privacy's classification) to a [LoggerMessage] parameter with a personal name,
/// so that the logging generator redacts it once <c>EnableRedaction()</c> is on.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClassifyCodeFix))]
[Shared]
internal sealed class ClassifyCodeFix : CodeFixProvider
{
    private const string Namespace = "Nonprofit.Privacy.Compliance";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [Rules.LogId];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey("fix")
                || root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<ParameterSyntax>() is not { } parameter)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Classify as [PersonalData]", ct => AddAsync(context.Document, parameter, ct), equivalenceKey: "Classify"),
                diagnostic);
        }
    }

    private static async Task<Document> AddAsync(Document document, ParameterSyntax parameter, CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        root = root.ReplaceNode(parameter, Syntax.WithAttribute(parameter, Syntax.AttributeList("PersonalData")));
        return document.WithSyntaxRoot(Syntax.AddUsing(root, Namespace));
    }
}
