using System.Text.Json;
using System.Text.Json.Serialization;

namespace FarmerChat.Advisory.Evaluation;

/// <summary>A farmer's question and the document that answers it (<see langword="null"/>: nothing in the knowledge base does).</summary>
internal sealed record LabelledQuestion(
    [property: JsonPropertyName("lang")] string Language,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("expected")] string? Expected)
{
    /// <summary>Reads JSON Lines; a bad line is a <see cref="FormatException"/> naming the file and line (never the text).</summary>
    public static IReadOnlyList<LabelledQuestion> Load(string path)
    {
        var list = new List<LabelledQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            LabelledQuestion? q;
            try
            {
                q = JsonSerializer.Deserialize<LabelledQuestion>(line);
            }
            catch (JsonException)
            {
                throw new FormatException($"{Path.GetFileName(path)}:{lineNumber}: not a JSON object with lang, question, expected.");
            }

            if (q is null || string.IsNullOrWhiteSpace(q.Language) || string.IsNullOrWhiteSpace(q.Question))
            {
                throw new FormatException($"{Path.GetFileName(path)}:{lineNumber}: lang and question are required.");
            }

            list.Add(q);
        }

        return list;
    }

    /// <summary>Reads every file of the data folder matching <paramref name="pattern"/> (e.g. <c>questions-dev.*.jsonl</c>).</summary>
    public static IReadOnlyList<LabelledQuestion> LoadAll(string folder, string pattern) =>
        [.. Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal).SelectMany(Load)];
}
