using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Nonprofit.Analyzers.Core;

/// <summary>
/// The assignments to a simple name in a block (<c>x = ...</c>, <c>x += ...</c>, <c>x ??= ...</c>), in document order.
/// Found from the source text: each whole-word occurrence of the name inside the block that an assignment operator (or a
/// comment) may follow is looked up as a token, and kept when it is the left side of such an assignment. A block is a few hundred characters and a name occurs a few times, so
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

        // Read in place (a copy of the block's text, even into a reused buffer, cost more than the scan).
        var text = block.SyntaxTree.GetText();
        var span = block.Span;
        var first = name[0];
        List<AssignmentExpressionSyntax>? found = null;
        for (int at = span.Start, last = span.End - name.Length; at <= last; at++)
        {
            if (text[at] != first || !Matches(text, at, name))
            {
                continue;
            }

            var after = at + name.Length;
            if ((at > span.Start && IsIdentifierChar(text[at - 1])) || (after < span.End && IsIdentifierChar(text[after]))
                || !MayBeFollowedByAssignment(text, after, span.End))
            {
                continue;
            }

            var token = block.FindToken(at);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is IdentifierNameSyntax identifier
                && identifier.Parent is AssignmentExpressionSyntax assignment && assignment.Left == identifier
                && (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.IsKind(SyntaxKind.AddAssignmentExpression)
                    || assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression))
                && token.ValueText == name)
            {
                (found ??= new List<AssignmentExpressionSyntax>(1)).Add(assignment);
            }

            at = after - 1;
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

    /// <summary>
    /// Whether the text after a name can start <c>=</c>, <c>+=</c> or <c>??=</c> (after white space); a comment or a
    /// directive in between is left to the syntax tree to decide.
    /// </summary>
    private static bool MayBeFollowedByAssignment(SourceText text, int position, int end)
    {
        while (position < end && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position >= end)
        {
            return false;
        }

        var next = position + 1 < end ? text[position + 1] : '\0';
        return text[position] switch
        {
            '=' => next is not ('=' or '>'),
            '+' => next == '=',
            '?' => next == '?' && position + 2 < end && text[position + 2] == '=',
            '/' or '#' => true,
            _ => false,
        };
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
