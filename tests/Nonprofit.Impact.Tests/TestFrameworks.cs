namespace Nonprofit.Impact.Tests;

/// <summary>Frameworks and indicators shared by the tests.</summary>
internal static class TestFrameworks
{
    public static IndicatorDefinition Referrals(IndicatorAggregation aggregation = IndicatorAggregation.Sum, string id = "referrals")
    {
        var indicator = new IndicatorDefinition
        {
            Id = id,
            Name = "Survivors referred to shelter",
            Unit = "{person}",
            Aggregation = aggregation,
            Direction = IndicatorDirection.Increase,
        };
        indicator.References.Add(CodeReference.Sdg("5.2.1"));
        indicator.Dimensions.Add(Dimension("sex", "female", "male", "other"));
        indicator.Dimensions.Add(Dimension("age", "0-17", "18-24", "25-49", "50+"));
        indicator.Dimensions.Add(Dimension("region", "KE-047", "KE-030", "KE-001"));
        return indicator;
    }

    public static DimensionDefinition Dimension(string name, params string[] values)
    {
        var d = new DimensionDefinition { Name = name };
        foreach (var v in values)
        {
            d.AllowedValues.Add(v);
        }

        return d;
    }

    public static ResultsFramework Framework()
    {
        var framework = new ResultsFramework { Name = "Safe homes programme" };
        var activity = new ActivityInfo
        {
            Identifier = "XM-DAC-00000-SAFE-1",
            ReportingOrg = new OrganisationInfo { Ref = "XM-DAC-00000", Type = "22", Name = "Safe Homes" },
            Title = "Safe homes",
            Description = "Shelter referrals for survivors of domestic violence.",
        };
        framework.Activities.Add(activity);
        var result = new Result { Type = ResultType.Outcome, Title = "Survivors reach safety" };
        var indicator = Referrals();
        indicator.Baseline = new IndicatorBaseline { Year = 2025, IsoDate = new DateOnly(2025, 1, 1), Value = "120" };
        var period = new IndicatorPeriod { Start = new DateOnly(2026, 1, 1), End = new DateOnly(2026, 3, 31) };
        period.Targets.Add(new PeriodValue { Value = "200" });
        period.Actuals.Add(new PeriodValue { Value = "150" });
        var female = new PeriodValue { Value = "90" };
        female.Dimensions.Add(new DimensionValue("sex", "female"));
        period.Actuals.Add(female);
        indicator.Periods.Add(period);
        result.Indicators.Add(indicator);
        framework.Results.Add(result);
        return framework;
    }
}
