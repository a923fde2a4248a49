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
/// <remarks>
/// <para>
/// Bounded by <see cref="InMemoryPseudonymVaultOptions"/>: by default 10,000 scopes and 10,000 values per scope, the
/// least recently used forgotten first (see the options for the trade-off with re-identification).
/// </para>
/// <para>
/// Values are keyed independently of their spelling (names and places case-folded with white space collapsed,
/// e-mail addresses in lower case, phone numbers by their digits, identity and account numbers by their letters and
/// digits), so <c>Maria Lopez</c> and <c>MARIA LOPEZ</c> are one <c>&lt;PERSON_n&gt;</c>; <see cref="TryReveal"/>
/// returns the first spelling seen.
/// </para>
/// </remarks>
public sealed class InMemoryPseudonymVault : IPseudonymVault
{
    private readonly ConcurrentDictionary<string, Scope> _scopes = new(StringComparer.Ordinal);
    private readonly int _maxScopes;
    private readonly int _maxEntriesPerScope;
    private readonly Lock _evictLock = new();

    // Per evicted scope name, the numbers its counters had reached, so that a scope evicted then used again goes on
    // numbering (guarded by _evictLock; at most _maxScopes names, the oldest dropped first).
    private readonly Dictionary<string, Dictionary<string, int>> _floors = new(StringComparer.Ordinal);
    private readonly Queue<string> _floorOrder = new();
    private int _floorCount;
    private long _clock;

    /// <summary>Initializes a vault with the default bounds.</summary>
    public InMemoryPseudonymVault()
        : this(new InMemoryPseudonymVaultOptions())
    {
    }

    /// <summary>Initializes a vault with the given bounds.</summary>
    /// <param name="options">The most scopes and values per scope.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is below 1.</exception>
    public InMemoryPseudonymVault(InMemoryPseudonymVaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxScopes, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEntriesPerScope, 1, nameof(options));
        _maxScopes = options.MaxScopes;
        _maxEntriesPerScope = options.MaxEntriesPerScope;
    }

    /// <summary>Gets the number of scopes held.</summary>
    public int ScopeCount => _scopes.Count;

    /// <summary>Gets the number of evicted scope names whose numbering is kept (at most <see cref="InMemoryPseudonymVaultOptions.MaxScopes"/>).</summary>
    internal int EvictedFloorCount => Volatile.Read(ref _floorCount);

    /// <inheritdoc />
    public string GetOrAddPseudonym(string scope, PiiEntityType type, string value)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(value);
        var s = _scopes.GetOrAdd(scope, NewScope);
        s.LastUsed = Interlocked.Increment(ref _clock);
        var pseudonym = s.GetOrAdd(type, value);
        if (_scopes.Count > _maxScopes)
        {
            EvictScopes();
        }

        return pseudonym;
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
    /// <remarks>
    /// The first spelling of each value the scope still holds (values forgotten by its bound are not listed); the same
    /// instance is returned until a value is added or forgotten. Listing does not count as using the scope.
    /// </remarks>
    public KnownPiiValues? GetKnownValues(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _scopes.TryGetValue(scope, out var s) ? s.KnownValues() : null;
    }

    /// <inheritdoc />
    public void ClearScope(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _scopes.TryRemove(scope, out _);
    }

    // Forgets the least recently used scopes down to 90% of the bound, so eviction runs once per many new scopes.
    private void EvictScopes()
    {
        lock (_evictLock)
        {
            var excess = _scopes.Count - _maxScopes;
            if (excess <= 0)
            {
                return;
            }

            var target = Math.Max(excess, _maxScopes / 10);
            var oldest = _scopes.ToArray();
            Array.Sort(oldest, static (a, b) => a.Value.LastUsed.CompareTo(b.Value.LastUsed));
            for (var i = 0; i < target && i < oldest.Length - 1; i++)
            {
                if (_scopes.TryRemove(oldest[i]))
                {
                    KeepFloor(oldest[i].Key, oldest[i].Value.Counters());
                }
            }
        }
    }

    // Called under _evictLock.
    private void KeepFloor(string scope, Dictionary<string, int> counters)
    {
        if (counters.Count == 0)
        {
            return;
        }

        if (_floors.TryAdd(scope, counters))
        {
            _floorOrder.Enqueue(scope);
            while (_floors.Count > _maxScopes)
            {
                _floors.Remove(_floorOrder.Dequeue());
            }
        }
        else
        {
            _floors[scope] = counters; // a scope recreated from its floor starts above it, so these counters are higher
        }

        Volatile.Write(ref _floorCount, _floors.Count);
    }

    private Scope NewScope(string scope)
    {
        Dictionary<string, int>? floor = null;
        if (Volatile.Read(ref _floorCount) > 0)
        {
            lock (_evictLock)
            {
                _floors.TryGetValue(scope, out floor); // kept (not removed): GetOrAdd may drop this scope for another thread's
            }
        }

        return new Scope(_maxEntriesPerScope, floor);
    }

    private sealed class Scope(int maxEntries, Dictionary<string, int>? floor)
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<(string Type, string Key), LinkedListNode<Entry>> _byKey = [];
        private readonly Dictionary<string, string> _byPseudonym = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _counters = floor is null ? new(StringComparer.Ordinal) : new(floor, StringComparer.Ordinal);
        private readonly LinkedList<Entry> _recent = new();
        private KnownPiiValues? _known; // the last listing, until a value is added or forgotten (guarded by _lock)

        public long LastUsed { get; set; }

        public string GetOrAdd(PiiEntityType type, string value)
        {
            lock (_lock)
            {
                var key = (type.Name, PseudonymKey.For(type, value));
                if (_byKey.TryGetValue(key, out var existing))
                {
                    _recent.Remove(existing);
                    _recent.AddLast(existing);
                    return existing.Value.Pseudonym;
                }

                // Numbers are never reused, so a forgotten value seen again gets a new one.
                var n = _counters.GetValueOrDefault(type.Name) + 1;
                _counters[type.Name] = n;
                var pseudonym = $"<{type.Name}_{n}>";
                _byKey[key] = _recent.AddLast(new Entry(key, type, pseudonym));
                _byPseudonym[pseudonym] = value;
                _known = null;
                if (_byKey.Count > maxEntries)
                {
                    var forgotten = _recent.First!;
                    _recent.RemoveFirst();
                    _byKey.Remove(forgotten.Value.Key);
                    _byPseudonym.Remove(forgotten.Value.Pseudonym);
                }

                return pseudonym;
            }
        }

        /// <summary>A copy of the numbers reached per entity type.</summary>
        public Dictionary<string, int> Counters()
        {
            lock (_lock)
            {
                return new Dictionary<string, int>(_counters, StringComparer.Ordinal);
            }
        }

        public KnownPiiValues? KnownValues()
        {
            lock (_lock)
            {
                if (_known is null && _recent.Count > 0)
                {
                    var values = new List<KeyValuePair<PiiEntityType, string>>(_recent.Count);
                    foreach (var entry in _recent)
                    {
                        values.Add(new(entry.Type, _byPseudonym[entry.Pseudonym]));
                    }

                    _known = new KnownPiiValues(values);
                }

                return _known;
            }
        }

        public bool TryReveal(string pseudonym, [NotNullWhen(true)] out string? value)
        {
            lock (_lock)
            {
                return _byPseudonym.TryGetValue(pseudonym, out value);
            }
        }

        private sealed record Entry((string Type, string Key) Key, PiiEntityType Type, string Pseudonym);
    }
}
