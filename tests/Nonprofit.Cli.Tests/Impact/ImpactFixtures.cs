using Nonprofit.Impact;
using Nonprofit.Tests.Shared;

namespace Nonprofit.Cli.Tests.Impact;

/// <summary>Writes frameworks into a test's <see cref="TempFolder"/>.</summary>
internal static class TempFolderExtensions
{
    public static string WriteFramework(this TempFolder folder, ResultsFramework framework, string name = "framework.json") =>
        folder.Write(name, ResultsFrameworkJson.Serialize(framework));

    public static string WriteText(this TempFolder folder, string name, string text) => folder.Write(name, text);
}

/// <summary>Small frameworks built with the model API, and the shared IATI standards folder.</summary>
internal static class ImpactFixtures
{
    public const string IndicatorId = "referrals";


    /// <summary>The shared IATI folder beside the repository (<c>../shared/standards/iati</c>).</summary>
    public static string IatiStandards => IatiSchema.StandardsFolder;

    public static string IatiExample(string fileName) => IatiSchema.Example(fileName);

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
        using var stream = File.OpenRead(xmlPath);
        return IatiSchema.Validate(stream);
    }
}
