using Microsoft.Extensions.Compliance.Classification;

namespace Nonprofit.Privacy.Compliance;

/// <summary>
/// The data classification taxonomy of the nonprofit sector, for Microsoft.Extensions.Compliance: mark
/// members with the attributes below and register redactors per classification with <c>AddRedaction</c>.
/// </summary>
public static class NonprofitTaxonomy
{
    /// <summary>The taxonomy name.</summary>
    public const string TaxonomyName = "Nonprofit";

    /// <summary>Personal data: identifies a person directly or indirectly (name, phone, id number, e-mail).</summary>
    public static DataClassification Personal { get; } = new(TaxonomyName, nameof(Personal));

    /// <summary>Free text that may contain personal data anywhere (a chat message, a case note).</summary>
    public static DataClassification FreeText { get; } = new(TaxonomyName, nameof(FreeText));

    /// <summary>Sensitive: health (pregnancy, diagnoses, heart rate recordings).</summary>
    public static DataClassification Health { get; } = new(TaxonomyName, nameof(Health));

    /// <summary>Sensitive: experience of violence or abuse (disclosures, incident reports).</summary>
    public static DataClassification Violence { get; } = new(TaxonomyName, nameof(Violence));

    /// <summary>Sensitive: where a person is or lives (address, GPS position, village).</summary>
    public static DataClassification Location { get; } = new(TaxonomyName, nameof(Location));
}
