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
        Settings = new Settings(options);
    }

    public KnownTypes Types { get; }

    public Settings Settings { get; }

    public PersonalDataFinder Finder(SemanticModel model, CancellationToken cancellationToken) =>
        new(model, Settings.NamesFor(model.SyntaxTree), cancellationToken);

    /// <summary>
    /// Runs <paramref name="analyze"/> on every bound method call and object creation, and, in syntax-fallback mode
    /// (<c>nonprofit audit</c>), on calls that did not bind.
    /// </summary>
    public void RegisterCalls(CompilationStartAnalysisContext context, Action<Call, OperationAnalysisContext> analyze, bool creations, bool invocations = true)
    {
        if (invocations)
        {
            context.RegisterOperationAction(c => analyze(Call.FromInvocation((IInvocationOperation)c.Operation), c), OperationKind.Invocation);
        }

        if (creations)
        {
            context.RegisterOperationAction(
                c =>
                {
                    if (Call.FromObjectCreation((IObjectCreationOperation)c.Operation) is { } call)
                    {
                        analyze(call, c);
                    }
                },
                OperationKind.ObjectCreation);
        }

        if (Settings.SyntaxFallback)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var syntax = c.Operation.Syntax;
                    var wanted = (invocations && syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax)
                        || (creations && syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax);
                    if (wanted && Call.FromUnboundSyntax(syntax) is { } call)
                    {
                        analyze(call, c);
                    }
                },
                OperationKind.Invalid);
        }
    }
}
