using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
    /// <summary>The block's text, copied once per lookup into a per-thread buffer (no allocation per lookup).</summary>
    [ThreadStatic]
    private static char[]? s_buffer;

    public static List<AssignmentExpressionSyntax>? To(BlockSyntax block, string name)
    {
        if (name.Length == 0)
        {
            return null;
        }

        var span = block.Span;
        var buffer = s_buffer;
        if (buffer is null || buffer.Length < span.Length)
        {
            s_buffer = buffer = new char[Math.Max(span.Length, 4096)];
        }

        block.SyntaxTree.GetText().CopyTo(span.Start, buffer, 0, span.Length);
        var chars = new ReadOnlySpan<char>(buffer, 0, span.Length);
        List<AssignmentExpressionSyntax>? found = null;
        for (var offset = 0; offset < chars.Length;)
        {
            var index = chars.Slice(offset).IndexOf(name.AsSpan(), StringComparison.Ordinal);
            if (index < 0)
            {
                break;
            }

            var at = offset + index;
            offset = at + name.Length;
            if ((at > 0 && IsIdentifierChar(chars[at - 1])) || (offset < chars.Length && IsIdentifierChar(chars[offset]))
                || !MayBeFollowedByAssignment(chars, offset))
            {
                continue;
            }

            var token = block.FindToken(span.Start + at);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is IdentifierNameSyntax identifier
                && identifier.Parent is AssignmentExpressionSyntax assignment && assignment.Left == identifier
                && (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.IsKind(SyntaxKind.AddAssignmentExpression)
                    || assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression))
                && token.ValueText == name)
            {
                (found ??= new List<AssignmentExpressionSyntax>(1)).Add(assignment);
            }
        }

        return found;
    }

    /// <summary>
    /// Whether the text after a name can start <c>=</c>, <c>+=</c> or <c>??=</c> (after white space); a comment or a
    /// directive in between is left to the syntax tree to decide.
    /// </summary>
    private static bool MayBeFollowedByAssignment(ReadOnlySpan<char> chars, int position)
    {
        while (position < chars.Length && char.IsWhiteSpace(chars[position]))
        {
            position++;
        }

        if (position >= chars.Length)
        {
            return false;
        }

        var next = position + 1 < chars.Length ? chars[position + 1] : '\0';
        return chars[position] switch
        {
            '=' => next is not ('=' or '>'),
            '+' => next == '=',
            '?' => next == '?' && position + 2 < chars.Length && chars[position + 2] == '=',
            '/' or '#' => true,
            _ => false,
        };
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
