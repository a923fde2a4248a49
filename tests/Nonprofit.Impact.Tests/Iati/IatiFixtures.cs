using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using Nonprofit.Impact.Iati;
using Nonprofit.Tests.Shared;

namespace Nonprofit.Impact.Tests.Iati;

/// <summary>The shared IATI standards folder (beside the repository), XSD validation and export helpers.</summary>
internal static class IatiFixtures
{
    public static readonly DateTimeOffset Now = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public static string StandardsFolder => IatiSchema.StandardsFolder;

    public static string Example(string fileName) => IatiSchema.Example(fileName);

    public static IatiExporter CreateExporter() => new(new FakeTimeProvider(Now));

    public static async Task<byte[]> ExportAsync(ResultsFramework framework)
    {
        using var stream = new MemoryStream();
        await CreateExporter().ExportAsync(framework, stream);
        return stream.ToArray();
    }

    public static async Task<ResultsFramework> ImportAsync(byte[] xml)
    {
        using var stream = new MemoryStream(xml);
        return await IatiImporter.ReadAsync(stream);
    }

    /// <summary>Validates against the IATI 2.03 activity schema; returns every error and warning.</summary>
    public static List<string> Validate(byte[] xml) => IatiSchema.Validate(new MemoryStream(xml));

    public static XDocument Parse(byte[] xml) => XDocument.Load(new MemoryStream(xml), LoadOptions.SetLineInfo);

    /// <summary>Counts the elements with <paramref name="name"/> (no namespace) anywhere in the document.</summary>
    public static int Count(XDocument document, string name) => document.Descendants(name).Count();
}
