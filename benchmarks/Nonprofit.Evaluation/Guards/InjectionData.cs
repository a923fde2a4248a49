using System.Text.Json;

namespace Nonprofit.Evaluation.Guards;

/// <summary>One labelled text: 1 = injection, 0 = benign.</summary>
/// <param name="Language">ISO 639-1 code (approximate for deepset: <c>en/de</c> is <c>mixed</c>).</param>
/// <param name="Label">1 for an injection.</param>
/// <param name="Source"><c>user</c>, <c>document</c> or <c>tool</c>.</param>
/// <param name="Text">The text.</param>
internal sealed record InjectionCase(string Language, int Label, string Source, string Text);

/// <summary>
/// The injection data: the deepset prompt-injection set (../shared/data/guards, <c>split</c> train/test; Apache-2.0 per
/// its dataset card) and this repository's own multilingual cases (Guards/Data/injection-cases.tsv, written for this
/// project: en, de, fr, es, pt, sw, hi in Latin and Devanagari, with benign look-alikes and indirect cases).
/// </summary>
internal static class InjectionData
{
    public static string DeepsetPath => Find("../shared/data/guards/deepset_prompt_injections.jsonl");

    public static string CasesPath => Find("benchmarks/Nonprofit.Evaluation/Guards/Data/injection-cases.tsv");

    /// <summary>Where the embedded model is written: src/Nonprofit.AI.Guards/Models/injection.nplt of this repository.</summary>
    public static string ModelPath =>
        Path.Combine(new FileInfo(CasesPath).Directory!.Parent!.Parent!.Parent!.Parent!.FullName, "src", "Nonprofit.AI.Guards", "Models", "injection.nplt");

    /// <summary>The deepset rows of one split (<c>train</c> or <c>test</c>).</summary>
    public static List<InjectionCase> Deepset(string split)
    {
        var rows = new List<InjectionCase>();
        foreach (var line in File.ReadLines(DeepsetPath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("split").GetString() == split)
            {
                rows.Add(new InjectionCase("mixed", root.GetProperty("label").GetInt32(), "user", root.GetProperty("text").GetString() ?? ""));
            }
        }

        return rows;
    }

    /// <summary>The own multilingual cases.</summary>
    public static List<InjectionCase> Cases()
    {
        var rows = new List<InjectionCase>();
        foreach (var line in File.ReadLines(CasesPath).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 4 || f[1] is not ("0" or "1"))
            {
                throw new FormatException($"injection-cases.tsv: a line is not 'lang<TAB>0|1<TAB>source<TAB>text': {f[0]}");
            }

            rows.Add(new InjectionCase(f[0], f[1] == "1" ? 1 : 0, f[2], f[3]));
        }

        return rows;
    }

    private static string Find(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new FileNotFoundException($"{relative} was not found above the current directory or the program.");
    }
}
