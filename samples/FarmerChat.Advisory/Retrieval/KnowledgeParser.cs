using System.Text.RegularExpressions;

namespace FarmerChat.Advisory.Retrieval;

/// <summary>
/// Reads one knowledge file strictly: a header between two <c>---</c> lines with the keys
/// <c>id, lang, title, topic, crops, source, url, date</c> in this order, then a non-empty plain-text body.
/// </summary>
internal static partial class KnowledgeParser
{
    /// <summary>The header keys, in order.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["id", "lang", "title", "topic", "crops", "source", "url", "date"];

    /// <summary>The allowed topics.</summary>
    public static IReadOnlyList<string> Topics { get; } = ["crops", "pests", "diseases", "soil", "water", "post-harvest", "livestock", "safety"];

    /// <summary>Parses <paramref name="text"/>, the content of <paramref name="file"/> (a path relative to the knowledge folder: <c>lang/id.md</c>).</summary>
    /// <exception cref="KnowledgeFormatException">The header or body does not follow the format (names the file and line).</exception>
    public static KnowledgeDocument Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            throw new KnowledgeFormatException(file, 1 + text.AsSpan(0, text.IndexOf('\r', StringComparison.Ordinal)).Count('\n'), "carriage return: the files use LF line ends.");
        }

        var lines = text.TrimStart('\uFEFF').Split('\n');
        if (lines.Length == 0 || lines[0] != "---")
        {
            throw new KnowledgeFormatException(file, 1, "the header must start with a '---' line.");
        }

        var values = new string[Keys.Count];
        for (var k = 0; k < Keys.Count; k++)
        {
            var lineNumber = k + 2;
            if (lines.Length <= k + 1 || lines[k + 1] == "---")
            {
                throw new KnowledgeFormatException(file, lineNumber, $"missing header key '{Keys[k]}' (keys in order: {string.Join(", ", Keys)}).");
            }

            var line = lines[k + 1];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = colon < 0 ? line : line[..colon];
            if (colon < 0 || key != Keys[k])
            {
                throw new KnowledgeFormatException(file, lineNumber, $"expected header key '{Keys[k]}' here (keys in order: {string.Join(", ", Keys)}).");
            }

            values[k] = line[(colon + 1)..].Trim();
            if (values[k].Length == 0)
            {
                throw new KnowledgeFormatException(file, lineNumber, $"header key '{Keys[k]}' has no value.");
            }
        }

        var closing = Keys.Count + 1;
        if (lines.Length <= closing || lines[closing] != "---")
        {
            throw new KnowledgeFormatException(file, closing + 1, "the header must end with a '---' line after the 'date' key.");
        }

        var body = string.Join('\n', lines.Skip(closing + 1)).Trim();
        if (body.Length == 0)
        {
            throw new KnowledgeFormatException(file, closing + 2, "the body is empty.");
        }

        var (id, lang, title, topic, crops, source, url, date) = (values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
        Check(IdPattern().IsMatch(id), file, 2, "the id must be lower-case letters, digits and hyphens.");
        Check(Languages.IsSupported(lang), file, 3, $"lang must be one of {string.Join(", ", Languages.All)}.");
        Check(Topics.Contains(topic, StringComparer.Ordinal), file, 5, $"topic must be one of {string.Join(", ", Topics)}.");
        Check(url.StartsWith("https://", StringComparison.Ordinal) && Uri.TryCreate(url, UriKind.Absolute, out _), file, 8, "url must be an absolute https URL.");
        Check(DatePattern().IsMatch(date), file, 9, "date must be a year or a year-month (2019 or 2019-06).");
        var expected = $"{lang}/{id}.md";
        Check(file.Replace('\\', '/').EndsWith(expected, StringComparison.Ordinal), file, 2, $"the id and lang must match the file's place ({expected}).");
        var cropList = crops.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Check(cropList.Length > 0, file, 6, "crops must list at least one word.");
        return new KnowledgeDocument(id, lang, title, topic, cropList, source, url, date, body);
    }

    private static void Check(bool condition, string file, int line, string problem)
    {
        if (!condition)
        {
            throw new KnowledgeFormatException(file, line, problem);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^(19|20)[0-9]{2}(-(0[1-9]|1[0-2]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
