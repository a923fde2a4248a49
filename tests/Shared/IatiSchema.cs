using System.Xml;
using System.Xml.Schema;

namespace Nonprofit.Tests.Shared;

/// <summary>
/// The shared IATI 2.03 standards folder beside the repository (<c>../shared/standards/iati</c>) and validation
/// against its activity schema. Linked into the test projects that need it (see their csproj).
/// </summary>
internal static class IatiSchema
{
    private static readonly Lazy<string> s_standards = new(FindStandards);
    private static readonly Lazy<XmlSchemaSet> s_schemas = new(LoadSchemas);

    /// <summary>Gets the shared IATI folder.</summary>
    public static string StandardsFolder => s_standards.Value;

    /// <summary>Gets the path of an example activity file.</summary>
    public static string Example(string fileName) => Path.Combine(StandardsFolder, "examples", fileName);

    /// <summary>Validates XML against the IATI 2.03 activity schema; returns every error and warning.</summary>
    public static List<string> Validate(Stream xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = s_schemas.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(xml, settings);
        while (reader.Read())
        {
        }

        return problems;
    }

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
