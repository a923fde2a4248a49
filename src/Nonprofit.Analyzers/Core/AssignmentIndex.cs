using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nonprofit.Analyzers.Core;

/// <summary>
/// The assignments to simple names in a block (<c>x = ...</c>, <c>x += ...</c>, <c>x ??= ...</c>), found in one walk
/// and shared by every lookup in that block. One table per compilation (held by <see cref="AnalysisScope"/>).
/// </summary>
internal sealed class AssignmentIndex
{
    private readonly Dictionary<string, List<AssignmentExpressionSyntax>> _byName = new(StringComparer.Ordinal);

    private AssignmentIndex(BlockSyntax block)
    {
        foreach (var node in block.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment
                && (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.IsKind(SyntaxKind.AddAssignmentExpression)
                    || assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression)))
            {
                var name = target.Identifier.ValueText;
                if (!_byName.TryGetValue(name, out var list))
                {
                    _byName[name] = list = new List<AssignmentExpressionSyntax>(1);
                }

                list.Add(assignment);
            }
        }
    }

    public IReadOnlyList<AssignmentExpressionSyntax> To(string name) =>
        _byName.TryGetValue(name, out var list) ? list : Array.Empty<AssignmentExpressionSyntax>();

    /// <summary>Per-compilation cache of indexes by block.</summary>
    internal sealed class Cache
    {
        private readonly ConditionalWeakTable<BlockSyntax, AssignmentIndex> _indexes = new();

        public AssignmentIndex For(BlockSyntax block) => _indexes.GetValue(block, b => new AssignmentIndex(b));
    }
}
