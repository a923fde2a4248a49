using System;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>What DI gives for <see cref="IScopeClassifier"/> when <c>NonprofitGuardsOptions.ScopeOptions</c> is not set.</summary>
internal sealed class UnconfiguredScopeClassifier : IScopeClassifier
{
    public static UnconfiguredScopeClassifier Instance { get; } = new();

    public GuardDetection Detect(ReadOnlySpan<char> text) =>
        throw new InvalidOperationException("No scope is configured: set NonprofitGuardsOptions.ScopeOptions (the app's topics) or register an IScopeClassifier.");
}
