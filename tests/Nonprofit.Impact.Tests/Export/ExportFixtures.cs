using System.Text;
using Nonprofit.Impact.Export;

namespace Nonprofit.Impact.Tests.Export;

/// <summary>Hand-built frameworks and helpers shared by the exporter tests.</summary>
internal static class ExportFixtures
{
    public const string ActivityId = "XM-EXAMPLE-1";

    /// <summary>
    /// One activity with two locations; an output indicator disaggregated by age and sex (with HXL attributes), with a
    /// baseline, a target and two actuals; an outcome indicator that is qualitative, with text that needs quoting and
    /// a name that looks like a formula; a percentage indicator with a negative value.
    /// </summary>
    public static ResultsFramework Sample()
    {
        var framework = new ResultsFramework { Name = "Sample" };
        var activity = new ActivityInfo { Identifier = ActivityId, ReportingOrg = new OrganisationInfo { Ref = "XM-EXAMPLE" }, Title = "Girls' education" };
        activity.Locations.Add(new LocationInfo { Ref = "KE-047", Name = "Nairobi", AdministrativeCode = "ouNairobi01" });
        activity.Locations.Add(new LocationInfo { Ref = "KE-030", Name = "Baringo" });
        framework.Activities.Add(activity);

        var output = new Result { Type = ResultType.Output, Title = "Children reached" };
        var reached = new IndicatorDefinition { Id = "children-reached", Name = "Children reached", Measure = IndicatorMeasure.Unit, Unit = "{person}" };
        reached.Dimensions.Add(Dimension("sex", "sex", ("female", "+f"), ("male", "+m")));
        reached.Dimensions.Add(Dimension("age", null, ("0-4", "+infants"), ("5-17", "+children")));
        reached.References.Add(CodeReference.Sdg("4.1.1"));
        reached.References.Add(CodeReference.IrisPlus("PI4060"));
        reached.Baseline = new IndicatorBaseline { Year = 2023, Value = "10" };
        var quarter = new IndicatorPeriod { Start = new DateOnly(2024, 1, 1), End = new DateOnly(2024, 3, 31) };
        quarter.Targets.Add(new PeriodValue { Value = "100" });
        quarter.Actuals.Add(Value("12", "KE-047", ("sex", "female"), ("age", "5-17")));
        quarter.Actuals.Add(Value("8", "KE-047", ("sex", "male"), ("age", "5-17")));
        reached.Periods.Add(quarter);
        output.Indicators.Add(reached);
        framework.Results.Add(output);

        var outcome = new Result { Type = ResultType.Outcome, Title = "Communities, \"safer\"" };
        var story = new IndicatorDefinition { Id = "story", Name = "=1+2 story", Measure = IndicatorMeasure.Qualitative };
        var february = new IndicatorPeriod { Start = new DateOnly(2024, 2, 1), End = new DateOnly(2024, 2, 29) };
        february.Actuals.Add(new PeriodValue { Value = "Line 1\nLine 2, \"quoted\"", Comment = "private note" });
        february.Actuals.Add(Value("-cmd|' /C calc'!A0", "KE-030"));
        story.Periods.Add(february);
        outcome.Indicators.Add(story);

        var change = new IndicatorDefinition { Id = "change", Name = "Change in dropout", Measure = IndicatorMeasure.Percentage, Unit = "%" };
        var year = new IndicatorPeriod { Start = new DateOnly(2024, 1, 1), End = new DateOnly(2024, 12, 31) };
        year.Actuals.Add(new PeriodValue { Value = "-3.5" });
        change.Periods.Add(year);
        outcome.Indicators.Add(change);
        framework.Results.Add(outcome);

        framework.EnsureValid();
        return framework;
    }

    public static DimensionDefinition Dimension(string name, string? hxlAttribute, params (string Value, string? Hxl)[] values)
    {
        var dimension = new DimensionDefinition { Name = name, HxlAttribute = hxlAttribute };
        foreach (var (value, hxl) in values)
        {
            dimension.AllowedValues.Add(value);
            if (hxl is not null)
            {
                dimension.HxlAttributes[value] = hxl;
            }
        }

        return dimension;
    }

    public static PeriodValue Value(string value, string? location, params (string Name, string Value)[] dimensions)
    {
        var result = new PeriodValue { Value = value };
        if (location is not null)
        {
            result.Locations.Add(location);
        }

        foreach (var (name, v) in dimensions)
        {
            result.Dimensions.Add(new DimensionValue(name, v));
        }

        return result;
    }

    /// <summary>A framework with one activity, one output and one unit indicator with the given periods.</summary>
    public static ResultsFramework Single(IndicatorDefinition indicator)
    {
        var framework = new ResultsFramework();
        framework.Activities.Add(new ActivityInfo { Identifier = ActivityId, ReportingOrg = new OrganisationInfo { Ref = "XM-EXAMPLE" } });
        var result = new Result { Title = "Result" };
        result.Indicators.Add(indicator);
        framework.Results.Add(result);
        return framework;
    }

    public static async Task<string> ExportToStringAsync(IFrameworkExporter exporter, ResultsFramework framework)
    {
        using var stream = new MemoryStream();
        await exporter.ExportAsync(framework, stream);
        var bytes = stream.ToArray();
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no byte order mark");
        return new UTF8Encoding(false, true).GetString(bytes);
    }

    /// <summary>A strict RFC 4180 parser, independent of the exporter: records end with CRLF (the last may not).</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var atFieldStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("Unterminated quoted field.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                atFieldStart = false;
                if (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    throw new FormatException($"Text after a closing quote at {i}.");
                }

                continue;
            }

            if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
                i++;
            }
            else if (c == '\r')
            {
                if (i + 1 >= text.Length || text[i + 1] != '\n')
                {
                    throw new FormatException($"Bare CR at {i}.");
                }

                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                atFieldStart = true;
                i += 2;
            }
            else
            {
                if (c is '"' or '\n')
                {
                    throw new FormatException($"Unquoted {(c == '"' ? "quote" : "LF")} at {i}.");
                }

                field.Append(c);
                atFieldStart = false;
                i++;
            }
        }

        if (!atFieldStart || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
