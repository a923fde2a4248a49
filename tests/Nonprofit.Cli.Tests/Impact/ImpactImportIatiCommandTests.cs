using Nonprofit.Impact;

namespace Nonprofit.Cli.Tests.Impact;

public sealed class ImpactImportIatiCommandTests : IDisposable
{
    private const string GdiHub = "gdihub-GB-COH-11126312-results.xml";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ImportValidateExport_GdiHubExample_RoundTripsToSchemaValidIati()
    {
        var framework = _folder.File("gdihub.json");
        var exported = _folder.File("gdihub.xml");

        var imported = await CliRunner.InvokeAsync("", "impact", "import-iati", ImpactFixtures.IatiExample(GdiHub), "--out", framework);
        Assert.Equal(ExitCodes.Ok, imported.ExitCode);
        Assert.Equal("imported: 4 activities, 4 results, 12 indicators" + Environment.NewLine, imported.Out);
        Assert.Empty(imported.Error);

        var validated = await CliRunner.InvokeAsync("", "impact", "validate", framework);
        Assert.Equal(ExitCodes.Ok, validated.ExitCode);
        Assert.Equal("valid: 4 results, 12 indicators" + Environment.NewLine, validated.Out);

        var export = await CliRunner.InvokeAsync("", "impact", "export", "--framework", framework, "--format", "iati", "--out", exported);
        Assert.Equal(ExitCodes.Ok, export.ExitCode);
        Assert.Empty(ImpactFixtures.ValidateIati(exported));

        // The exported file imports to the same framework.
        var again = _folder.File("again.json");
        var reimported = await CliRunner.InvokeAsync("", "impact", "import-iati", exported, "--out", again);
        Assert.Equal(ExitCodes.Ok, reimported.ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(framework), await File.ReadAllTextAsync(again));
    }

    [Fact]
    public async Task Import_WritesFrameworkJsonTheLibraryReads()
    {
        var output = _folder.File("framework.json");

        var result = await CliRunner.InvokeAsync("", "impact", "import-iati", ImpactFixtures.IatiExample(GdiHub), "--out", output);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var framework = await ResultsFrameworkJson.ReadFileAsync(output);
        Assert.Equal(12, framework.EnumerateIndicators().Count());
        Assert.Equal("a1.r1.i1", framework.EnumerateIndicators().First().Id);
    }

    [Fact]
    public async Task Import_MalformedXml_ExitsTwoNamingTheLineAndWritesNothing()
    {
        var xml = _folder.WriteText("broken.xml", "<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">\n  <iati-activity>\n    <iati-identifier>Amina-0712345678</iati-identifier>\n  </iati-activiti>\n</iati-activities>\n");
        var output = _folder.File("framework.json");

        var result = await CliRunner.InvokeAsync("", "impact", "import-iati", xml, "--out", output);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("line 5", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Amina", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Single(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Import_NotIati_ExitsTwo()
    {
        var xml = _folder.WriteText("other.xml", "<?xml version=\"1.0\"?>\n<catalog/>\n");

        var result = await CliRunner.InvokeAsync("", "impact", "import-iati", xml, "--out", _folder.File("framework.json"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsTwo()
    {
        var result = await CliRunner.InvokeAsync("", "impact", "import-iati", _folder.File("absent.xml"), "--out", _folder.File("framework.json"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("absent.xml", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithoutOut_ExitsTwo()
    {
        var result = await CliRunner.InvokeAsync("", "impact", "import-iati", ImpactFixtures.IatiExample(GdiHub));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OutFolderMissing_ExitsTwo()
    {
        var result = await CliRunner.InvokeAsync("", "impact", "import-iati", ImpactFixtures.IatiExample(GdiHub), "--out", _folder.File("no/such/framework.json"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
    }
}
