using System.Security.Cryptography;
using System.Text;
using Nonprofit.Impact.Catalog;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// The data of the output-safety hate model: Multilingual HateCheck (../shared/data/guards, CC BY 4.0, Röttger et al.
/// 2022), read in place, split deterministically, plus our own English cases (<see cref="OutputHateEnglishCases"/>).
/// </summary>
internal static class OutputHateData
{
    public const string DefaultPath = "../shared/data/guards/multilingual_hatecheck_cases.csv";

    /// <summary>The MHC functionalities that quote or refer to abuse in order to denounce it (counter-speech).</summary>
    public static readonly string[] CounterSpeech = ["counter_quote_nh", "counter_ref_nh"];

    /// <summary>
    /// The identities held out by the stricter split: every case of these targets is in TEST, every other case in TRAIN
    /// (cases without a target follow the id hash). The model then meets these group words only at test time.
    /// </summary>
    public static readonly string[] HeldOutTargets = ["disabled people", "refugees"];

    /// <summary>
    /// Reads the MHC file. The template column was dropped from this copy, but MHC lists each template's cases in a row,
    /// one per target in a fixed order: a template starts where the target order starts again (or the functionality
    /// changes); a case without a target is its own template.
    /// </summary>
    public static List<HateCase> LoadMhc(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var rows = CsvReader.ReadRecords(reader).ToList();
        var header = rows[0];
        int Col(string name) => header.IndexOf(name) is >= 0 and var i ? i : throw new InvalidDataException($"{path}: no column '{name}'.");
        var (id, lang, func, text, gold, target) = (Col("mhc_case_id"), Col("language"), Col("functionality"), Col("test_case"), Col("label_gold"), Col("target_ident"));
        var cases = new List<HateCase>(rows.Count);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var (template, previousKey, previousOrder) = (0, "", int.MaxValue);
        foreach (var r in rows.Skip(1).Where(r => r.Count == header.Count))
        {
            var key = r[lang] + "/" + r[func];
            var targetKey = r[lang] + "/" + r[target];
            if (r[target].Length > 0 && !order.ContainsKey(targetKey))
            {
                order[targetKey] = order.Keys.Count(k => k.StartsWith(r[lang] + "/", StringComparison.Ordinal));
            }

            var position = r[target].Length == 0 ? -1 : order[targetKey];
            if (key != previousKey || position < 0 || position <= previousOrder)
            {
                template++;
            }

            (previousKey, previousOrder) = (key, position < 0 ? int.MaxValue : position);
            cases.Add(new HateCase(r[id], r[lang], r[func], r[text], r[gold] == "hateful", r[target], key + "/" + template));
        }

        return cases;
    }

    /// <summary>The 50/50 split by a hash of the case id (first byte of SHA-256 of the UTF-8 id, even = TRAIN).</summary>
    public static bool IsTrainByHash(string id) => (SHA256.HashData(Encoding.UTF8.GetBytes(id))[0] & 1) == 0;

    /// <summary>The stricter split by template: all cases of a template are on the same side (hash of the template key).</summary>
    public static bool IsTrainByTemplate(HateCase c) => IsTrainByHash(c.Template);

    /// <summary>The stricter split by identity: <see cref="HeldOutTargets"/> are TEST, other targets TRAIN, no target by hash.</summary>
    public static bool IsTrainByTarget(HateCase c) =>
        c.Target.Length == 0 ? IsTrainByHash(c.Id) : !HeldOutTargets.Contains(c.Target, StringComparer.OrdinalIgnoreCase);

    public static string FindShared(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} was not found above the current directory: the shared data must sit beside the repository.");
    }
}
