using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nonprofit.Impact;

/// <summary>Reads an indicator value written as a JSON number or string; writes numbers as numbers.</summary>
internal sealed class ValueJsonConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            _ => throw new JsonException("Expected a number or a string for a value."),
        };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else if (IsJsonNumber(value))
        {
            writer.WriteRawValue(value, skipInputValidation: false);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Parses an invariant-culture number; <see langword="null"/> when the text is not one.</summary>
    public static double? ParseNumber(string? value) =>
        value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    private static bool IsJsonNumber(string value)
    {
        // Only canonical JSON numbers are written as numbers, so text such as "007" or "1e" round-trips as text.
        if (value.Length == 0 || value.Length > 32)
        {
            return false;
        }

        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(value));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.BytesConsumed == value.Length
                && !(value.Length > 1 && value[0] == '0' && value[1] != '.');
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
