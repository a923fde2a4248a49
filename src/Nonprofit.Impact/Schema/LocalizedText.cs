using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nonprofit.Impact;

/// <summary>One text in one language: an IATI <c>narrative</c>.</summary>
/// <param name="Text">The text.</param>
/// <param name="Language">Its ISO 639-1 language code, or <see langword="null"/> for the document's default language.</param>
public sealed record Narrative(string Text, string? Language = null);

/// <summary>
/// A text given in one or more languages (IATI's narratives). In JSON it is a plain string when there is one
/// text in the default language, and otherwise an array of <c>{ "text": ..., "lang": ... }</c> objects.
/// </summary>
[JsonConverter(typeof(LocalizedTextJsonConverter))]
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    /// <summary>Initializes a text with its narratives.</summary>
    /// <param name="narratives">At least one narrative.</param>
    /// <exception cref="ArgumentException"><paramref name="narratives"/> is empty.</exception>
    public LocalizedText(IEnumerable<Narrative> narratives)
    {
        ArgumentNullException.ThrowIfNull(narratives);
        Narratives = narratives.ToArray();
        if (Narratives.Count == 0)
        {
            throw new ArgumentException("A localized text needs at least one narrative.", nameof(narratives));
        }
    }

    /// <summary>Initializes a text in the default language.</summary>
    /// <param name="text">The text.</param>
    public LocalizedText(string text)
        : this([new Narrative(text ?? throw new ArgumentNullException(nameof(text)))])
    {
    }

    /// <summary>Gets the narratives, in document order.</summary>
    public IReadOnlyList<Narrative> Narratives { get; }

    /// <summary>Gets the first narrative's text: the one to show when no language is asked for.</summary>
    public string Text => Narratives[0].Text;

    /// <summary>Gets the text in <paramref name="language"/>, or the first text when there is none in it.</summary>
    /// <param name="language">An ISO 639-1 code such as <c>fr</c>.</param>
    /// <returns>The best text for that language.</returns>
    public string For(string language)
    {
        foreach (var n in Narratives)
        {
            if (string.Equals(n.Language, language, StringComparison.OrdinalIgnoreCase))
            {
                return n.Text;
            }
        }

        return Text;
    }

    /// <summary>Converts a string to a text in the default language.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator LocalizedText(string text) => new(text);

    /// <summary>Creates a text in the default language.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The localized text.</returns>
    public static LocalizedText FromString(string text) => new(text);

    /// <inheritdoc/>
    public bool Equals(LocalizedText? other) => other is not null && Narratives.SequenceEqual(other.Narratives);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    /// <inheritdoc/>
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => Text;
}

internal sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new LocalizedText(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a string or an array of { \"text\", \"lang\" } objects.");
        }

        var narratives = new List<Narrative>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Expected a { \"text\", \"lang\" } object.");
            }

            string? text = null;
            string? lang = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "text":
                        text = reader.GetString();
                        break;
                    case "lang":
                        lang = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                        break;
                    default:
                        throw new JsonException($"Unknown property '{name}' in a narrative: expected 'text' and 'lang'.");
                }
            }

            narratives.Add(new Narrative(text ?? throw new JsonException("A narrative needs a 'text'."), lang));
        }

        if (narratives.Count == 0)
        {
            throw new JsonException("A text needs at least one narrative.");
        }

        return new LocalizedText(narratives);
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        if (value.Narratives.Count == 1 && value.Narratives[0].Language is null)
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        writer.WriteStartArray();
        foreach (var n in value.Narratives)
        {
            writer.WriteStartObject();
            writer.WriteString("text", n.Text);
            if (n.Language is not null)
            {
                writer.WriteString("lang", n.Language);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
