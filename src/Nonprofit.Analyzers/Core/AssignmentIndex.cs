using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Nonprofit.Analyzers.Core;

/// <summary>
/// The assignments to a simple name in a block (<c>x = ...</c>, <c>x += ...</c>, <c>x ??= ...</c>), in document order.
/// Found from the source text: each whole-word occurrence of the name inside the block is looked up as a token, and kept
/// when it is the left side of such an assignment. A block is a few hundred characters and a name occurs a few times, so
/// this costs less than walking the block's nodes, and it keeps no state (an earlier per-block index shared through a
/// lock-protected table cost more in contention and allocation than the walks it saved).
/// An assignment that spells the name with a Unicode escape (<c>\u0061 = ...</c>) is not found.
/// </summary>
internal static class AssignmentIndex
{
    public static List<AssignmentExpressionSyntax>? To(BlockSyntax block, string name)
    {
        if (name.Length == 0)
        {
            return null;
        }

        var text = block.SyntaxTree.GetText();
        var span = block.Span;
        List<AssignmentExpressionSyntax>? found = null;
        var first = name[0];
        var last = span.End - name.Length;
        for (var i = span.Start; i <= last; i++)
        {
            if (text[i] != first || !Matches(text, i, name) || (i > span.Start && IsIdentifierChar(text[i - 1]))
                || (i + name.Length < span.End && IsIdentifierChar(text[i + name.Length])))
            {
                continue;
            }

            var token = block.FindToken(i);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is IdentifierNameSyntax identifier
                && identifier.Parent is AssignmentExpressionSyntax assignment && assignment.Left == identifier
                && (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.IsKind(SyntaxKind.AddAssignmentExpression)
                    || assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression))
                && token.ValueText == name)
            {
                (found ??= new List<AssignmentExpressionSyntax>(1)).Add(assignment);
            }

            i += name.Length - 1;
        }

        return found;
    }

    private static bool Matches(SourceText text, int position, string name)
    {
        for (var k = 1; k < name.Length; k++)
        {
            if (text[position + k] != name[k])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
