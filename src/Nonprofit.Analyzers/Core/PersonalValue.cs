using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nonprofit.Analyzers.Core;

/// <summary>Where personal data enters an expression: the node to point at, the name of what holds it, and whether it is classified.</summary>
/// <param name="Origin">The identifier or member access that holds personal data (inside the expression checked).</param>
/// <param name="Name">The member, parameter or local name (a name, never a value).</param>
/// <param name="Classified">Whether the holder carries a data-classification attribute.</param>
internal sealed record PersonalValue(ExpressionSyntax Origin, string Name, bool Classified);
