using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Rewrites the strings inside a function call's arguments: top-level <see cref="string"/> values, and every string
/// (and property name) inside <see cref="JsonElement"/> values and nested argument dictionaries, at any depth.
/// </summary>
internal static class FunctionCallArguments
{
    /// <summary>
    /// The call with its strings rewritten by <paramref name="map"/> (which returns null for a string it leaves
    /// alone), as a new <see cref="FunctionCallContent"/>; null when nothing changed. <paramref name="call"/> is not
    /// changed.
    /// </summary>
    /// <param name="call">The function call.</param>
    /// <param name="map">The new text of a string, or null to keep it.</param>
    /// <param name="serializeOthers">Whether values of other types (objects the app built) are serialised to JSON and
    /// rewritten too; numbers and booleans are always kept.</param>
    public static FunctionCallContent? Rewrite(FunctionCallContent call, Func<string, string?> map, bool serializeOthers)
    {
        if (call.Arguments is not { Count: > 0 } arguments || Map(arguments, map, serializeOthers) is not { } mapped)
        {
            return null;
        }

        return new FunctionCallContent(call.CallId, call.Name, mapped)
        {
            AdditionalProperties = call.AdditionalProperties,
            Exception = call.Exception,
            InformationalOnly = call.InformationalOnly,
        };
    }

    private static Dictionary<string, object?>? Map(IDictionary<string, object?> arguments, Func<string, string?> map, bool serializeOthers)
    {
        Dictionary<string, object?>? result = null;
        foreach (var (name, value) in arguments)
        {
            var newName = map(name);
            var newValue = MapValue(value, map, serializeOthers, out var changed);
            if (newName is null && !changed)
            {
                continue;
            }

            if (result is null)
            {
                result = new Dictionary<string, object?>(arguments.Count, StringComparer.Ordinal);
                foreach (var (n, v) in arguments)
                {
                    result[n] = v;
                }
            }

            if (newName is not null)
            {
                result.Remove(name);
            }

            result[newName ?? name] = newValue;
        }

        return result;
    }

    private static object? MapValue(object? value, Func<string, string?> map, bool serializeOthers, out bool changed)
    {
        changed = false;
        switch (value)
        {
            case null:
                return null;
            case string text:
                var mapped = map(text);
                changed = mapped is not null;
                return mapped ?? text;
            case JsonElement element:
                var rewritten = MapElement(element, map);
                changed = rewritten is not null;
                return rewritten ?? element;
            case IDictionary<string, object?> nested:
                var nestedMapped = Map(nested, map, serializeOthers);
                changed = nestedMapped is not null;
                return nestedMapped ?? value;
            case bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or Guid:
                return value;
            default:
                if (!serializeOthers)
                {
                    return value;
                }

                var serialized = JsonSerializer.SerializeToElement(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType()));
                var other = MapElement(serialized, map);
                changed = other is not null;
                return other ?? value;
        }
    }

    /// <summary>The element with its strings and property names rewritten; null when nothing changed.</summary>
    private static JsonElement? MapElement(JsonElement element, Func<string, string?> map)
    {
        if (element.ValueKind is not (JsonValueKind.String or JsonValueKind.Object or JsonValueKind.Array))
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        var changed = false;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(element, writer, map, ref changed);
        }

        if (!changed)
        {
            return null;
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer, Func<string, string?> map, ref bool changed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                writer.WriteStringValue(Mapped(element.GetString()!, map, ref changed));
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(Mapped(property.Name, map, ref changed));
                    Write(property.Value, writer, map, ref changed);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer, map, ref changed);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static string Mapped(string text, Func<string, string?> map, ref bool changed)
    {
        var mapped = map(text);
        changed |= mapped is not null;
        return mapped ?? text;
    }
}
