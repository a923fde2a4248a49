using System.Xml;
using System.Xml.Schema;
using Nonprofit.Impact;

namespace Nonprofit.Cli.Tests.Impact;

/// <summary>A fresh temporary folder for one test's files, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nonprofit-cli-impact-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string WriteFramework(ResultsFramework framework, string name = "framework.json")
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, ResultsFrameworkJson.Serialize(framework));
        return path;
    }

    public string WriteText(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: the OS cleans the temporary folder up later.
        }
    }
}

/// <summary>Small frameworks built with the model API, and the shared IATI standards folder.</summary>
internal static class ImpactFixtures
{
    public const string IndicatorId = "referrals";

    private static readonly Lazy<string> s_standards = new(FindStandards);
    private static readonly Lazy<XmlSchemaSet> s_schemas = new(LoadSchemas);

    /// <summary>The shared IATI folder beside the repository (<c>../shared/standards/iati</c>).</summary>
    public static string IatiStandards => s_standards.Value;

    public static string IatiExample(string fileName) => Path.Combine(IatiStandards, "examples", fileName);

    /// <summary>
    /// A valid framework that IATI can carry: one activity with a location, one outcome with one indicator
    /// (disaggregated by sex), a baseline of 120, and a first-quarter 2026 period with target 200 and actuals 150
    /// (total) and 90 (female).
    /// </summary>
    public static ResultsFramework Framework()
    {
        var framework = new ResultsFramework { Name = "Safe homes programme" };
        var organisation = new OrganisationInfo { Ref = "XM-DAC-00000", Type = "22", Name = "Safe Homes" };
        var activity = new ActivityInfo
        {
            Identifier = "XM-DAC-00000-SAFE-1",
            ReportingOrg = organisation,
            Title = "Safe homes",
            Description = "Shelter referrals for survivors of domestic violence.",
        };
        activity.ParticipatingOrgs.Add(new OrganisationInfo { Ref = "XM-DAC-00000", Type = "22", Role = "4", Name = "Safe Homes" });
        activity.Dates.Add(new ActivityDate { Type = "1", Date = new DateOnly(2025, 1, 1) });
        activity.RecipientCountries.Add("KE");
        activity.Locations.Add(new LocationInfo { Ref = "nairobi", Name = "Nairobi", AdministrativeCode = "KE-030" });
        activity.Locations.Add(new LocationInfo { Ref = "kisumu", Name = "Kisumu" });
        framework.Activities.Add(activity);

        var indicator = new IndicatorDefinition
        {
            Id = IndicatorId,
            Name = "Survivors referred to shelter",
            Unit = "{person}",
            Direction = IndicatorDirection.Increase,
        };
        indicator.References.Add(CodeReference.Sdg("5.2.1"));
        var sex = new DimensionDefinition { Name = "sex", HxlAttribute = "+sex" };
        sex.AllowedValues.Add("female");
        sex.AllowedValues.Add("male");
        indicator.Dimensions.Add(sex);
        indicator.Baseline = new IndicatorBaseline { Year = 2025, Value = "120" };

        var period = new IndicatorPeriod { Start = new DateOnly(2026, 1, 1), End = new DateOnly(2026, 3, 31) };
        period.Targets.Add(new PeriodValue { Value = "200" });
        period.Actuals.Add(new PeriodValue { Value = "150" });
        var female = new PeriodValue { Value = "90" };
        female.Dimensions.Add(new DimensionValue("sex", "female"));
        period.Actuals.Add(female);
        indicator.Periods.Add(period);

        var result = new Result { Type = ResultType.Outcome, Title = "Survivors reach safety" };
        result.Indicators.Add(indicator);
        framework.Results.Add(result);
        return framework;
    }

    /// <summary>Validates XML against the IATI 2.03 activity schema; returns every error and warning.</summary>
    public static List<string> ValidateIati(string xmlPath)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = s_schemas.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(xmlPath, settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, Path.Combine(IatiStandards, "schemas", "iati-activities-schema.xsd"));
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
