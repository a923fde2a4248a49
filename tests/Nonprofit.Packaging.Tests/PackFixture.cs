using System.IO.Compression;

namespace Nonprofit.Packaging.Tests;

/// <summary>Runs <c>dotnet pack</c> once for the solution into a temporary folder.</summary>
public sealed class PackFixture : IAsyncLifetime
{
    public string OutputDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "nonprofit-pack-" + Guid.NewGuid().ToString("N"));

    public string PackLog { get; private set; } = "";

    public int ExitCode { get; private set; } = -1;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(OutputDirectory);
        (ExitCode, PackLog) = await DotnetProcess.RunAsync(
            Repository.Root,
            TimeSpan.FromMinutes(5),
            "pack", Path.Combine(Repository.Root, "Nonprofit.Sdk.sln"), "-c", Repository.Configuration, "--no-build", "--nologo", "-o", OutputDirectory);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(OutputDirectory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Finds the one package (or symbol package) a project produced.</summary>
    public string PackageOf(string packageId, string extension = ".nupkg")
    {
        var matches = Directory.GetFiles(OutputDirectory, packageId + ".*" + extension)
            .Where(f => IsVersionOf(packageId, Path.GetFileName(f), extension))
            .ToArray();
        Assert.True(matches.Length == 1,
            $"Expected one {extension} for {packageId} in the pack output, found {matches.Length}. Pack log:\n{PackLog}");
        return matches[0];
    }

    public static IReadOnlyList<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    public static string ReadEntry(string package, string entryName)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.GetEntry(entryName) ?? throw new InvalidOperationException($"{entryName} is not in {package}.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    // "Nonprofit.Cli.0.1.0-alpha.0.3.nupkg" is Nonprofit.Cli's; "Nonprofit.Cli.Extra.0.1.0.nupkg" is not.
    private static bool IsVersionOf(string packageId, string fileName, string extension) =>
        fileName.Length > packageId.Length + 1 + extension.Length
        && char.IsAsciiDigit(fileName[packageId.Length + 1])
        && (!extension.Equals(".nupkg", StringComparison.Ordinal) || !fileName.EndsWith(".symbols.nupkg", StringComparison.Ordinal));
}
