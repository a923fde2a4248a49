using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Nonprofit.Impact.Catalog;

/// <summary>An item of an IATI codelist.</summary>
/// <param name="Code">The code.</param>
/// <param name="Name">The English name.</param>
/// <param name="Category">The code's category, when the list has categories (a sector's DAC 3-digit category).</param>
/// <param name="Withdrawn">Whether the code is withdrawn.</param>
public sealed record CodelistItem(string Code, string Name, string? Category, bool Withdrawn);

/// <summary>An IATI codelist, such as <c>IndicatorMeasure</c> or <c>Sector</c>.</summary>
public sealed class Codelist
{
    private readonly FrozenDictionary<string, CodelistItem> _byCode;

    internal Codelist(string name, IReadOnlyList<CodelistItem> items)
    {
        Name = name;
        Items = items;
        _byCode = items.ToFrozenDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the codelist's IATI name.</summary>
    public string Name { get; }

    /// <summary>Gets the items, in the list's order.</summary>
    public IReadOnlyList<CodelistItem> Items { get; }

    /// <summary>Finds an item by code (case-insensitive).</summary>
    /// <param name="code">The code.</param>
    /// <returns>The item, or <see langword="null"/>.</returns>
    public CodelistItem? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Whether the list has <paramref name="code"/> (withdrawn codes included).</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when the code is in the list.</returns>
    public bool Contains(string code) => _byCode.ContainsKey(code);
}

/// <summary>The IATI 2.03 codelists the exporters and validation need, embedded in the package (CC BY 4.0, IATI Standard).</summary>
public static class IatiCodelists
{
    private static readonly Lazy<Codelist> s_indicatorMeasure = new(() => Load("IndicatorMeasure"));
    private static readonly Lazy<Codelist> s_resultType = new(() => Load("ResultType"));
    private static readonly Lazy<Codelist> s_indicatorVocabulary = new(() => Load("IndicatorVocabulary"));
    private static readonly Lazy<Codelist> s_sector = new(() => Load("Sector"));
    private static readonly Lazy<Codelist> s_country = new(() => Load("Country"));

    /// <summary>Gets <c>IndicatorMeasure</c> (1 unit ... 5 qualitative).</summary>
    public static Codelist IndicatorMeasure => s_indicatorMeasure.Value;

    /// <summary>Gets <c>ResultType</c> (1 output, 2 outcome, 3 impact, 9 other).</summary>
    public static Codelist ResultType => s_resultType.Value;

    /// <summary>Gets <c>IndicatorVocabulary</c> (9 = SDG indicators, 99 = reporting organisation).</summary>
    public static Codelist IndicatorVocabulary => s_indicatorVocabulary.Value;

    /// <summary>Gets <c>Sector</c>, the OECD DAC 5-digit purpose codes.</summary>
    public static Codelist Sector => s_sector.Value;

    /// <summary>Gets <c>Country</c>, ISO 3166-1 alpha-2.</summary>
    public static Codelist Country => s_country.Value;

    private static Codelist Load(string name)
    {
        using var stream = typeof(IatiCodelists).Assembly.GetManifestResourceStream($"Nonprofit.Impact.Catalog.{name}.xml")
            ?? throw new InvalidOperationException($"The IATI codelist {name} is missing from Nonprofit.Impact: the package is damaged.");
        var document = XDocument.Load(stream);
        var items = document.Descendants("codelist-item")
            .Select(item => new CodelistItem(
                ((string?)item.Element("code") ?? "").Trim(),
                ((string?)item.Element("name")?.Elements("narrative").FirstOrDefault() ?? "").Trim(),
                ((string?)item.Element("category"))?.Trim(),
                string.Equals((string?)item.Attribute("status"), "withdrawn", StringComparison.Ordinal)))
            .Where(i => i.Code.Length > 0)
            .ToArray();
        return new Codelist(name, items);
    }
}
