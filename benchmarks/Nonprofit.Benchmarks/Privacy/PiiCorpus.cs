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

    public static string[] Prose()
    {
        string[] paragraphs =
        [
            "The rains came late this season, and the farmers waited for the soil to soften before planting. " +
            "Extension officers advised them to prepare the fields early and to keep seed dry until the ground was ready.",
            "A good conversation starts with listening. The volunteers were trained to ask open questions, to wait, " +
            "and to explain what help was available without promising more than they could give.",
            "The clinic opens in the morning and closes in the evening. Health workers measure the baby's heart rate, " +
            "write down what they see, and refer a mother to the hospital when something is not right.",
            "Funders want to know what changed because of their support. The team records each activity when it happens, " +
            "so that the report at the end of the year is a summary and not a search through old notebooks.",
        ];
        return Repeat(paragraphs);
    }

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
