using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Nonprofit.Analyzers.CodeFixes;

/// <summary>Small syntax helpers the fixes share.</summary>
internal static class Syntax
{
    public static AttributeListSyntax AttributeList(string name, string? target = null)
    {
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName(name))));
        if (target is null)
        {
            return list;
        }

        var keyword = SyntaxFacts.GetContextualKeywordKind(target);
        var token = keyword == SyntaxKind.None ? SyntaxFactory.Identifier(target) : SyntaxFactory.Token(keyword);
        return list.WithTarget(SyntaxFactory.AttributeTargetSpecifier(token).WithTrailingTrivia(SyntaxFactory.Space));
    }

    /// <summary>Puts <paramref name="list"/> first on a parameter (same line) keeping the parameter's leading trivia.</summary>
    public static ParameterSyntax WithAttribute(ParameterSyntax parameter, AttributeListSyntax list) =>
        parameter.WithoutLeadingTrivia()
            .WithAttributeLists(parameter.AttributeLists.Insert(0, list.WithTrailingTrivia(SyntaxFactory.Space)))
            .WithLeadingTrivia(parameter.GetLeadingTrivia());

    /// <summary>Puts <paramref name="list"/> on its own line above a member, at the member's indentation.</summary>
    public static MemberDeclarationSyntax WithAttribute(MemberDeclarationSyntax member, AttributeListSyntax list)
    {
        var leading = member.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
        return member.WithoutLeadingTrivia()
            .WithLeadingTrivia(indentation)
            .WithAttributeLists(member.AttributeLists.Insert(0, list.WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.LineFeed)));
    }

    /// <summary>Adds <c>using <paramref name="ns"/>;</c> in order unless the file already has it.</summary>
    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax root, string ns)
    {
        if (root.Usings.Any(u => u.Name?.ToString() == ns))
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns)).WithAdditionalAnnotations(Formatter.Annotation);
        var index = 0;
        while (index < root.Usings.Count && string.CompareOrdinal(root.Usings[index].Name?.ToString(), ns) < 0)
        {
            index++;
        }

        return root.WithUsings(root.Usings.Insert(index, directive.WithTrailingTrivia(SyntaxFactory.LineFeed)));
    }
}
