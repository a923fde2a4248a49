using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.Extensions.Time.Testing;
using Nonprofit.Impact.Iati;

namespace Nonprofit.Impact.Tests.Iati;

/// <summary>The shared IATI standards folder (beside the repository), XSD validation and export helpers.</summary>
internal static class IatiFixtures
{
    public static readonly DateTimeOffset Now = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static readonly Lazy<string> s_standards = new(FindStandards);
    private static readonly Lazy<XmlSchemaSet> s_schemas = new(LoadSchemas);

    public static string StandardsFolder => s_standards.Value;

    public static string Example(string fileName) => Path.Combine(StandardsFolder, "examples", fileName);

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
    public static List<string> Validate(byte[] xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = s_schemas.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    public static XDocument Parse(byte[] xml) => XDocument.Load(new MemoryStream(xml), LoadOptions.SetLineInfo);

    /// <summary>Counts the elements with <paramref name="name"/> (no namespace) anywhere in the document.</summary>
    public static int Count(XDocument document, string name) => document.Descendants(name).Count();

    private static XmlSchemaSet LoadSchemas()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, Path.Combine(StandardsFolder, "schemas", "iati-activities-schema.xsd"));
        set.Compile();
        return set;
    }

    private static string FindStandards()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nonprofit.Sdk.sln")))
            {
                var standards = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "standards", "iati"));
                return Directory.Exists(standards)
                    ? standards
                    : throw new DirectoryNotFoundException($"The shared IATI standards folder was not found at {standards}.");
            }
        }

        throw new DirectoryNotFoundException($"Nonprofit.Sdk.sln was not found above {AppContext.BaseDirectory}.");
    }
}
