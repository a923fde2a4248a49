using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// Word lists embedded in the assembly (first names, surnames, cities, countries and regions) from openly
/// licensed sources (see Gazetteers/SOURCES.md), loaded once on first use. Lookups are case-insensitive and
/// allocation-free.
/// </summary>
internal sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> s_default = new(() => new Gazetteer());

    private Gazetteer()
    {
        FirstNames = Load("first-names");
        AmbiguousFirstNames = Load("ambiguous-first-names");
        LastNames = Load("last-names");
        AmbiguousLastNames = Load("ambiguous-last-names");
        Cities = Load("cities");
        AmbiguousCities = Load("ambiguous-cities");
        Countries = Load("countries");
        MultiWordPlaceStarts = new WordSet(Cities.Words.Concat(Countries.Words)
            .Where(place => place.Contains(' ', StringComparison.Ordinal) || place.Contains('-', StringComparison.Ordinal))
            .Select(place => place.Split(' ', '-')[0]));
    }

    public static Gazetteer Default => s_default.Value;

    public WordSet FirstNames { get; }

    public WordSet AmbiguousFirstNames { get; }

    public WordSet LastNames { get; }

    public WordSet AmbiguousLastNames { get; }

    public WordSet Cities { get; }

    public WordSet AmbiguousCities { get; }

    public WordSet Countries { get; }

    /// <summary>Gets the first words of place names with more than one word ("New" of "New York"): only those start a longer lookup.</summary>
    public WordSet MultiWordPlaceStarts { get; }

    public static bool Contains(WordSet set, ReadOnlySpan<char> value) => set.Contains(value);

    private static WordSet Load(string name)
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream($"Nonprofit.Privacy.Gazetteers.{name}.txt");
        if (stream is null)
        {
            return WordSet.Empty;
        }

        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                entries.Add(line);
            }
        }

        return new WordSet(entries);
    }
}
