using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>Reads the verdicts the guards attached to a response or a streaming update.</summary>
public static class GuardVerdictExtensions
{
    /// <summary>Gets the verdicts attached to <paramref name="response"/>, innermost guard first (empty when none).</summary>
    /// <param name="response">The response.</param>
    /// <returns>The verdicts.</returns>
    public static IReadOnlyList<GuardVerdict> GetGuardVerdicts(this ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return VerdictList.Read(response.AdditionalProperties);
    }

    /// <summary>Gets the verdicts attached to <paramref name="update"/> (empty when no guard decided at this update).</summary>
    /// <param name="update">The streaming update.</param>
    /// <returns>The verdicts.</returns>
    public static IReadOnlyList<GuardVerdict> GetGuardVerdicts(this ChatResponseUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return VerdictList.Read(update.AdditionalProperties);
    }
}
