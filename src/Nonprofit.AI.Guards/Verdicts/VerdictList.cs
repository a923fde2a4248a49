using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>Attaches verdicts to, and reads them from, <see cref="AdditionalPropertiesDictionary"/>.</summary>
internal static class VerdictList
{
    public static IReadOnlyList<GuardVerdict> Read(AdditionalPropertiesDictionary? properties) =>
        properties is not null && properties.TryGetValue(GuardVerdict.AdditionalPropertiesKey, out var value) && value is IReadOnlyList<GuardVerdict> list
            ? list
            : [];

    public static AdditionalPropertiesDictionary Attach(AdditionalPropertiesDictionary? properties, GuardVerdict verdict)
    {
        properties ??= [];
        if (properties.TryGetValue(GuardVerdict.AdditionalPropertiesKey, out var value) && value is List<GuardVerdict> list)
        {
            list.Add(verdict);
        }
        else
        {
            properties[GuardVerdict.AdditionalPropertiesKey] = new List<GuardVerdict> { verdict };
        }

        return properties;
    }
}
