using System.Collections.Frozen;
using CsCheck;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>The hashed cue tables answer exactly as the case-insensitive dictionaries they replace.</summary>
public sealed class CueTableTests
{
    // Characters whose lower-case folding and upper-case comparison disagree (Kelvin sign, long s, dotless and dotted
    // i, Greek beta symbol, Angstrom sign), and a few that fold as ASCII letters do.
    private static readonly string[] s_oddLetters = ["\u212A", "\u017F", "\u0131", "\u0130", "\u03D0", "\u212B", "É", "é", "ß"];

    public static TheoryData<string> Tables => ["person", "location"];

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryFirstWord_InEveryCasing_FindsTheDictionarysPhrases(string table)
    {
        var keys = Keys(table);
        Assert.True(keys.Length > 20);
        foreach (var key in keys)
        {
            foreach (var variant in new[] { key, key.ToUpperInvariant(), key.ToLowerInvariant(), char.ToUpperInvariant(key[0]) + key[1..] })
            {
                Assert.True(TryGet(table, variant, out var found, out var expected), variant);
                Assert.Same(expected, found);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void WordsThatAreNoCue_AreNotFound(string table)
    {
        foreach (var word in new[] { "", "x", "qwxzv", "names", "mynameis", "thank-you", "frm", "inn" })
        {
            Assert.False(TryGet(table, word, out _, out _), word);
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void MutatedFirstWords_GetTheDictionarysAnswer(string table)
    {
        // Each key with one character replaced by, or with an extra, letter whose case rules are odd: the table must
        // agree with the dictionary on every one, found or not.
        var keys = Keys(table);
        Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, 64], Gen.Int[0, s_oddLetters.Length - 1], Gen.Bool)
            .Sample((k, at, odd, insert) =>
            {
                var key = keys[k];
                var i = at % (key.Length + (insert ? 1 : 0));
                var word = insert ? key.Insert(i, s_oddLetters[odd]) : key[..i] + s_oddLetters[odd] + key[Math.Min(key.Length, i + 1)..];
                var agree = TryGet(table, word, out var found, out var expected);
                return agree ? ReferenceEquals(found, expected) : found is null && expected is null;
            }, iter: 20_000);
    }

    [Fact]
    public void KelvinSign_FoldsLikeK_ButIsNoCueWhereTheDictionarySaysNo()
    {
        // "\u212Anown" folds to "known" (a person cue's first word), but ignoring case it does not equal "known": the
        // table must not stop at the folded match.
        const string word = "\u212Anown";
        Assert.Equal(WordTable.Hash("known"), WordTable.Hash(word));
        Assert.False(NameLexicon.PersonCuesByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out _));
        Assert.False(NameLexicon.PersonCueLookup.TryGetValue(word, out _));
    }

    [Fact]
    public void TableFromADictionaryThatComparesOtherwise_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new CueTable<int>(new Dictionary<string, int> { ["a"] = 1 }.ToFrozenDictionary(StringComparer.Ordinal)));

    private static string[] Keys(string table) => table == "person"
        ? [.. NameLexicon.PersonCuesByFirstWord.Keys]
        : [.. NameLexicon.LocationCuesByFirstWord.Keys];

    // Whether the table finds the word, with what it found and what the dictionary finds (null when not found).
    private static bool TryGet(string table, string word, out object? found, out object? expected)
    {
        bool inTable, inDictionary;
        if (table == "person")
        {
            inTable = NameLexicon.PersonCueLookup.TryGetValue(word, out var f);
            inDictionary = NameLexicon.PersonCuesByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var e);
            (found, expected) = (f, e);
        }
        else
        {
            inTable = NameLexicon.LocationCueLookup.TryGetValue(word, out var f);
            inDictionary = NameLexicon.LocationCuesByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var e);
            (found, expected) = (f, e);
        }

        Assert.Equal(inDictionary, inTable);
        return inTable;
    }
}
