using System;
using System.Collections.Generic;

namespace Nonprofit.Analyzers.Core;

/// <summary>
/// Sinks configured in <c>nonprofit_privacy.log_sinks</c>: entries are <c>Type</c> (every method of the type),
/// <c>Type.Method</c>, <c>Namespace.Type.*</c> (a type by full name) or <c>.Method</c> (a method of that name on any type).
/// </summary>
internal sealed class SinkList
{
    public static readonly SinkList Empty = new([], []);

    private readonly HashSet<string> _types;
    private readonly HashSet<string> _methods;

    private SinkList(HashSet<string> types, HashSet<string> methods)
    {
        _types = types;
        _methods = methods;
    }

    public bool IsEmpty => _types.Count == 0 && _methods.Count == 0;

    public static SinkList Parse(string value)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        var methods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var entry = raw.Trim();
            if (entry.StartsWith(".", StringComparison.Ordinal))
            {
                methods.Add("*" + entry);
            }
            else if (entry.EndsWith(".*", StringComparison.Ordinal))
            {
                types.Add(entry.Substring(0, entry.Length - 2));
            }
            else if (entry.IndexOf('.') > 0)
            {
                methods.Add(entry);
            }
            else
            {
                types.Add(entry);
            }
        }

        return new SinkList(types, methods);
    }

    /// <summary>Whether a call to <paramref name="method"/> on <paramref name="typeName"/> (simple) / <paramref name="fullTypeName"/> is a configured sink.</summary>
    public bool Matches(string? typeName, string? fullTypeName, string method)
    {
        if (_methods.Contains("*." + method))
        {
            return true;
        }

        if (typeName is not null && (_types.Contains(typeName) || _methods.Contains(typeName + "." + method)))
        {
            return true;
        }

        return fullTypeName is not null && (_types.Contains(fullTypeName) || _methods.Contains(fullTypeName + "." + method));
    }
}
