using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Nonprofit.Analyzers.Core;

/// <summary>What a rule needs for one compilation: the known types and the settings. Lives in compilation-start closures only.</summary>
internal sealed class AnalysisScope
{
    public AnalysisScope(Compilation compilation, AnalyzerConfigOptionsProvider options)
    {
        Types = KnownTypes.Create(compilation);
        Settings = new Settings(options, compilation.SyntaxTrees);
    }

    public KnownTypes Types { get; }

    public Settings Settings { get; }

    public PersonalDataFinder Finder(SemanticModel model, CancellationToken cancellationToken) =>
        new(model, Settings.NamesFor(model.SyntaxTree), cancellationToken);

    /// <summary>
    /// Runs <paramref name="analyze"/> on method calls and object creations that pass <paramref name="wanted"/> (a cheap
    /// test on the method name, or the created type's name, and the target when bound), and, in syntax-fallback mode
    /// (<c>nonprofit audit</c>), on calls that did not bind.
    /// </summary>
    public void RegisterCalls(
        CompilationStartAnalysisContext context, Func<string, IMethodSymbol?, bool> wanted, Action<Call, OperationAnalysisContext> analyze, bool creations, bool invocations = true)
    {
        if (invocations)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (wanted(invocation.TargetMethod.Name, invocation.TargetMethod))
                    {
                        analyze(Call.FromInvocation(invocation), c);
                    }
                },
                OperationKind.Invocation);
        }

        if (creations)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (creation.Type is { } type && wanted(type.Name, creation.Constructor) && Call.FromObjectCreation(creation) is { } call)
                    {
                        analyze(call, c);
                    }
                },
                OperationKind.ObjectCreation);
        }

        if (Settings.SyntaxFallback)
        {
            var wantedCall = wanted;
            context.RegisterOperationAction(
                c =>
                {
                    var syntax = c.Operation.Syntax;
                    var wantedKind = (invocations && syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax)
                        || (creations && syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax);
                    if (wantedKind && Call.FromUnboundSyntax(syntax) is { } call && wantedCall(call.Name, null))
                    {
                        analyze(call, c);
                    }
                },
                OperationKind.Invalid);
        }
    }
}
