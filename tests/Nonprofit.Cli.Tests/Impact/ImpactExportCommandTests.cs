using System.Text.Json;
using Nonprofit.Impact;

namespace Nonprofit.Cli.Tests.Impact;

public sealed class ImpactExportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Export_Csv_ToStdout_WritesTheFrameworksOwnValues()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "csv");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var rows = CsvRows(result.Out);
        Assert.Equal(["baseline", "target", "actual", "actual"], rows.Select(r => r["kind"]));
        Assert.Equal(["120", "200", "150", "90"], rows.Select(r => r["value"]));
        Assert.Equal(["", "", "", "female"], rows.Select(r => r["sex"]));
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Export_Csv_ToFile_WritesTheFileAndNothingOnStdout()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());
        var output = _folder.File("out.csv");

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "csv", "--out", output);
        var toStdout = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "csv");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("wrote", result.Error, StringComparison.Ordinal);
        Assert.Equal(toStdout.Out, await File.ReadAllTextAsync(output));
        Assert.Single(Directory.GetFiles(_folder.Path, "*out.csv*"));
    }

    [Fact]
    public async Task Export_Hxl_WritesHashtagRow()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "hxl");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var lines = result.Out.Split("\r\n");
        Assert.StartsWith("activity,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("#activity+code,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Iati_ToFile_IsValidAgainstTheSchema()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());
        var output = _folder.File("activities.xml");

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "iati", "--out", output);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(ImpactFixtures.ValidateIati(output));
        Assert.Contains("<iati-identifier>XM-DAC-00000-SAFE-1</iati-identifier>", await File.ReadAllTextAsync(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Iati_MissingActivityData_ExitsTwoNamingThePaths()
    {
        var framework = ImpactFixtures.Framework();
        framework.Activities[0].Title = null;
        framework.Activities[0].ParticipatingOrgs.Clear();
        var path = _folder.WriteFramework(framework);
        var output = _folder.File("activities.xml");

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "iati", "--out", output);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("cannot be exported as IATI 2.03", result.Error, StringComparison.Ordinal);
        Assert.Contains("  activities[0].title: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("  activities[0].participatingOrgs: ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Export_InvalidFramework_ExitsTwoWithPathsAndWritesNothing()
    {
        var framework = ImpactFixtures.Framework();
        framework.Results[0].Indicators[0].Baseline!.Year = 1800;
        framework.Results[0].Indicators[0].Periods[0].Actuals[0].Value = "Amina 0712345678";
        var path = _folder.WriteFramework(framework);
        var output = _folder.File("out.csv");
        await File.WriteAllTextAsync(output, "previous export");

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "csv", "--out", output);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("is not a valid results framework (2 error(s))", result.Error, StringComparison.Ordinal);
        Assert.Contains("  results[0].indicators[0].baseline.year: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("  results[0].indicators[0].periods[0].actuals[0].value: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Amina", result.Error, StringComparison.Ordinal);
        Assert.Equal("previous export", await File.ReadAllTextAsync(output));
    }

    [Fact]
    public async Task Export_MalformedFrameworkJson_ExitsTwoNamingTheLine()
    {
        var path = _folder.WriteText("broken.json", "{\n  \"results\": [\n");

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "csv");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("line ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_MissingFramework_ExitsTwo()
    {
        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", _folder.File("absent.json"), "--format", "csv");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--framework", result.Error, StringComparison.Ordinal);
        Assert.Contains("absent.json", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format")]
    [InlineData("--framework")]
    public async Task Export_MissingRequiredOption_ExitsTwo(string missing)
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());
        string[] args = missing == "--format"
            ? ["impact", "export", "--framework", path]
            : ["impact", "export", "--format", "csv"];

        var result = await CliRunner.InvokeAsync("", args);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownFormat_ExitsTwo()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "xlsx");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("xlsx", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OutFolderMissing_ExitsTwo()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "csv", "--out", _folder.File("no/such/out.csv"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithStore_ActualsComeFromTheStore()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());
        var database = _folder.File("impact.db");
        var at = new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);
        await using (var store = new SqliteImpactStore(new SqliteImpactStoreOptions { Path = database }))
        {
            await store.AppendAsync(
            [
                new ImpactMeasurement("e1", ImpactFixtures.IndicatorId, 2, [new DimensionValue("sex", "female")], at),
                new ImpactMeasurement("e2", ImpactFixtures.IndicatorId, 3, [new DimensionValue("sex", "female")], at.AddDays(1)),
                new ImpactMeasurement("e3", ImpactFixtures.IndicatorId, 5, [new DimensionValue("sex", "male")], at.AddDays(2)),
                new ImpactMeasurement("e4", ImpactFixtures.IndicatorId, 7, [], at.AddDays(3)),
                new ImpactMeasurement("e5", ImpactFixtures.IndicatorId, 100, [], new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)),
                new ImpactMeasurement("e6", "other-indicator", 1000, [], at),
            ]);
        }

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--store", database, "--format", "csv");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var rows = CsvRows(result.Out);
        Assert.Equal(["120"], rows.Where(r => r["kind"] == "baseline").Select(r => r["value"]));
        Assert.Equal(["200"], rows.Where(r => r["kind"] == "target").Select(r => r["value"]));
        var actuals = rows.Where(r => r["kind"] == "actual").Select(r => (r["sex"], r["value"])).ToList();
        Assert.Equal([("", "17"), ("female", "5"), ("male", "5")], actuals);
    }

    [Fact]
    public async Task Export_WithMissingStore_ExitsTwoAndCreatesNoDatabase()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());
        var database = _folder.File("absent.db");

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--store", database, "--format", "csv");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("--store", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task Export_WithStoreThatIsNotADatabase_ExitsTwo()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());
        var database = _folder.WriteText("notes.db", "these are not the droids you are looking for, nor a SQLite file");

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--store", database, "--format", "csv");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--store", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("droids", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Dhis2_DefaultMapping_UsesCodes()
    {
        var framework = ImpactFixtures.Framework();
        var period = framework.Results[0].Indicators[0].Periods[0];
        var nairobi = new PeriodValue { Value = "40" };
        nairobi.Locations.Add("nairobi");
        period.Actuals.Add(nairobi);
        var kisumu = new PeriodValue { Value = "30" };
        kisumu.Locations.Add("kisumu");
        period.Actuals.Add(kisumu);
        var path = _folder.WriteFramework(framework);

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "dhis2", "--dhis2-org-unit", "KE");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var values = json.RootElement.GetProperty("dataValues").EnumerateArray()
            .Select(v => (
                v.GetProperty("dataElement").GetString(),
                v.GetProperty("period").GetString(),
                v.GetProperty("orgUnit").GetString(),
                v.GetProperty("categoryOptionCombo").GetString(),
                v.GetProperty("value").GetString()))
            .ToList();
        Assert.Equal(
        [
            ("referrals", "2026Q1", "KE", "default", "150"),
            ("referrals", "2026Q1", "KE", "sex=female", "90"),
            ("referrals", "2026Q1", "KE-030", "default", "40"),
            ("referrals", "2026Q1", "kisumu", "default", "30"),
        ], values);
    }

    [Fact]
    public async Task Export_Dhis2_DefaultMappingWithoutOrgUnit_ExitsTwoNamingTheOption()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "dhis2");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("  results[0].indicators[0].periods[0].actuals[0]: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("--dhis2-org-unit", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Dhis2_MappingFile_UsesItsIds()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());
        var mapping = _folder.WriteText("mapping.json", """
            {
              // DHIS2 UIDs of the instance
              "dataSet": "pBOMPrpg1QX",
              "dataElements": { "referrals": "fbfJHSPpUQD" },
              "defaultOrgUnit": "ImspTQPwCqd",
              "defaultCategoryOptionCombo": "HllvX50cXC0",
              "categoryOptionCombos": { "sex=female": "S34ULMcHMca" }
            }
            """);

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "dhis2", "--dhis2-mapping", mapping);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("pBOMPrpg1QX", json.RootElement.GetProperty("dataSet").GetString());
        var values = json.RootElement.GetProperty("dataValues").EnumerateArray().ToList();
        Assert.Equal(2, values.Count);
        Assert.All(values, v => Assert.Equal("fbfJHSPpUQD", v.GetProperty("dataElement").GetString()));
        Assert.All(values, v => Assert.Equal("ImspTQPwCqd", v.GetProperty("orgUnit").GetString()));
        Assert.Equal(["HllvX50cXC0", "S34ULMcHMca"], values.Select(v => v.GetProperty("categoryOptionCombo").GetString()));
    }

    [Fact]
    public async Task Export_Dhis2_MappingThatMissesAnIndicator_ExitsTwo()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());
        var mapping = _folder.WriteText("mapping.json", """{ "defaultOrgUnit": "ImspTQPwCqd", "defaultCategoryOptionCombo": "HllvX50cXC0" }""");

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "dhis2", "--dhis2-mapping", mapping);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--dhis2-mapping", result.Error, StringComparison.Ordinal);
        Assert.Contains("  results[0].indicators[0]: ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"dataElements\": { \"referrals\": \"fbfJHSPpUQD\" },\n  \"orgUnitz\": {} }", "unknown property", "line 2")]
    [InlineData("{ \"dataElements\": [ \"Amina\" ] }", "dataElements", "line 1")]
    [InlineData("{ \"dataElements\": ", "malformed JSON", "line 1")]
    public async Task Export_Dhis2_BadMappingFile_ExitsTwoNamingTheLine(string text, string expected, string line)
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());
        var mapping = _folder.WriteText("mapping.json", text);

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "dhis2", "--dhis2-mapping", mapping);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--dhis2-mapping", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains(line, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Amina", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Dhis2_MissingMappingFile_ExitsTwo()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "dhis2", "--dhis2-mapping", _folder.File("absent.json"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--dhis2-mapping", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dhis2-mapping", "mapping.json")]
    [InlineData("--dhis2-org-unit", "KE")]
    public async Task Export_Dhis2OptionWithOtherFormat_ExitsTwo(string option, string value)
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "csv", option, value);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"{option} applies only to --format dhis2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Dhis2_MappingFailure_KeepsThePreviousFile()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());
        var output = _folder.File("values.json");
        await File.WriteAllTextAsync(output, "previous export");

        var result = await CliRunner.InvokeAsync("", "impact", "export", "--framework", path, "--format", "dhis2", "--out", output);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("previous export", await File.ReadAllTextAsync(output));
        Assert.Single(Directory.GetFiles(_folder.Path, "*values.json*"));
    }

    private static List<Dictionary<string, string>> CsvRows(string csv)
    {
        // The test data holds no quoted commas in the columns read here; split on CRLF and commas outside quotes.
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = SplitCsvLine(lines[0]);
        return lines.Skip(1)
            .Select(line => SplitCsvLine(line).Select((cell, i) => (header[i], cell)).ToDictionary(p => p.Item1, p => p.cell))
            .ToList();
    }

    private static List<string> SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
