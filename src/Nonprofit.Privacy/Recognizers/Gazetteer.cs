using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;

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
    }

    public static Gazetteer Default => s_default.Value;

    public FrozenSet<string> FirstNames { get; }

    public FrozenSet<string> AmbiguousFirstNames { get; }

    public FrozenSet<string> LastNames { get; }

    public FrozenSet<string> AmbiguousLastNames { get; }

    public FrozenSet<string> Cities { get; }

    public FrozenSet<string> AmbiguousCities { get; }

    public FrozenSet<string> Countries { get; }

    public static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> value) =>
        set.Count > 0 && set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value);

    private static FrozenSet<string> Load(string name)
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream($"Nonprofit.Privacy.Gazetteers.{name}.txt");
        if (stream is null)
        {
            return FrozenSet<string>.Empty;
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

        return entries.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
