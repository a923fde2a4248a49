using System.Reflection.PortableExecutable;

namespace Nonprofit.Packaging.Tests;

/// <summary>The analyzer assemblies ship in Nonprofit.Analyzers and inside Nonprofit.Privacy and Nonprofit.AI.Guards, with the analysis-mode props.</summary>
[Collection(SharedPack.Name)]
public sealed class AnalyzerPackageTests(PackFixture pack)
{
    private static readonly string[] s_analyzerAssemblies =
    [
        "analyzers/dotnet/cs/Nonprofit.Analyzers.dll",
        "analyzers/dotnet/cs/Nonprofit.Analyzers.CodeFixes.dll",
    ];

    [Theory]
    [InlineData("Nonprofit.Analyzers")]
    [InlineData("Nonprofit.Privacy")]
    [InlineData("Nonprofit.AI.Guards")]
    public void Package_CarriesAnalyzersPropsAndGlobalConfigs(string packageId)
    {
        var entries = PackFixture.Entries(pack.PackageOf(packageId));

        foreach (var assembly in s_analyzerAssemblies)
        {
            Assert.Contains(assembly, entries);
        }

        Assert.Contains("build/" + packageId + ".props", entries);
        Assert.Contains("buildTransitive/" + packageId + ".props", entries);
        Assert.Contains("build/globalconfigs/nonprofit_recommended.globalconfig", entries);
        Assert.Contains("build/globalconfigs/nonprofit_none.globalconfig", entries);
    }

    [Fact]
    public void Package_Analyzers_IsADevelopmentDependencyWithoutLibOrDependencies()
    {
        var package = pack.PackageOf("Nonprofit.Analyzers");
        var entries = PackFixture.Entries(package);
        var nuspec = PackFixture.ReadEntry(package, "Nonprofit.Analyzers.nuspec");

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependency ", nuspec, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nonprofit.Privacy")]
    [InlineData("Nonprofit.AI.Guards")]
    public void Package_DoesNotDependOnTheAnalyzerProjects(string packageId)
    {
        var nuspec = PackFixture.ReadEntry(pack.PackageOf(packageId), packageId + ".nuspec");

        Assert.DoesNotContain("Nonprofit.Analyzers", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_AnalyzerAssemblies_EmbedTheirSymbols()
    {
        var package = pack.PackageOf("Nonprofit.Analyzers");
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        foreach (var assembly in s_analyzerAssemblies)
        {
            using var stream = new MemoryStream();
            using (var entry = zip.GetEntry(assembly)!.Open())
            {
                entry.CopyTo(stream);
            }

            stream.Position = 0;
            using var reader = new PEReader(stream);
            Assert.Contains(reader.ReadDebugDirectory(), d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        }
    }
}
