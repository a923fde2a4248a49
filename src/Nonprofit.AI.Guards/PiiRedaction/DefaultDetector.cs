using System;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards;

/// <summary>One default <see cref="PiiDetector"/> per process, built on first use (it loads gazetteers).</summary>
internal static class DefaultDetector
{
    private static readonly Lazy<PiiDetector> s_instance = new(() => new PiiDetector());

    public static PiiDetector Instance => s_instance.Value;
}
