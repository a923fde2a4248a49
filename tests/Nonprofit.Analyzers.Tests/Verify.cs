using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Nonprofit.Analyzers.Tests;

/// <summary>Runs one analyzer (and optionally its fix) on markup code with the stubs and the .NET 8 reference pack.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task AnalyzerAsync(string source, string? editorConfig = null, params string[] stubs)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test.TestState, editorConfig, stubs);
        test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        return test.RunAsync();
    }

    public static Task FixAsync<TFix>(string source, string fixedSource, string? equivalenceKey = null, params string[] stubs)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        Configure(test.TestState, null, stubs);
        foreach (var stub in stubs.Length == 0 ? [Stubs.Logging] : stubs)
        {
            test.FixedState.Sources.Add(stub);
        }

        return test.RunAsync();
    }

    private static void Configure(SolutionState state, string? editorConfig, string[] stubs)
    {
        foreach (var stub in stubs.Length == 0 ? [Stubs.Logging] : stubs)
        {
            state.Sources.Add(stub);
        }

        if (editorConfig is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + editorConfig));
        }
    }
}
