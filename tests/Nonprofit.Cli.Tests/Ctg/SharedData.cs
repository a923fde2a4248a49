namespace Nonprofit.Cli.Tests.Ctg;

/// <summary>Finds the shared, read-only data beside the repository (../shared/data, GPL-3.0 for CTG: read in place, never copied).</summary>
internal static class SharedData
{
    public static string Fhrma { get; } = Find("../shared/data/ctg/fhrma");

    public static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate) || File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}: the shared data must sit beside the repository.");
    }
}
