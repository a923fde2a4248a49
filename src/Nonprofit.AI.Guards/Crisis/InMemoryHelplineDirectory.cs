using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.AI.Guards;

/// <summary>
/// A helpline directory the app fills in code or from configuration. A helpline added for a country (or for any country,
/// <see langword="null"/>), optionally for some languages and categories only, is found when the query matches; those
/// for the query's country come before those for any country.
/// </summary>
public sealed class InMemoryHelplineDirectory : IHelplineDirectory
{
    private readonly List<Entry> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>Adds a helpline.</summary>
    /// <param name="helpline">The helpline.</param>
    /// <param name="country">The ISO 3166-1 alpha-2 code it serves, or <see langword="null"/> for every country.</param>
    /// <param name="languages">The ISO 639-1 codes it serves, or <see langword="null"/> for every language.</param>
    /// <param name="categories">The crisis categories it serves, or <see langword="null"/> for every category.</param>
    /// <returns>This directory, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="helpline"/> is <see langword="null"/>.</exception>
    public InMemoryHelplineDirectory Add(Helpline helpline, string? country = null, IEnumerable<string>? languages = null, IEnumerable<string>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(helpline);
        lock (_lock)
        {
            _entries.Add(new Entry(helpline, country, languages?.ToHashSet(StringComparer.OrdinalIgnoreCase), categories?.ToHashSet(StringComparer.Ordinal)));
        }

        return this;
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Helpline>> FindAsync(HelplineQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        Entry[] entries;
        lock (_lock)
        {
            entries = [.. _entries];
        }

        var found = entries
            .Where(e => e.Country is null || string.Equals(e.Country, query.Country, StringComparison.OrdinalIgnoreCase))
            .Where(e => e.Languages is null || e.Languages.Contains(query.Language))
            .Where(e => e.Categories is null || query.Categories.Any(e.Categories.Contains))
            .OrderBy(e => e.Country is null ? 1 : 0)
            .Select(e => e.Helpline)
            .ToArray();
        return ValueTask.FromResult<IReadOnlyList<Helpline>>(found);
    }

    private sealed record Entry(Helpline Helpline, string? Country, HashSet<string>? Languages, HashSet<string>? Categories);
}
