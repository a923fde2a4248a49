using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Diagnostics.CodeAnalysis;

namespace Nonprofit.Privacy;

/// <summary>
/// An <see cref="IPseudonymVault"/> in process memory: nothing is written to disk, and everything is gone
/// when the process ends or <see cref="ClearScope"/> is called. Thread-safe.
/// </summary>
public sealed class InMemoryPseudonymVault : IPseudonymVault
{
    private readonly ConcurrentDictionary<string, Scope> _scopes = new(StringComparer.Ordinal);

    /// <summary>Gets the number of scopes held.</summary>
    public int ScopeCount => _scopes.Count;

    /// <inheritdoc />
    public string GetOrAddPseudonym(string scope, PiiEntityType type, string value)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(value);
        return _scopes.GetOrAdd(scope, static _ => new Scope()).GetOrAdd(type, value);
    }

    /// <inheritdoc />
    public bool TryReveal(string scope, string pseudonym, [NotNullWhen(true)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(pseudonym);
        value = null;
        return _scopes.TryGetValue(scope, out var s) && s.TryReveal(pseudonym, out value);
    }

    /// <inheritdoc />
    public void ClearScope(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _scopes.TryRemove(scope, out _);
    }

    private sealed class Scope
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<(string Type, string Value), string> _byValue = [];
        private readonly Dictionary<string, string> _byPseudonym = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);

        public string GetOrAdd(PiiEntityType type, string value)
        {
            lock (_lock)
            {
                var key = (type.Name, value);
                if (_byValue.TryGetValue(key, out var existing))
                {
                    return existing;
                }

                var n = _counters.GetValueOrDefault(type.Name) + 1;
                _counters[type.Name] = n;
                var pseudonym = $"<{type.Name}_{n}>";
                _byValue[key] = pseudonym;
                _byPseudonym[pseudonym] = value;
                return pseudonym;
            }
        }

        public bool TryReveal(string pseudonym, [NotNullWhen(true)] out string? value)
        {
            lock (_lock)
            {
                return _byPseudonym.TryGetValue(pseudonym, out value);
            }
        }
    }
}
