using System.Diagnostics;
using System.Globalization;

namespace Nonprofit.Impact.Tests.Storage;

/// <summary>
/// Runs tests/Nonprofit.Impact.StoreCrashHost, which appends one batch and stops inside the transaction, and kills it.
/// The test project references the host (without referencing its assembly) so building the tests builds it.
/// </summary>
internal static class CrashHost
{
    private const string Name = "Nonprofit.Impact.StoreCrashHost";

    /// <summary>The same batch the host writes (event ids killed-0, killed-1, ...).</summary>
    public static List<ImpactMeasurement> Batch(int rows)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, rows)
            .Select(i => new ImpactMeasurement(
                string.Create(CultureInfo.InvariantCulture, $"killed-{i}"),
                "crash.batch",
                1,
                [new DimensionValue("sex", i % 2 == 0 ? "female" : "male"), new DimensionValue("age", "15-19")],
                start.AddSeconds(i)))
            .ToList();
    }

    /// <summary>Starts the host on <paramref name="databasePath"/>, waits until it is inside the transaction, kills its process tree.</summary>
    public static async Task KillInsideTransactionAsync(string databasePath, int rows, int signalAfter)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(LocateDll());
        start.ArgumentList.Add(databasePath);
        start.ArgumentList.Add(rows.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(signalAfter.ToString(CultureInfo.InvariantCulture));

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    await process.WaitForExitAsync(timeout.Token);
                    throw new InvalidOperationException($"The crash host exited ({process.ExitCode}) before IN-TRANSACTION: {await stderr}");
                }

                if (line == "IN-TRANSACTION")
                {
                    break;
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// The host's dll: next to the tests if someone copied it there, else in the host project's output for the
    /// same configuration and target framework as the tests (tests/Nonprofit.Impact.StoreCrashHost/bin/Release/net10.0/).
    /// </summary>
    public static string LocateDll()
    {
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var candidates = new List<string> { Path.Combine(baseDirectory.FullName, Name + ".dll") };
        var targetFramework = baseDirectory.Name;
        var configuration = baseDirectory.Parent?.Name ?? "Release";
        for (var dir = baseDirectory; dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, Name);
            if (File.Exists(Path.Combine(project, Name + ".csproj")))
            {
                candidates.Add(Path.Combine(project, "bin", configuration, targetFramework, Name + ".dll"));
                break;
            }
        }

        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The crash host is not built (looked at {string.Join(", ", candidates)}). Build tests/Nonprofit.Impact.Tests or the solution: the test project references the host so that it is built.");
    }
}
