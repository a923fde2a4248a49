using Microsoft.CodeAnalysis.Diagnostics;

namespace Nonprofit.Analyzers.Core;

/// <summary>
/// The shape every NP1xxx analyzer shares: concurrent, generated code skipped, and all per-compilation state
/// (known types, settings) created in a compilation-start action rather than kept in fields.
/// </summary>
internal abstract class PrivacyAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
            OnCompilationStart(start, new AnalysisScope(start.Compilation, start.Options.AnalyzerConfigOptionsProvider)));
    }

    protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisScope scope);
}
