using System;
using System.Collections.Generic;
using System.Linq;

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
    AgeTrigger = 1 << 16, // the first run of letters of a word that age phrases contain
    BirthWord = 1 << 17,  // the first run of letters of a birth word
    SingleWordLocationCue = 1 << 18, // a location cue word whose every cue phrase is that one word ("in", "to", "de")
}

/// <summary>
/// What the lexicons and gazetteers say about a word, in two case-insensitive tables keyed by the hash the
/// tokenizer computes while it reads the word: the small lexicons (cue words, common words, street types ...),
/// looked up for words that cannot be names, and the lexicons together with the gazetteers (given names,
/// surnames, cities, countries), looked up once for words that may be names or places (capitalised, or in a
/// script without case). Recognizers test bits.
/// </summary>
internal static class WordClasses
{
    /// <summary>The classes that come from the gazetteers rather than the hand-written lexicons.</summary>
    public const WordClass GazetteerClasses = WordClass.FirstName | WordClass.AmbiguousFirstName | WordClass.LastName | WordClass.City
        | WordClass.AmbiguousCity | WordClass.Country | WordClass.MultiWordPlaceStart;

    private static readonly WordTable s_lexicon = Build(lexicon: true);

    // The gazetteers and the lexicons in one table: a word that may be a name or a place costs one probe, which
    // gives the union of its lexicon and gazetteer classes (the table ORs the classes of a word listed twice).
    private static readonly WordTable s_lexiconAndGazetteer = new([.. Words(lexicon: true), .. Words(lexicon: false)]);

    /// <summary>Gets the table of the lexicons and gazetteers together (for tests).</summary>
    internal static WordTable LexiconAndGazetteer => s_lexiconAndGazetteer;

    /// <summary>Returns the lexicon classes of <paramref name="word"/>, plus its gazetteer classes when <paramref name="mayBeName"/>.</summary>
    /// <param name="word">The word.</param>
    /// <param name="hash">The word's <see cref="WordTable.Hash"/>.</param>
    /// <param name="mayBeName">Whether to look the word up in the gazetteers too.</param>
    public static WordClass Classify(ReadOnlySpan<char> word, uint hash, bool mayBeName) =>
        mayBeName ? s_lexiconAndGazetteer.Find(word, hash) : s_lexicon.Find(word, hash);

    /// <summary>Returns every class of <paramref name="word"/>, gazetteers included.</summary>
    public static WordClass Classify(ReadOnlySpan<char> word) => Classify(word, WordTable.Hash(word), mayBeName: true);

    /// <summary>Returns the words of the hand-written lexicons (not the gazetteers), folded, with their classes.</summary>
    public static IEnumerable<KeyValuePair<string, WordClass>> LexiconWords() =>
        Words(lexicon: true).Select(p => new KeyValuePair<string, WordClass>(WordTable.Folded(p.Key, p.Key.Length), p.Value));

    /// <summary>Returns the classes of <paramref name="word"/> from separate lexicon and gazetteer tables (a reference for tests).</summary>
    internal static WordClass ClassifyInTwoTables(string word)
    {
        var hash = WordTable.Hash(word);
        return s_lexicon.FindInSlots(word, hash) | s_gazetteerReference.Value.FindInSlots(word, hash);
    }

    private static readonly Lazy<WordTable> s_gazetteerReference = new(() => Build(lexicon: false));

    /// <summary>Returns every word the tables hold, lexicons and gazetteers, with its classes.</summary>
    internal static IEnumerable<string> AllWords() => Words(lexicon: true).Concat(Words(lexicon: false)).Select(p => p.Key);

    private static WordTable Build(bool lexicon) => new(Words(lexicon));

    private static List<KeyValuePair<string, WordClass>> Words(bool lexicon)
    {
        var classes = new List<KeyValuePair<string, WordClass>>();
        void Mark(IEnumerable<string> words, WordClass c)
        {
            foreach (var w in words)
            {
                classes.Add(new(w, c));
            }
        }

        if (lexicon)
        {
            Mark(NameLexicon.CommonWords.Words, WordClass.Common);
            Mark(NameLexicon.Honorifics.Words, WordClass.Honorific);
            Mark(NameLexicon.StreetSuffixes.Words, WordClass.StreetSuffix);
            Mark(NameLexicon.StreetPrefixes.Words, WordClass.StreetPrefix);
            Mark(NameLexicon.UnitWords.Words, WordClass.Unit);
            Mark(NameLexicon.NameParticles.Words, WordClass.Particle);
            Mark(NameLexicon.PostcodeWords.Words, WordClass.Postcode);
            Mark(NameLexicon.PersonCuesByFirstWord.Keys, WordClass.PersonCue);
            Mark(NameLexicon.LocationCuesByFirstWord.Keys, WordClass.LocationCue);
            Mark(NameLexicon.SingleWordLocationCues, WordClass.SingleWordLocationCue);
            Mark(PatternRecognizer.AgeTriggerWords.Select(WordSearch.FoldedFirstRun), WordClass.AgeTrigger);
            Mark(PatternRecognizer.BirthWords.Select(WordSearch.FoldedFirstRun), WordClass.BirthWord);
            return classes;
        }

        var g = Gazetteer.Default;
        Mark(g.FirstNames.Words, WordClass.FirstName);
        Mark(g.AmbiguousFirstNames.Words, WordClass.AmbiguousFirstName);
        Mark(g.LastNames.Words, WordClass.LastName);
        Mark(g.Cities.Words, WordClass.City);
        Mark(g.AmbiguousCities.Words, WordClass.AmbiguousCity);
        Mark(g.Countries.Words, WordClass.Country);
        Mark(g.MultiWordPlaceStarts.Words, WordClass.MultiWordPlaceStart);
        return classes;
    }
}
