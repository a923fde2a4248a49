using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Nonprofit.Analyzers.Serialization;

namespace Nonprofit.Analyzers.CodeFixes;

/// <summary>Adds <c>[JsonIgnore]</c> (System.Text.Json or Newtonsoft.Json, whichever serializes it) to the personal member.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(JsonIgnoreCodeFix))]
[Shared]
internal sealed class JsonIgnoreCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [Rules.SerializationId];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0].SourceTree is not { } tree
                || context.Document.Project.Solution.GetDocument(tree) is not { } target)
            {
                continue;
            }

            var newtonsoft = diagnostic.Properties.TryGetValue(SerializationAnalyzer.SerializerProperty, out var serializer)
                && serializer == SerializationAnalyzer.Newtonsoft;
            var span = diagnostic.AdditionalLocations[0].SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add [JsonIgnore]",
                    ct => AddAsync(target, span, newtonsoft, ct),
                    equivalenceKey: newtonsoft ? "JsonIgnoreNewtonsoft" : "JsonIgnore"),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> AddAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, bool newtonsoft, CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var node = root.FindToken(span.Start).Parent;
        SyntaxNode? original = null;
        SyntaxNode? updated = null;
        if (node?.FirstAncestorOrSelf<ParameterSyntax>() is { } parameter)
        {
            // A positional record parameter: the attribute must target the generated property.
            original = parameter;
            updated = Syntax.WithAttribute(parameter, Syntax.AttributeList("JsonIgnore", "property"));
        }
        else if (node?.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member && member is PropertyDeclarationSyntax or FieldDeclarationSyntax)
        {
            original = member;
            updated = Syntax.WithAttribute(member, Syntax.AttributeList("JsonIgnore"));
        }

        if (original is null || updated is null)
        {
            return document;
        }

        root = root.ReplaceNode(original, updated);
        return document.WithSyntaxRoot(Syntax.AddUsing(root, newtonsoft ? "Newtonsoft.Json" : "System.Text.Json.Serialization"));
    }
}
