using System.Text.Json;

namespace Nonprofit.Evaluation.Pii;

/// <summary>A gold span: an entity type and its character range (end exclusive).</summary>
internal readonly record struct GoldSpan(string Type, int Start, int End);

/// <summary>A record of the Presidio research synthetic data set.</summary>
internal sealed record PresidioRecord(string Text, IReadOnlyList<GoldSpan> Spans)
{
    public static IReadOnlyList<PresidioRecord> Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var records = new List<PresidioRecord>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var text = element.GetProperty("full_text").GetString()!;
            var spans = element.GetProperty("spans").EnumerateArray()
                .Select(s => new GoldSpan(
                    s.GetProperty("entity_type").GetString()!,
                    s.GetProperty("start_position").GetInt32(),
                    s.GetProperty("end_position").GetInt32()))
                .ToArray();
            records.Add(new PresidioRecord(text, spans));
        }

        return records;
    }
}
