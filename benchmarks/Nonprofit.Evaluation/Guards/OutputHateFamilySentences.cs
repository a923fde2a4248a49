namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// Our own lines for the three hateful families the linear model misses most (session 30, round 4, helper "hate"):
/// implicit derogation, hate phrased as a question and direct threats to a protected group, each with benign twins of the
/// same shape (neutral or supportive statements and questions about a group; threats to weeds, pests, a game or a
/// deadline; a threat quoted to report it). Read from <c>Guards/Data/output-hate-families.tsv</c>
/// (<c>Data/OUTPUT-HATE-FAMILIES.md</c>): ten hateful and ten benign lines per family in the ten Multilingual HateCheck
/// languages and en, written for this repository from the families' definitions. Each line is its own template, so a
/// quarter (by the template hash) is held back in validation. Trained on only with <c>--family-weight</c> &gt; 0.
/// </summary>
internal static class OutputHateFamilySentences
{
    /// <summary>The data file, relative to the repository root.</summary>
    public const string RelativePath = "benchmarks/Nonprofit.Evaluation/Guards/Data/output-hate-families.tsv";

    /// <summary>The families of the file, in its order.</summary>
    public static readonly string[] Families = ["impl", "question", "threat"];

    private const string Prefix = "fam_";

    /// <summary>The functionality of a family's lines: <c>fam_{family}_h</c> or <c>fam_{family}_nh</c>.</summary>
    public static string FunctionalityOf(string family, bool hateful) => $"{Prefix}{family}_{(hateful ? "h" : "nh")}";

    /// <summary>Whether the functionality is one of these lines'.</summary>
    public static bool Is(string functionality) => functionality.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Every line as a case; the id and the template are <c>fam-{language}-{family}-{n|h}{index}</c>.</summary>
    public static IEnumerable<HateCase> All() => Read(Path.Combine(Repository.Root(), RelativePath));

    /// <summary>The lines of a file of this format (<c>lang family label text</c>, tab-separated, a header line).</summary>
    internal static IEnumerable<HateCase> Read(string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split('\t');
            if (fields.Length != 4 || !Families.Contains(fields[1]) || fields[2] is not ("0" or "1"))
            {
                throw new InvalidDataException($"{path}: a line is not 'lang<TAB>family<TAB>0|1<TAB>text'.");
            }

            var hateful = fields[2] == "1";
            var key = $"{fields[0]}-{fields[1]}-{(hateful ? "h" : "n")}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
            var id = $"fam-{key}{counts[key] - 1}";
            yield return new HateCase(id, fields[0], FunctionalityOf(fields[1], hateful), fields[3], hateful, OutputHateGroupSentences.TargetOf(fields[3]), id);
        }
    }
}
