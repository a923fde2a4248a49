using System.Text.Json;

namespace Nonprofit.Packaging.Tests;

/// <summary>
/// References the packed Nonprofit.Analyzers from a small project, builds it with <c>dotnet build</c> and checks the
/// diagnostics on the console and in the SARIF 2.1 error log.
/// </summary>
[Collection(SharedPack.Name)]
public sealed class AnalyzerEndToEndTests(PackFixture pack)
{
    private const string Program = """
        using System;

        public sealed record Beneficiary(string CaseId, string Phone);

        public static class Program
        {
            public static void Main(string[] args)
            {
                var email = args.Length > 0 ? args[0] : "";
                Console.WriteLine($"Registered {email}");
                if (email.Length == 0)
                {
                    throw new InvalidOperationException("No beneficiary with e-mail " + email);
                }

                Console.WriteLine(new Beneficiary("c-1", "").CaseId);
            }
        }
        """;

    [Fact]
    public async Task Build_ProjectReferencingThePackage_ReportsDiagnosticsAndWritesSarif()
    {
        var package = pack.PackageOf("Nonprofit.Analyzers");
        var version = Path.GetFileNameWithoutExtension(package)["Nonprofit.Analyzers.".Length..];
        var folder = Path.Combine(pack.OutputDirectory, "e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "Program.cs"), Program);
        await File.WriteAllTextAsync(Path.Combine(folder, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{Path.Combine(folder, "packages")}</RestorePackagesPath>
                <RestoreSources>{pack.OutputDirectory}</RestoreSources>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Nonprofit.Analyzers" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);

        var (exitCode, output) = await DotnetProcess.RunAsync(folder, TimeSpan.FromMinutes(3), "build", "-c", "Release", "--nologo", "-p:ErrorLog=out.sarif%2Cversion=2.1");

        Assert.True(exitCode == 0, output);
        Assert.Contains("warning NP1001", output, StringComparison.Ordinal);
        Assert.Contains("warning NP1002", output, StringComparison.Ordinal);
        Assert.Contains("warning NP1005", output, StringComparison.Ordinal);

        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "out.sarif")));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var ruleIds = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("ruleId").GetString())
            .ToHashSet();
        Assert.Superset(new HashSet<string?> { "NP1001", "NP1002", "NP1005" }, ruleIds);
    }
}
