using System.IO;

namespace Nonprofit.Impact.Reporting;

/// <summary>Writes report charts (also used by Nonprofit.Governance's fairness report).</summary>
internal static class ChartFiles
{
    /// <summary>Saves <paramref name="plot"/> as a PNG, creating the folder first.</summary>
    public static void SavePng(ScottPlot.Plot plot, string path, int width, int height)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        plot.SavePng(path, width, height);
    }
}
