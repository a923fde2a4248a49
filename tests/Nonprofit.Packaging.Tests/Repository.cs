using System.Reflection;

namespace Nonprofit.Packaging.Tests;

/// <summary>Locates the repository these tests were built from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration (Debug or Release) these tests, and so the packages, were built in.</summary>
    public static string Configuration { get; } = typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BuildConfiguration").Value!;

    /// <summary>Every project under src/: each one is a package.</summary>
    public static IReadOnlyList<string> PackableProjects { get; } =
        Directory.GetDirectories(Path.Combine(Root, "src"))
            .SelectMany(d => Directory.GetFiles(d, "*.csproj"))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToArray()!;

    /// <summary>
    /// The packages that are Roslyn components (they declare <c>IsRoslynComponent</c>): their assemblies go to
    /// <c>analyzers/dotnet/cs</c> with embedded symbols, and they have no public API, so no XML docs and no symbol package.
    /// </summary>
    public static IReadOnlyList<string> RoslynComponents { get; } =
        PackableProjects
            .Where(p => File.ReadAllText(Path.Combine(Root, "src", p, p + ".csproj")).Contains("<IsRoslynComponent>true</IsRoslynComponent>", StringComparison.Ordinal))
            .ToArray();

    /// <summary>The packages that ship a library in lib/ (every package but the Roslyn components).</summary>
    public static IReadOnlyList<string> LibraryProjects { get; } = PackableProjects.Except(RoslynComponents).ToArray();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nonprofit.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Nonprofit.Sdk.sln was not found above {AppContext.BaseDirectory}; run these tests from the repository.");
    }
}
