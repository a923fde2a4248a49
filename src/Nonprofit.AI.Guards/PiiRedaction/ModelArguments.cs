using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The model's own arguments of a function call, kept while the call carries restored values
/// (<see cref="PiiRedactionOptions.RestoreAllFunctionCallArguments"/>): serialised, read back, and matched against the
/// arguments the call holds when it comes back in the history.
/// </summary>
internal static class ModelArguments
{
    private static readonly JsonWriterOptions s_canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The arguments as a JSON object string; null when they cannot be serialised.</summary>
    public static string? Serialize(IDictionary<string, object?> arguments)
    {
        try
        {
            return JsonSerializer.Serialize(arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The JSON string kept under <see cref="PiiRedactionChatClient.ModelArgumentsKey"/>, also after a JSON round trip of the history.</summary>
    public static string? FromProperty(AdditionalPropertiesDictionary? properties) =>
        properties is not null && properties.TryGetValue(PiiRedactionChatClient.ModelArgumentsKey, out var value)
            ? value switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
                _ => null,
            }
            : null;

    /// <summary>A copy of <paramref name="properties"/> without the key; null when nothing is left.</summary>
    public static AdditionalPropertiesDictionary? WithoutKey(AdditionalPropertiesDictionary? properties)
    {
        if (properties is null || !properties.ContainsKey(PiiRedactionChatClient.ModelArgumentsKey))
        {
            return properties;
        }

        if (properties.Count == 1)
        {
            return null;
        }

        var copy = properties.Clone();
        copy.Remove(PiiRedactionChatClient.ModelArgumentsKey);
        return copy;
    }

    /// <summary>The arguments parsed from <paramref name="json"/>, in order; null when it is not a JSON object.</summary>
    public static Dictionary<string, object?>? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!result.TryAdd(property.Name, property.Value.Clone()))
                {
                    return null;
                }
            }

            return result;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The arguments to send for a call that came back with <paramref name="current"/> arguments: each top-level
    /// argument whose model version, restored (<paramref name="restored"/>, same order as <paramref name="model"/>),
    /// equals the current value as canonical JSON is replaced by the model's version (under the model's name); the
    /// others stay. Null when no argument matched, or when the names would clash.
    /// </summary>
    /// <param name="current">The call's arguments now.</param>
    /// <param name="model">The model's arguments.</param>
    /// <param name="restored">The model's arguments with every pseudonym of the scope restored.</param>
    /// <param name="kept">How many arguments are the model's.</param>
    public static Dictionary<string, object?>? Match(
        IDictionary<string, object?> current, Dictionary<string, object?> model, IDictionary<string, object?> restored, out int kept)
    {
        kept = 0;
        if (model.Count != restored.Count)
        {
            return null;
        }

        var modelEntries = model.ToArray();
        var restoredEntries = restored.ToArray();
        var byName = new Dictionary<string, int>(restoredEntries.Length, StringComparer.Ordinal);
        for (var i = 0; i < restoredEntries.Length; i++)
        {
            byName.TryAdd(restoredEntries[i].Key, i);
        }

        var result = new Dictionary<string, object?>(current.Count, StringComparer.Ordinal);
        foreach (var (name, value) in current)
        {
            if (byName.TryGetValue(name, out var i)
                && Canonical(restoredEntries[i].Value) is { } expected
                && string.Equals(expected, Canonical(value), StringComparison.Ordinal)
                && result.TryAdd(modelEntries[i].Key, modelEntries[i].Value))
            {
                kept++;
                continue;
            }

            if (!result.TryAdd(name, value))
            {
                return null;
            }
        }

        return kept > 0 ? result : null;
    }

    /// <summary>
    /// The value as canonical JSON (object properties sorted by name, numbers in one form, strings unescaped alike), so
    /// that a string and the same string read back from JSON compare equal; null when it cannot be serialised.
    /// </summary>
    public static string? Canonical(object? value)
    {
        if (value is null)
        {
            return "null";
        }

        try
        {
            var element = value as JsonElement? ?? JsonSerializer.SerializeToElement(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType()));
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
            using (var writer = new Utf8JsonWriter(buffer, s_canonical))
            {
                Write(element, writer);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var integer))
                {
                    writer.WriteNumberValue(integer);
                }
                else if (element.TryGetDouble(out var real))
                {
                    writer.WriteRawValue(real.ToString("R", CultureInfo.InvariantCulture));
                }
                else
                {
                    element.WriteTo(writer);
                }

                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}

/// <summary>
/// The guard's own copy of the model's arguments of restored calls, keyed by (scope, call id): a second source when
/// the history comes back without the calls' additional properties. Bounded (oldest first out); holds the model's
/// arguments only, never a restored value.
/// </summary>
internal sealed class ModelArgumentsMap(int capacity)
{
    private readonly Dictionary<(string Scope, string CallId), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _order = new();

    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    public void Set(string scope, string callId, string name, string json)
    {
        if (capacity <= 0 || string.IsNullOrEmpty(callId))
        {
            return;
        }

        lock (_entries)
        {
            if (_entries.Remove((scope, callId), out var old))
            {
                _order.Remove(old);
            }

            _entries.Add((scope, callId), _order.AddLast(new Entry(scope, callId, name, json)));
            while (_entries.Count > capacity)
            {
                var first = _order.First!;
                _order.RemoveFirst();
                _entries.Remove((first.Value.Scope, first.Value.CallId));
            }
        }
    }

    public string? Find(string scope, string callId, string name)
    {
        lock (_entries)
        {
            return _entries.TryGetValue((scope, callId), out var node) && string.Equals(node.Value.Name, name, StringComparison.Ordinal)
                ? node.Value.Json
                : null;
        }
    }

    public void RemoveScope(string scope)
    {
        lock (_entries)
        {
            for (var node = _order.First; node is not null;)
            {
                var next = node.Next;
                if (string.Equals(node.Value.Scope, scope, StringComparison.Ordinal))
                {
                    _order.Remove(node);
                    _entries.Remove((node.Value.Scope, node.Value.CallId));
                }

                node = next;
            }
        }
    }

    private sealed record Entry(string Scope, string CallId, string Name, string Json);
}
