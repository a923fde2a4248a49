namespace Nonprofit.Cli.Tests.Guard;

/// <summary>Session 26, review finding 4: a scope topic with <c>"Examples": null</c> is bad input (exit 2), not a bug (exit 3).</summary>
public sealed class GuardCheckScopeConfigNullTests
{
    [Fact]
    public async Task Check_ScopeTopicExamplesNull_ExitsTwoWithTheValidationMessage()
    {
        using var folder = new TempFolder();
        var config = folder.Write("scope.json", """{"Topics":[{"Name":"food","Description":"food parcels and meals","Examples":null}]}""");

        var result = await CliRunner.InvokeAsync("{\"text\":\"where can I get a food parcel?\"}\n", "guard", "check", "--scope-config", config);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--scope-config", result.Error, StringComparison.Ordinal);
        Assert.Contains("Examples must not be null", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("parcel", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }
}
