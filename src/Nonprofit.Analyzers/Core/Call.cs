using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Nonprofit.Analyzers.Core;

/// <summary>
/// A method call or object creation, bound or not: the rules see the same shape whether the compiler resolved the
/// target (<see cref="Method"/> set) or, in <c>nonprofit audit</c> on code whose references are missing, did not.
/// </summary>
internal sealed class Call
{
    private Call(SyntaxNode syntax, string name, IMethodSymbol? method, ExpressionSyntax? receiver, List<CallArgument> arguments)
    {
        Syntax = syntax;
        Name = name;
        Method = method;
        Receiver = receiver;
        Arguments = arguments;
    }

    public SyntaxNode Syntax { get; }

    /// <summary>The method name, or the created type's simple name.</summary>
    public string Name { get; }

    public IMethodSymbol? Method { get; }

    /// <summary>The expression before the dot (<c>_logger</c> in <c>_logger.LogInformation(...)</c>), if any.</summary>
    public ExpressionSyntax? Receiver { get; }

    public List<CallArgument> Arguments { get; }

    /// <summary>The receiver's last identifier (<c>_logger</c>, <c>Console</c>, <c>Error</c> in <c>Console.Error</c>).</summary>
    public string? ReceiverName => Receiver switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };

    public static Call FromInvocation(IInvocationOperation invocation)
    {
        var arguments = new List<CallArgument>(invocation.Arguments.Length);
        AddArguments(invocation.Arguments, arguments);
        var receiver = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } ? member.Expression : null;
        return new Call(invocation.Syntax, invocation.TargetMethod.Name, invocation.TargetMethod, receiver, arguments);
    }

    public static Call? FromObjectCreation(IObjectCreationOperation creation)
    {
        if (creation.Constructor is null || creation.Type is null)
        {
            return null;
        }

        var arguments = new List<CallArgument>(creation.Arguments.Length);
        AddArguments(creation.Arguments, arguments);
        return new Call(creation.Syntax, creation.Type.Name, creation.Constructor, null, arguments);
    }

    /// <summary>A call the compiler could not bind: names and argument expressions only.</summary>
    public static Call? FromUnboundSyntax(SyntaxNode syntax)
    {
        switch (syntax)
        {
            case InvocationExpressionSyntax invocation when PersonalDataFinder.MethodName(invocation.Expression) is { } name:
                var receiver = invocation.Expression is MemberAccessExpressionSyntax member ? member.Expression : null;
                return new Call(invocation, name, null, receiver, FromSyntax(invocation.ArgumentList));
            case ObjectCreationExpressionSyntax { ArgumentList: { } list } creation:
                var typeName = creation.Type switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
                return typeName is null ? null : new Call(creation, typeName, null, null, FromSyntax(list));
            default:
                return null;
        }
    }

    private static List<CallArgument> FromSyntax(ArgumentListSyntax list)
    {
        var arguments = new List<CallArgument>(list.Arguments.Count);
        foreach (var argument in list.Arguments)
        {
            arguments.Add(new CallArgument(argument.Expression, null, argument.NameColon?.Name.Identifier.ValueText, null));
        }

        return arguments;
    }

    private static void AddArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> operations, List<CallArgument> arguments)
    {
        foreach (var argument in operations)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    if (element.Syntax is ExpressionSyntax expression)
                    {
                        arguments.Add(new CallArgument(expression, argument.Parameter, argument.Parameter?.Name, element));
                    }
                }
            }
            else if (argument.Syntax is ArgumentSyntax syntax)
            {
                arguments.Add(new CallArgument(syntax.Expression, argument.Parameter, argument.Parameter?.Name, argument.Value));
            }
        }
    }
}

/// <summary>One argument: its expression and, when bound, the parameter it goes to.</summary>
/// <param name="Expression">The argument as written.</param>
/// <param name="Parameter">The parameter, when the call bound.</param>
/// <param name="ParameterName">The parameter's name when bound, or the name written before a colon.</param>
/// <param name="Value">The bound value, when the call bound (lets the finder read the symbol without asking the semantic model).</param>
internal sealed record CallArgument(ExpressionSyntax Expression, IParameterSymbol? Parameter, string? ParameterName, IOperation? Value);
