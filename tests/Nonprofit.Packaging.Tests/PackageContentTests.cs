using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Nonprofit.Packaging.Tests;

[Collection(SharedPack.Name)]
public sealed class PackageContentTests(PackFixture pack)
{
    public static TheoryData<string> Projects => new(Repository.PackableProjects);

    public static TheoryData<string> Libraries => new(Repository.LibraryProjects);

    [Fact]
    public void Pack_Solution_Succeeds()
    {
        Assert.True(pack.ExitCode == 0, $"dotnet pack failed with exit code {pack.ExitCode}:\n{pack.PackLog}");
    }

    [Fact]
    public void Pack_Solution_PacksOnlyProjectsUnderSrc()
    {
        var produced = Directory.GetFiles(pack.OutputDirectory, "*.nupkg")
            .Select(f => Nuspec(f).Element(Ns(f) + "id")!.Value)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(Repository.PackableProjects, produced);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Package_ContainsReadmeXmlDocsAndAssembly(string project)
    {
        var package = pack.PackageOf(project);
        var entries = PackageContentTests.Entries(package);

        Assert.Contains("README.md", entries);
        Assert.Contains(entries, e => e.EndsWith("/" + project + ".dll", StringComparison.Ordinal));
        if (Repository.LibraryProjects.Contains(project))
        {
            Assert.Contains(entries, e => e.EndsWith("/" + project + ".xml", StringComparison.Ordinal));
        }

        var readme = PackFixture.ReadEntry(package, "README.md");
        Assert.Contains(project.Replace("Nonprofit.", "", StringComparison.Ordinal), readme, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Package_XmlDocsDescribeTheAssembly(string project)
    {
        var package = pack.PackageOf(project);
        var docEntry = Entries(package).First(e => e.EndsWith("/" + project + ".xml", StringComparison.Ordinal));
        var doc = XDocument.Parse(PackFixture.ReadEntry(package, docEntry));

        Assert.Equal(project, doc.Root!.Element("assembly")!.Element("name")!.Value);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Package_MetadataNamesLicenceRepositoryReadmeAndVersion(string project)
    {
        var package = pack.PackageOf(project);
        var nuspec = Nuspec(package);
        var ns = Ns(package);

        Assert.Equal(project, nuspec.Element(ns + "id")!.Value);
        Assert.Equal("MIT", nuspec.Element(ns + "license")!.Value);
        Assert.Equal("expression", nuspec.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", nuspec.Element(ns + "readme")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(nuspec.Element(ns + "description")!.Value));
        Assert.False(string.IsNullOrWhiteSpace(nuspec.Element(ns + "tags")!.Value));
        Assert.Equal("git", nuspec.Element(ns + "repository")!.Attribute("type")!.Value);
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"), nuspec.Element(ns + "version")!.Value);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Package_HasSymbolPackageWithPortablePdb(string project)
    {
        var symbols = pack.PackageOf(project, ".snupkg");

        Assert.Contains(Entries(symbols), e => e.EndsWith("/" + project + ".pdb", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_Privacy_CarriesTheGazetteerAttributions()
    {
        var package = pack.PackageOf("Nonprofit.Privacy");

        Assert.Contains("THIRD-PARTY-NOTICES.md", Entries(package));
        Assert.Contains("GeoNames", PackFixture.ReadEntry(package, "THIRD-PARTY-NOTICES.md"), StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Entries(string package) => PackFixture.Entries(package);

    private static XElement Nuspec(string package)
    {
        var name = PackFixture.Entries(package)
            .Single(e => e.EndsWith(".nuspec", StringComparison.Ordinal) && !e.Contains('/', StringComparison.Ordinal));
        var root = XDocument.Parse(PackFixture.ReadEntry(package, name)).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }

    private static XNamespace Ns(string package) => Nuspec(package).Name.Namespace;
}
