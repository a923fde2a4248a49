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
    /// <remarks>
    /// Property names are rewritten too (a name can be personal data: arguments keyed by phone number or by name), and
    /// no argument is ever lost or duplicated: two names can map to one text (one phone number written two ways has one
    /// pseudonym; a pseudonym and the value it restores to). A name the map leaves alone keeps it; a rewritten name that
    /// collides with another property's name is, when <paramref name="redacting"/>, made unique with a suffix
    /// (" (2)", " (3)"...) on the rewritten text, so that the original name (personal data) never reaches the model;
    /// when restoring, it keeps its original name (a pseudonym), else that name with a suffix.
    /// </remarks>
    /// <param name="call">The function call.</param>
    /// <param name="map">The new text of a string, or null to keep it.</param>
    /// <param name="redacting">Whether the strings are being redacted (on the way to the model) rather than restored:
    /// values of other types (objects the app built) are then serialised to JSON and rewritten too (numbers and
    /// booleans are always kept), and colliding names are resolved as the remarks say.</param>
    public static FunctionCallContent? Rewrite(FunctionCallContent call, Func<string, string?> map, bool redacting)
    {
        if (call.Arguments is not { Count: > 0 } arguments || Map(arguments, map, redacting) is not { } mapped)
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

    private static Dictionary<string, object?>? Map(IDictionary<string, object?> arguments, Func<string, string?> map, bool redacting)
    {
        var count = arguments.Count;
        var names = new string[count];
        var values = new object?[count];
        string?[]? newNames = null;
        var changed = false;
        var i = 0;
        foreach (var (name, value) in arguments)
        {
            names[i] = name;
            if (map(name) is { } newName)
            {
                (newNames ??= new string?[count])[i] = newName;
                changed = true;
            }

            values[i] = MapValue(value, map, redacting, out var valueChanged);
            changed |= valueChanged;
            i++;
        }

        if (!changed)
        {
            return null;
        }

        if (newNames is not null)
        {
            ResolveNames(names, newNames, redacting);
        }

        var result = new Dictionary<string, object?>(count, StringComparer.Ordinal);
        for (i = 0; i < count; i++)
        {
            result.Add(names[i], values[i]);
        }

        return result;
    }

    /// <summary>
    /// Replaces <paramref name="names"/> (one object's property names, in order) by their final names: a name with no
    /// new text keeps it (and is reserved first, so that it never changes because of another); a new text is taken
    /// when free, else the collision is resolved as <see cref="Rewrite"/> says.
    /// </summary>
    private static void ResolveNames(string[] names, string?[] newNames, bool redacting)
    {
        var taken = new HashSet<string>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (newNames[i] is null)
            {
                taken.Add(names[i]);
            }
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (newNames[i] is not { } newName)
            {
                continue;
            }

            if (taken.Add(newName))
            {
                names[i] = newName;
                continue;
            }

            if (!redacting && taken.Add(names[i]))
            {
                continue; // restoring: keep the pseudonymised name
            }

            var stem = redacting ? newName : names[i];
            for (var n = 2; ; n++)
            {
                var candidate = stem + " (" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
                if (taken.Add(candidate))
                {
                    names[i] = candidate;
                    break;
                }
            }
        }
    }

    private static object? MapValue(object? value, Func<string, string?> map, bool redacting, out bool changed)
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
                var rewritten = MapElement(element, map, redacting);
                changed = rewritten is not null;
                return rewritten ?? element;
            case IDictionary<string, object?> nested:
                var nestedMapped = Map(nested, map, redacting);
                changed = nestedMapped is not null;
                return nestedMapped ?? value;
            case bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or Guid:
                return value;
            default:
                if (!redacting)
                {
                    return value;
                }

                var serialized = JsonSerializer.SerializeToElement(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType()));
                var other = MapElement(serialized, map, redacting);
                changed = other is not null;
                return other ?? value;
        }
    }

    /// <summary>The element with its strings and property names rewritten; null when nothing changed.</summary>
    private static JsonElement? MapElement(JsonElement element, Func<string, string?> map, bool redacting)
    {
        if (element.ValueKind is not (JsonValueKind.String or JsonValueKind.Object or JsonValueKind.Array))
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        var changed = false;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(element, writer, map, redacting, ref changed);
        }

        if (!changed)
        {
            return null;
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer, Func<string, string?> map, bool redacting, ref bool changed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                writer.WriteStringValue(Mapped(element.GetString()!, map, ref changed));
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var names = PropertyNames(element, map, redacting);
                changed |= names is not null;
                var index = 0;
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(names?[index++] ?? property.Name);
                    Write(property.Value, writer, map, redacting, ref changed);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer, map, redacting, ref changed);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>The final property names of a JSON object (see <see cref="ResolveNames"/>); null when none changes.</summary>
    /// <remarks>A duplicate name in the JSON itself is kept as it is when the map leaves it alone.</remarks>
    private static string[]? PropertyNames(JsonElement element, Func<string, string?> map, bool redacting)
    {
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            count++;
        }

        var names = new string[count];
        string?[]? newNames = null;
        var i = 0;
        foreach (var property in element.EnumerateObject())
        {
            names[i] = property.Name;
            if (map(property.Name) is { } newName)
            {
                (newNames ??= new string?[count])[i] = newName;
            }

            i++;
        }

        if (newNames is null)
        {
            return null;
        }

        ResolveNames(names, newNames, redacting);
        return names;
    }

    private static string Mapped(string text, Func<string, string?> map, ref bool changed)
    {
        var mapped = map(text);
        changed |= mapped is not null;
        return mapped ?? text;
    }
}
