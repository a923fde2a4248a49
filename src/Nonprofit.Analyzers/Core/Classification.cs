using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Nonprofit.Analyzers.Core;

/// <summary>
/// Whether a symbol carries a data classification: an attribute derived from Microsoft.Extensions.Compliance's
/// <c>DataClassificationAttribute</c>, or (when that type does not bind, as in <c>nonprofit audit</c>) an
/// attribute with one of the well-known classification names (the SDK's taxonomy, ASP.NET Identity's <c>[PersonalData]</c>).
/// </summary>
internal static class Classification
{
    private static readonly HashSet<string> s_knownNames = new(StringComparer.Ordinal)
    {
        "PersonalDataAttribute", "PersonalData", "FreeTextDataAttribute", "FreeTextData", "HealthDataAttribute", "HealthData",
        "ViolenceDataAttribute", "ViolenceData", "LocationDataAttribute", "LocationData", "PrivateDataAttribute", "PrivateData",
        "SensitiveDataAttribute", "SensitiveData", "PiiDataAttribute", "PiiData", "SensitivePersonalDataAttribute", "SensitivePersonalData",
    };

    public static bool IsClassified(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsClassificationAttribute(attribute.AttributeClass))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsClassificationAttribute(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null)
        {
            return false;
        }

        if (s_knownNames.Contains(attributeClass.Name))
        {
            return true;
        }

        for (var type = attributeClass.BaseType; type is not null; type = type.BaseType)
        {
            if (type.Name == "DataClassificationAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an attribute name written in source (<c>[PersonalData]</c>) is a classification, for code that does not bind.</summary>
    public static bool IsClassificationName(string attributeName) =>
        s_knownNames.Contains(attributeName) || attributeName.EndsWith("DataClassification", StringComparison.Ordinal);
}
