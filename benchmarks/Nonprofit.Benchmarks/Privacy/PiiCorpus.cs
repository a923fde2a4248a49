using System.Text;
using System.Text.Json;

namespace Nonprofit.Benchmarks.Privacy;

/// <summary>
/// The texts the detection benchmarks run on: the Presidio research synthetic set's records repeated to at
/// least 10 MB, and PII-free English prose of the same size. The same construction as the redact-pii peer
/// script (benchmarks/peers/redact-pii/peer.cjs), so the MB/s figures compare.
/// </summary>
internal static class PiiCorpus
{
    public const int MinimumBytes = 10_000_000;

    public static string[] LoadDatasetRecords()
    {
        var path = FindData("../shared/data/pii/presidio_research_synth_dataset_v2.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var records = document.RootElement.EnumerateArray().Select(e => e.GetProperty("full_text").GetString()!).ToArray();
        return Repeat(records);
    }

    // The four PII-free paragraphs, kept with the side-by-side harness (pii-ab), which reads them too.
    public static string[] Prose() => Repeat(Nonprofit.Evaluation.Pii.PiiSideBySide.ProseParagraphs);

    /// <summary>The records of <see cref="LoadDatasetRecords"/> (at least 10 MB with their line ends) joined with '\n' into one text.</summary>
    public static string Concatenated() => string.Join('\n', LoadDatasetRecords());

    public static long Utf8Bytes(string[] texts) => texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t) + 1);

    private static string[] Repeat(string[] texts)
    {
        var result = new List<string>();
        long bytes = 0;
        while (bytes < MinimumBytes)
        {
            foreach (var t in texts)
            {
                result.Add(t);
                bytes += Encoding.UTF8.GetByteCount(t) + 1;
            }
        }

        return [.. result];
    }

    private static string FindData(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}.");
    }
}
