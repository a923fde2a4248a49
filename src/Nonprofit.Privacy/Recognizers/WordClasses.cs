using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>What the lexicons and gazetteers know about a word; several may apply.</summary>
[Flags]
internal enum WordClass : uint
{
    None = 0,
    Common = 1 << 0,
    Honorific = 1 << 1,
    StreetSuffix = 1 << 2,
    StreetPrefix = 1 << 3,
    Unit = 1 << 4,
    Particle = 1 << 5,
    Postcode = 1 << 6,
    PersonCue = 1 << 7,
    LocationCue = 1 << 8,
    FirstName = 1 << 9,
    AmbiguousFirstName = 1 << 10,
    LastName = 1 << 11,
    City = 1 << 12,
    AmbiguousCity = 1 << 13,
    Country = 1 << 14,
    MultiWordPlaceStart = 1 << 15,
}

/// <summary>
/// One case-insensitive dictionary from word to <see cref="WordClass"/> over every lexicon and gazetteer, so
/// the tokenizer classifies each word with a single lookup and recognizers test bits.
/// </summary>
internal static class WordClasses
{
    private static readonly FrozenDictionary<string, WordClass> s_classes = Build();
    private static readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_classes.GetAlternateLookup<ReadOnlySpan<char>>();

    public static WordClass Classify(ReadOnlySpan<char> word) => s_lookup.TryGetValue(word, out var c) ? c : WordClass.None;

    private static FrozenDictionary<string, WordClass> Build()
    {
        var classes = new Dictionary<string, WordClass>(StringComparer.OrdinalIgnoreCase);
        void Mark(IEnumerable<string> words, WordClass c)
        {
            foreach (var w in words)
            {
                classes[w] = classes.GetValueOrDefault(w) | c;
            }
        }

        var g = Gazetteer.Default;
        Mark(NameLexicon.CommonWords.Words, WordClass.Common);
        Mark(NameLexicon.Honorifics.Words, WordClass.Honorific);
        Mark(NameLexicon.StreetSuffixes.Words, WordClass.StreetSuffix);
        Mark(NameLexicon.StreetPrefixes.Words, WordClass.StreetPrefix);
        Mark(NameLexicon.UnitWords.Words, WordClass.Unit);
        Mark(NameLexicon.NameParticles.Words, WordClass.Particle);
        Mark(NameLexicon.PostcodeWords.Words, WordClass.Postcode);
        Mark(NameLexicon.PersonCuesByFirstWord.Keys, WordClass.PersonCue);
        Mark(NameLexicon.LocationCuesByFirstWord.Keys, WordClass.LocationCue);
        Mark(g.FirstNames.Words, WordClass.FirstName);
        Mark(g.AmbiguousFirstNames.Words, WordClass.AmbiguousFirstName);
        Mark(g.LastNames.Words, WordClass.LastName);
        Mark(g.Cities.Words, WordClass.City);
        Mark(g.AmbiguousCities.Words, WordClass.AmbiguousCity);
        Mark(g.Countries.Words, WordClass.Country);
        Mark(g.MultiWordPlaceStarts.Words, WordClass.MultiWordPlaceStart);
        return classes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
