using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Nonprofit.Analyzers.Core;

/// <summary>
/// Finds personal data in an expression: a member, parameter or local that is classified or has a personal name,
/// or a value derived from one within the method (interpolation, concatenation, <c>ToString()</c>,
/// <c>string.Format</c>/<c>Concat</c>/<c>Join</c>, string methods, locals assigned from such values).
/// A call whose name says it redacts, masks, hashes or pseudonymises ends the trail. Uses the semantic model
/// where symbols bind and the identifier's name where they do not.
/// </summary>
internal readonly struct PersonalDataFinder
{
    private const int MaxDepth = 12;

    private static readonly HashSet<string> s_propagatingMethods = new(StringComparer.Ordinal)
    {
        "ToString", "Trim", "TrimStart", "TrimEnd", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Substring",
        "Replace", "Normalize", "PadLeft", "PadRight", "Remove", "Insert", "AsSpan", "AsMemory", "ToCharArray", "Split", "First",
        "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "ElementAt", "GetValueOrDefault",
    };

    private static readonly HashSet<string> s_combiningMethods = new(StringComparer.Ordinal)
    {
        "Format", "Concat", "Join", "Create",
    };

    private static readonly string[] s_redactingWords =
    [
        "redact", "mask", "hash", "pseudonym", "anonymi", "anonymous", "encrypt", "protect", "obfuscat", "scrub", "sanitiz", "sanitis", "tokeniz", "erase",
    ];

    private readonly SemanticModel _model;
    private readonly PersonalDataNames _names;
    private readonly CancellationToken _cancellationToken;

    public PersonalDataFinder(SemanticModel model, PersonalDataNames names, CancellationToken cancellationToken)
    {
        _model = model;
        _names = names;
        _cancellationToken = cancellationToken;
    }

    public PersonalDataNames Names => _names;

    /// <summary>Whether a method name says the method redacts (the trail of personal data ends there).</summary>
    public static bool IsRedactingName(string methodName)
    {
        foreach (var word in s_redactingWords)
        {
            if (methodName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public PersonalValue? Find(ExpressionSyntax? expression) => Find(expression, 0, null);

    /// <summary>
    /// Like <see cref="Find(ExpressionSyntax?)"/>, for an expression whose bound value is known (a call's argument, an
    /// interpolation's hole): a local, parameter, field or property reference names its symbol and an interpolated
    /// string its holes' values, so the semantic model is not asked again (the answer is the same). Anything else, or a
    /// value that is not the expression's own, goes the syntax way.
    /// </summary>
    public PersonalValue? Find(ExpressionSyntax expression, IOperation? value) => Find(expression, value, 0);

    private PersonalValue? Find(ExpressionSyntax expression, IOperation? value, int depth)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (value is null || value.Syntax != expression || depth > MaxDepth)
        {
            return Find(expression, depth, null);
        }

        _cancellationToken.ThrowIfCancellationRequested();
        switch (value)
        {
            case ILocalReferenceOperation local when expression is IdentifierNameSyntax identifier:
                return FindInIdentifier(identifier, local.Local, depth, null);
            case IParameterReferenceOperation parameter when expression is IdentifierNameSyntax identifier:
                return FindInIdentifier(identifier, parameter.Parameter, depth, null);
            case IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } member when expression is IdentifierNameSyntax identifier:
                return FindInIdentifier(identifier, member.Member, depth, null);
            case IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } member when expression is MemberAccessExpressionSyntax access:
                return FindInMember(access, access.Name.Identifier.ValueText, member.Member, depth, null);
            case IInterpolatedStringOperation interpolated when expression is InterpolatedStringExpressionSyntax syntax:
                foreach (var content in syntax.Contents)
                {
                    if (content is InterpolationSyntax hole && Find(hole.Expression, HoleValue(interpolated, hole), depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return Find(expression, depth, null);
        }
    }

    /// <summary>The bound value of one hole of an interpolated string (null when the parts do not name it).</summary>
    public static IOperation? HoleValue(IInterpolatedStringOperation interpolated, InterpolationSyntax hole)
    {
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolationOperation interpolation && interpolation.Syntax == hole)
            {
                return interpolation.Expression;
            }
        }

        return null;
    }

    /// <summary>Whether a symbol (member, parameter, local) is personal by classification or by name, ignoring derivation.</summary>
    public bool IsPersonalSymbol(ISymbol symbol, out bool classified)
    {
        classified = Classification.IsClassified(symbol);
        if (classified)
        {
            return true;
        }

        return _names.IsPersonal(symbol.Name) && CanHoldPersonalData(TypeOf(symbol));
    }

    private PersonalValue? Find(ExpressionSyntax? expression, int depth, HashSet<ISymbol>? visited)
    {
        if (expression is null || depth > MaxDepth)
        {
            return null;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        switch (expression)
        {
            case LiteralExpressionSyntax or TypeOfExpressionSyntax or DefaultExpressionSyntax or ObjectCreationExpressionSyntax
                or ImplicitObjectCreationExpressionSyntax or LambdaExpressionSyntax or AnonymousObjectCreationExpressionSyntax:
                return null;
            case ParenthesizedExpressionSyntax parenthesized:
                return Find(parenthesized.Expression, depth + 1, visited);
            case CastExpressionSyntax cast:
                return Find(cast.Expression, depth + 1, visited);
            case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                return Find(postfix.Operand, depth + 1, visited);
            case AwaitExpressionSyntax awaited:
                return Find(awaited.Expression, depth + 1, visited);
            case CheckedExpressionSyntax checkedExpression:
                return Find(checkedExpression.Expression, depth + 1, visited);
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolationSyntax hole && Find(hole.Expression, depth + 1, visited) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.CoalesceExpression):
                return Find(binary.Left, depth + 1, visited) ?? Find(binary.Right, depth + 1, visited);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AsExpression):
                return Find(binary.Left, depth + 1, visited);
            case ConditionalExpressionSyntax conditional:
                return Find(conditional.WhenTrue, depth + 1, visited) ?? Find(conditional.WhenFalse, depth + 1, visited);
            case SwitchExpressionSyntax switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    if (Find(arm.Expression, depth + 1, visited) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case ElementAccessExpressionSyntax elementAccess:
                return Find(elementAccess.Expression, depth + 1, visited);
            case InvocationExpressionSyntax invocation:
                return FindInInvocation(invocation, depth, visited);
            case ConditionalAccessExpressionSyntax conditionalAccess:
                return FindInConditionalAccess(conditionalAccess, depth, visited);
            case MemberAccessExpressionSyntax memberAccess:
                return FindInMember(memberAccess, memberAccess.Name.Identifier.ValueText, depth, visited);
            case IdentifierNameSyntax identifier:
                return FindInIdentifier(identifier, depth, visited);
            default:
                return null;
        }
    }

    private PersonalValue? FindInInvocation(InvocationExpressionSyntax invocation, int depth, HashSet<ISymbol>? visited)
    {
        var name = MethodName(invocation.Expression);
        if (name is null || name == "nameof" || IsRedactingName(name))
        {
            return null;
        }

        if (s_propagatingMethods.Contains(name) && invocation.Expression is MemberAccessExpressionSyntax receiverAccess)
        {
            if (Find(receiverAccess.Expression, depth + 1, visited) is { } found)
            {
                return found;
            }

            // Extension-method style: string.Join(...).ToString() or Enumerable.First(emails).
            return name == "ToString" ? null : FindInArguments(invocation, depth, visited);
        }

        return s_combiningMethods.Contains(name) ? FindInArguments(invocation, depth, visited) : null;
    }

    private PersonalValue? FindInArguments(InvocationExpressionSyntax invocation, int depth, HashSet<ISymbol>? visited)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (Find(argument.Expression, depth + 1, visited) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private PersonalValue? FindInConditionalAccess(ConditionalAccessExpressionSyntax access, int depth, HashSet<ISymbol>? visited)
    {
        switch (access.WhenNotNull)
        {
            case MemberBindingExpressionSyntax binding:
                return FindInMember(access.WhenNotNull, binding.Name.Identifier.ValueText, depth, visited, access.Expression);
            case InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding }:
                // email?.Trim(), phone?.ToString(): the result holds what the receiver held.
                var name = binding.Name.Identifier.ValueText;
                return s_propagatingMethods.Contains(name) ? Find(access.Expression, depth + 1, visited) : null;
            default:
                return null;
        }
    }

    private PersonalValue? FindInMember(ExpressionSyntax node, string memberName, int depth, HashSet<ISymbol>? visited, ExpressionSyntax? receiver = null) =>
        FindInMember(node, memberName, _model.GetSymbolInfo(node, _cancellationToken).Symbol, depth, visited, receiver);

    private PersonalValue? FindInMember(ExpressionSyntax node, string memberName, ISymbol? symbol, int depth, HashSet<ISymbol>? visited, ExpressionSyntax? receiver = null)
    {
        receiver ??= (node as MemberAccessExpressionSyntax)?.Expression;
        if (symbol is IPropertySymbol or IFieldSymbol)
        {
            if (IsPersonalSymbol(symbol, out var classified))
            {
                return new PersonalValue(node, symbol.Name, classified);
            }
        }
        else if (symbol is null && _names.IsPersonal(memberName))
        {
            return new PersonalValue(node, memberName, false);
        }

        // email.Value, phone.Text: the member holds what the receiver held.
        return memberName is "Value" or "Text" ? Find(receiver, depth + 1, visited) : null;
    }

    private PersonalValue? FindInIdentifier(IdentifierNameSyntax identifier, int depth, HashSet<ISymbol>? visited) =>
        FindInIdentifier(identifier, _model.GetSymbolInfo(identifier, _cancellationToken).Symbol, depth, visited);

    private PersonalValue? FindInIdentifier(IdentifierNameSyntax identifier, ISymbol? symbol, int depth, HashSet<ISymbol>? visited)
    {
        var name = identifier.Identifier.ValueText;
        switch (symbol)
        {
            case null:
                return _names.IsPersonal(name) ? new PersonalValue(identifier, name, false) : null;
            case IPropertySymbol or IFieldSymbol or IParameterSymbol:
                return IsPersonalSymbol(symbol, out var classified) ? new PersonalValue(identifier, symbol.Name, classified) : null;
            case ILocalSymbol local:
                if (_names.IsPersonal(name) && CanHoldPersonalData(local.Type))
                {
                    return new PersonalValue(identifier, name, false);
                }

                return FindInLocal(identifier, local, depth, visited);
            default:
                return null;
        }
    }

    /// <summary>A local holds personal data when its initializer, a value assigned to it, or the collection it iterates does.</summary>
    private PersonalValue? FindInLocal(IdentifierNameSyntax use, ILocalSymbol local, int depth, HashSet<ISymbol>? visited)
    {
        visited ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (!visited.Add(local) || local.DeclaringSyntaxReferences.Length == 0)
        {
            return null;
        }

        var declaration = local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken);
        PersonalValue? found = declaration switch
        {
            VariableDeclaratorSyntax { Initializer: { } initializer } => Find(initializer.Value, depth + 1, visited),
            ForEachStatementSyntax forEach => Find(forEach.Expression, depth + 1, visited),
            _ => null,
        };

        // Later assignments are searched only for locals that can hold derived text (string, object, StringBuilder ...):
        // a number or a date takes personal data only from its initializer in practice, and the search walks the body.
        if (found is null && !IsPlainValue(local.Type) && declaration.FirstAncestorOrSelf<BlockSyntax>() is { } block && block.SyntaxTree == use.SyntaxTree
            && AssignmentIndex.To(block, local.Name) is { } assignments)
        {
            foreach (var assignment in assignments)
            {
                if (SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(assignment.Left, _cancellationToken).Symbol, local))
                {
                    found = Find(assignment.Right, depth + 1, visited);
                    if (found is not null)
                    {
                        break;
                    }
                }
            }
        }

        // Point at the use, name the holder the data came from.
        return found is null ? null : found with { Origin = use };
    }

    private static bool IsPlainValue(ITypeSymbol type) =>
        (type.IsValueType && type.SpecialType != SpecialType.None) || type.TypeKind == TypeKind.Enum;

    internal static string? MethodName(ExpressionSyntax invoked) => invoked switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        IParameterSymbol parameter => parameter.Type,
        ILocalSymbol local => local.Type,
        _ => null,
    };

    /// <summary>Booleans, enums, delegates and service-like types (options, validators, senders) are not personal data whatever their name.</summary>
    internal static bool CanHoldPersonalData(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return true;
        }

        if (type.SpecialType == SpecialType.System_Boolean || type.TypeKind is TypeKind.Enum or TypeKind.Delegate)
        {
            return false;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named && named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return CanHoldPersonalData(named.TypeArguments[0]);
        }

        var name = type.Name;
        return !(name.EndsWith("Options", StringComparison.Ordinal) || name.EndsWith("Settings", StringComparison.Ordinal)
            || name.EndsWith("Service", StringComparison.Ordinal) || name.EndsWith("Client", StringComparison.Ordinal)
            || name.EndsWith("Sender", StringComparison.Ordinal) || name.EndsWith("Validator", StringComparison.Ordinal)
            || name.EndsWith("Attribute", StringComparison.Ordinal) || name == "Regex" || name == "Type");
    }
}
