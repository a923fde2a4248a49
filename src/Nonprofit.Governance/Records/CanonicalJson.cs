using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Nonprofit.Impact;

namespace Nonprofit.Governance.Records;

/// <summary>
/// Canonical JSON text (documented on <see cref="DecisionRecord"/>), checked on the way for personal-looking strings.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>
    /// The canonical text of <paramref name="element"/>. Every string value and property name is checked with
    /// <see cref="PersonalDataHeuristics"/>; a hit is refused naming the JSON path, never the value.
    /// </summary>
    /// <param name="element">The value.</param>
    /// <param name="label">How the value is named in errors (for example <c>draft.Inputs</c>).</param>
    /// <param name="paramName">The parameter the errors are about.</param>
    /// <exception cref="ArgumentException">Undefined, duplicate property names, unpaired surrogates, or personal-looking text.</exception>
    public static string Serialize(JsonElement element, string label, string paramName)
    {
        var sb = new StringBuilder();
        Append(sb, element, "$", label, paramName);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="value"/> as a canonical JSON string.</summary>
    public static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case < ' ':
                    sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>Whether <paramref name="value"/> has a surrogate that is not part of a pair (it has no UTF-8 form).</summary>
    public static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void Append(StringBuilder sb, JsonElement element, string path, string label, string paramName)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new List<KeyValuePair<string, JsonElement>>();
                foreach (var property in element.EnumerateObject())
                {
                    CheckText(property.Name, path, "a property name", label, paramName);
                    properties.Add(new(property.Name, property.Value));
                }

                properties.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
                sb.Append('{');
                for (var i = 0; i < properties.Count; i++)
                {
                    var name = properties[i].Key;
                    var childPath = ChildPath(path, name);
                    if (i > 0)
                    {
                        if (string.Equals(properties[i - 1].Key, name, StringComparison.Ordinal))
                        {
                            throw new ArgumentException($"{label} has the property {childPath} twice; a canonical form needs unique names.", paramName);
                        }

                        sb.Append(',');
                    }

                    AppendString(sb, name);
                    sb.Append(':');
                    Append(sb, properties[i].Value, childPath, label, paramName);
                }

                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index > 0)
                    {
                        sb.Append(',');
                    }

                    Append(sb, item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"), label, paramName);
                    index++;
                }

                sb.Append(']');
                break;
            case JsonValueKind.String:
                string text;
                try
                {
                    text = element.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    throw new ArgumentException($"{label} at {path} is a string that is not valid Unicode.", paramName);
                }

                CheckText(text, path, "the string", label, paramName);
                AppendString(sb, text);
                break;
            case JsonValueKind.Number:
                sb.Append(element.GetRawText());
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Null:
                sb.Append("null");
                break;
            default:
                throw new ArgumentException($"{label} at {path} has no JSON value (a default JsonElement).", paramName);
        }
    }

    private static void CheckText(string text, string path, string what, string label, string paramName)
    {
        if (HasUnpairedSurrogate(text))
        {
            throw new ArgumentException($"{label} at {path}: {what} has an unpaired surrogate (not valid Unicode).", paramName);
        }

        var kind = PersonalDataHeuristics.Classify(text);
        if (kind != PersonalDataKind.None)
        {
            throw new ArgumentException(
                $"{label} at {path}: {what} looks like personal data ({kind}). Decision records hold aggregated data only, never personal data; nothing was written.",
                paramName);
        }
    }

    /// <summary>The JSONPath of a property: <c>$.name</c> for simple names, <c>$['other name']</c> otherwise.</summary>
    private static string ChildPath(string path, string name)
    {
        var simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_');
        foreach (var c in name)
        {
            simple &= char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
        }

        return simple ? path + "." + name : path + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }
}
