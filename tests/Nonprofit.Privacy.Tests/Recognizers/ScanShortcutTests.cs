using CsCheck;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// The stop-23 shortcuts of the pattern, identifier and web recognizers give the answers of the code they replaced:
/// the pattern recognizer's one pass over the digit runs, the identifier recognizer's skip over capitalised words, the
/// web recognizer's token-character masks.
/// </summary>
public sealed class ScanShortcutTests
{
    private static readonly string[] s_pieces =
    [
        "12", "3", "1234567", "0", "9.", ".", ".5", "48.8566", "2.35", "1.23", "1.2345", " ", "  ", "was ", "is ", "am ", "are ",
        "were ", "I'm ", "i’M ", "WAS ", "Is ", "s ", "m ", "e ", "é ", "ſ ", "K ", "she", " was", "I", "'m", "’m", "x", "-", "/",
        ",", "५", "٣", "Paris", "Thanks", "Ab", "ab", "AB", "Ab-", "-cd", "Ab-cd-ef-01-23-45", "AB-CD-EF-01-23-45", "Abcdefgh",
        "Abcdefghijk", "DEUTDEFF", "DEUTDEFF500", "Ab1", "Abc2", "AbC", "GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432",
        "QQ 12 34 56 C", "QQ123456C", "12345678Z", "12345678-Z", "X-1234567-L", "Xy", "Éa", "Aé", "A_b", "Ab_", "_Ab", "Zz",
        "ABCPD1234E", "A123456789B", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "\n", "é",
    ];

    private static readonly Gen<string> s_texts = Gen.OneOf(
        Gen.Int[0, s_pieces.Length - 1].Array[1, 25].Select(ix => string.Concat(ix.Select(i => s_pieces[i]))),
        Gen.Char["aAbZz09. -'’sméKI_५"].Array[0, 40].Select(c => new string(c)));

    [Fact]
    public void DigitFacts_RandomTexts_SameAsSeparateScans()
    {
        s_texts.Sample(text =>
        {
            var facts = PatternRecognizer.DigitFacts.Of(text);
            Assert.Equal(text.AsSpan().ContainsAny(TextScan.Digits), facts.Any);
            Assert.Equal(HasLongDecimal(text), facts.LongDecimal);
            Assert.Equal(HasDigits(text, 13), facts.ThirteenDigits);
            Assert.Equal(HasVerbBeforeNumber(text), facts.VerbBeforeNumber);
        }, iter: 50_000);
    }

    // Grouped NIRs with every separator the expression allows (and some it does not), Corsican ones included, among other digits.
    private static readonly Gen<string> s_nirTexts = Gen.Select(
            Gen.Int[0, 9].Array[15, 15], Pick("", " ", " ", "", "\t", " ", "", "  ", "-", "\u00A0").Array[6, 6], Pick("", "A", "B", "a"),
            Gen.Int[0, s_pieces.Length - 1].Array[0, 4], Gen.Int[0, s_pieces.Length - 1].Array[0, 4])
        .Select((digits, separators, corsica, before, after) =>
        {
            var groups = new[] { 1, 2, 2, 2, 3, 3, 2 };
            var text = new System.Text.StringBuilder(string.Concat(before.Select(i => s_pieces[i]))).Append(' ');
            var d = 0;
            for (var g = 0; g < groups.Length; g++)
            {
                for (var k = 0; k < groups[g]; k++, d++)
                {
                    text.Append(g == 3 && corsica.Length > 0 ? (k == 0 ? "2" : corsica) : ((char)('0' + digits[d])).ToString());
                }

                text.Append(g < 6 ? separators[g] : " ");
            }

            return text.Append(string.Concat(after.Select(i => s_pieces[i]))).ToString();
        });

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Fact]
    public void DigitFacts_EveryGroupedNirMatch_IsInAChainOrANonAsciiText()
    {
        Gen.OneOf(s_nirTexts, s_texts).Sample(text =>
        {
            var facts = PatternRecognizer.DigitFacts.Of(text);
            if (PatternRecognizer.GroupedNir().IsMatch(text) && HasDigits(text, 13))
            {
                Assert.True(facts.NirChain || !System.Text.Ascii.IsValid(text));
            }
        }, iter: 50_000);
    }

    [Fact]
    public void DigitFacts_GroupedNirs_SomeMatch()
    {
        // The property above is not empty: the generated texts hold matches, Corsican ones too.
        var matches = 0;
        var corsican = 0;
        s_nirTexts.Sample(text =>
        {
            if (PatternRecognizer.GroupedNir().IsMatch(text))
            {
                matches++;
                corsican += text.Contains("2A ", StringComparison.Ordinal) || text.Contains("2B ", StringComparison.Ordinal) ? 1 : 0;
            }
        }, iter: 5_000, threads: 1);
        Assert.True(matches > 100 && corsican > 10, $"{matches} matches, {corsican} Corsican");
    }

    [Theory]
    [InlineData("", false, false, false, false)]
    [InlineData("no digits.", false, false, false, false)]
    [InlineData("at 48.8566, 2.3522", true, true, false, false)]
    [InlineData("48.856", true, true, false, false)]
    [InlineData("48.85", true, false, false, false)]
    [InlineData("1 78 11 2A 162 08", true, false, false, false)]
    [InlineData("1 78 11 21 162 086 60", true, false, true, false)]
    [InlineData("she WAS 78.", true, false, false, true)]
    [InlineData("I’m 34", true, false, false, true)]
    [InlineData("he has 34", true, false, false, false)]
    public void DigitFacts_Examples(string text, bool any, bool longDecimal, bool thirteen, bool verb)
    {
        var facts = PatternRecognizer.DigitFacts.Of(text);
        Assert.Equal((any, longDecimal, thirteen, verb), (facts.Any, facts.LongDecimal, facts.ThirteenDigits, facts.VerbBeforeNumber));
    }

    [Theory]
    [InlineData("1 78 11 2A 162 086 60", true)]
    [InlineData("178112A16208660", true)]
    [InlineData("1 78 11 21 162 086 60", true)]
    [InlineData("1 78 11 2A  162 086 60", false)] // three characters apart (and no grouped NIR: "2A" then one space at most)
    [InlineData("1 78 11 21 16", false)]
    [InlineData("1 78 11 21   162 086 60", false)]
    [InlineData("call 555 123 4567 or 555 987 6543", false)]
    public void DigitFacts_NirChain_Examples(string text, bool chain) => Assert.Equal(chain, PatternRecognizer.DigitFacts.Of(text).NirChain);

    [Fact]
    public void IdentifierCapitalisedWords_RandomTexts_SameMatchesAsReadingEveryToken()
    {
        var identifier = new IdentifierRecognizer();
        var reference = new IdentifierRecognizer(capitalisedWords: false);
        s_texts.Sample(text =>
        {
            var fast = new List<PiiMatch>();
            var full = new List<PiiMatch>();
            identifier.Recognize(text, fast);
            reference.Recognize(text, full);
            Assert.Equal(full, fast);
        }, iter: 50_000);
    }

    [Theory]
    [InlineData("Paris", true, 5)]
    [InlineData("x Thanks.", true, 8)]
    [InlineData("Ab-cd", true, 2)]
    [InlineData("Ab1", false, 0)]
    [InlineData("AbC", false, 0)]
    [InlineData("A", false, 0)]
    [InlineData("AB", false, 0)]
    [InlineData("Abé", true, 2)]
    [InlineData("Ab_c", true, 2)]
    public void IsPlainCapitalised_Examples(string text, bool expected, int end)
    {
        var at = text.AsSpan().IndexOfAnyInRange('A', 'Z');
        Assert.Equal(expected, IdentifierRecognizer.IsPlainCapitalised(text, 0, at < 0 ? 0 : at, out var wordEnd));
        if (expected)
        {
            Assert.Equal(end, wordEnd);
        }
    }

    [Fact]
    public void IsPlainCapitalised_RunReachingBackToALetter_IsNot() =>
        Assert.False(IdentifierRecognizer.IsPlainCapitalised("xParis", 0, 1, out _));

    [Fact]
    public void IdentifierCapitalisedWords_MacAfterCapitalisedPair_Found()
    {
        var results = new List<PiiMatch>();
        new IdentifierRecognizer().Recognize("mac Ab-cd-ef-01-23-45 here", results);
        Assert.Contains(results, m => m.Type == PiiEntityType.MacAddress && m.Start == 4 && m.Length == 17);
    }

    [Fact]
    public void WebTokenCharacters_EveryChar_SameAsDefinition()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(WebRecognizer.IsTokenCharReference((char)c), WebRecognizer.IsTokenChar((char)c));
        }
    }

    // The separate scans the one pass replaced (main's code before stop 23).
    private static bool HasDigits(ReadOnlySpan<char> text, int atLeast)
    {
        var count = 0;
        var offset = 0;
        while (offset < text.Length && count < atLeast)
        {
            var i = text[offset..].IndexOfAny(TextScan.Digits);
            if (i < 0)
            {
                break;
            }

            offset += i;
            var run = text[offset..].IndexOfAnyExceptInRange('0', '9');
            run = run < 0 ? text.Length - offset : run;
            count += run;
            offset += run;
        }

        return count >= atLeast;
    }

    private static bool HasVerbBeforeNumber(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var i = text[offset..].IndexOfAny(TextScan.Digits);
            if (i < 0)
            {
                return false;
            }

            var at = offset + i;
            if (at >= 3 && text[at - 1] == ' ')
            {
                var before = text[..(at - 1)];
                if (before.EndsWith(" was", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" is", StringComparison.OrdinalIgnoreCase)
                    || before.EndsWith(" am", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" are", StringComparison.OrdinalIgnoreCase)
                    || before.EndsWith(" were", StringComparison.OrdinalIgnoreCase) || before.EndsWith("'m", StringComparison.OrdinalIgnoreCase)
                    || before.EndsWith("’m", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            offset = at + 1;
            while (offset < text.Length && char.IsAsciiDigit(text[offset]))
            {
                offset++;
            }
        }

        return false;
    }

    private static bool HasLongDecimal(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var i = text[offset..].IndexOf('.');
            if (i < 0)
            {
                return false;
            }

            var at = offset + i;
            if (at > 0 && char.IsAsciiDigit(text[at - 1]) && at + 3 < text.Length && char.IsAsciiDigit(text[at + 1])
                && char.IsAsciiDigit(text[at + 2]) && char.IsAsciiDigit(text[at + 3]))
            {
                return true;
            }

            offset = at + 1;
        }

        return false;
    }
}

/// <summary>The detector's own sort of its candidates gives <see cref="List{T}.Sort(Comparison{T})"/>'s order, ties included.</summary>
public sealed class CandidateSortTests
{
    private static readonly PiiEntityType[] s_types = [PiiEntityType.PhoneNumber, PiiEntityType.Passport, PiiEntityType.Person, PiiEntityType.UsSsn];

    // Few distinct scores and lengths, so that many candidates tie; the start and recognizer tell tied ones apart.
    private static readonly Gen<PiiMatch[]> s_candidates = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 40], Gen.Int[1, 3], Gen.Int[0, 3])
        .Select((type, start, length, score) => new PiiMatch(s_types[type], start, length, score / 4.0, "r" + start))
        .Array[0, 20];

    [Fact]
    public void SortByPriority_RandomCandidates_SameOrderAsListSort()
    {
        s_candidates.Sample(AssertSameOrderAsListSort, iter: 50_000);
    }

    [Fact]
    public void SortByPriority_ManyRandomCandidates_SameOrderAsListSort()
    {
        // Past the 16 that are sorted by insertion: partitions around median-of-three pivots, ties everywhere.
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 5000], Gen.Int[1, 4], Gen.Int[0, 5])
            .Select((type, start, length, score) => new PiiMatch(s_types[type], start, length, score / 5.0, "r" + start))
            .Array[17, 3000]
            .Sample(AssertSameOrderAsListSort, iter: 300);
    }

    [Theory]
    [InlineData(100, 1)]
    [InlineData(1000, 2)]
    [InlineData(5000, 3)]
    public void SortByPriority_QuicksortKillerInput_SameOrderAsListSort(int count, int tieGroup)
    {
        // McIlroy's adversary ("A killer adversary for quicksort", 1999) run against the list's sort gives an input that
        // drives its partitions as deep as they go, so that its depth limit hands the rest to a heap sort; candidates
        // whose values share a group of tieGroup tie under the priority (same score and length; the smaller value ranks
        // first, as in the adversary's order), and the start tells them apart.
        var values = KillerInput(count);
        var candidates = values
            .Select((v, i) => new PiiMatch(PiiEntityType.Person, i, 2, 1.0 - (v / tieGroup / (double)(count + 1)), "r"))
            .ToArray();
        AssertSameOrderAsListSort(candidates);
        AssertSameOrderAsListSort([.. candidates.Reverse()]);
    }

    private static void AssertSameOrderAsListSort(PiiMatch[] candidates)
    {
        var expected = new List<PiiMatch>(candidates);
        expected.Sort(PiiDetector.ComparePriority);
        var actual = new List<PiiMatch>(candidates);
        PiiDetector.SortByPriority(actual);
        Assert.Equal(expected, actual);
    }

    // The adversary: items start as "gas" (unknown, larger than any solid value); a comparison of two gas items
    // solidifies one of them (the one not being used as the pivot candidate) with the next smallest value.
    private static int[] KillerInput(int count)
    {
        var value = new int[count];
        var gas = count;
        Array.Fill(value, gas);
        var solid = 0;
        var candidate = 0;
        var order = Enumerable.Range(0, count).ToList();
        order.Sort((x, y) =>
        {
            if (value[x] == gas && value[y] == gas)
            {
                if (x == candidate)
                {
                    value[x] = solid++;
                }
                else
                {
                    value[y] = solid++;
                }
            }

            if (value[x] == gas)
            {
                candidate = x;
            }
            else if (value[y] == gas)
            {
                candidate = y;
            }

            return value[x].CompareTo(value[y]);
        });
        return value;
    }

    [Fact]
    public void SortByPriority_ThreeTied_KeepsListSortsUnstableOrder()
    {
        // a and b tie, c ranks first: the list's sort of three gives c, b, a (not the stable c, a, b).
        PiiMatch a = new(PiiEntityType.Person, 0, 2, 0.5, "a"), b = new(PiiEntityType.Person, 5, 2, 0.5, "b"), c = new(PiiEntityType.Person, 9, 2, 0.9, "c");
        var list = new List<PiiMatch> { a, b, c };
        PiiDetector.SortByPriority(list);
        Assert.Equal([c, b, a], list);
    }
}

/// <summary>The word search's bit-mask path over short ASCII spans finds what the walk over the characters finds.</summary>
public sealed class WordSearchMaskTests
{
    private static readonly string[] s_pieces =
    [
        "phone", "Phone", "PHONE", "text me", "text", "me", "téléphone", "número", "smartphone", "phones", "tel", "tel.", "call", "a", "z", "A",
        "Z", "@", "[", "`", "{", " ", "  ", ",", ".", "-", "1", "42", "é", "ß", "number", "mobile number", "my", "the", "x", "ref", "order",
        "invoice", "K", "ſ",
    ];

    private static readonly Gen<string> s_texts = Gen.OneOf(
        Gen.Int[0, s_pieces.Length - 1].Array[0, 16].Select(ix => string.Concat(ix.Select(i => s_pieces[i]))),
        Gen.Char["phonetxm ZA@[`{.1é"].Array[0, 70].Select(c => new string(c)));

    [Fact]
    public void ContainsWord_RandomSpans_SameAsWalk()
    {
        var searches = ContextLexicon.Words.Values.Select(w => new WordSearch(w)).Append(new WordSearch(PatternRecognizer.AgeTriggerWords)).ToArray();
        var found = 0;
        Gen.Select(s_texts, Gen.Int[0, 70], Gen.Int[0, 70]).Sample((text, a, b) =>
        {
            var from = Math.Min(a, text.Length);
            var to = Math.Min(Math.Max(from, b), text.Length);
            var span = text.AsSpan(from, to - from);
            foreach (var search in searches)
            {
                var expected = search.ContainsWordScalar(span);
                Assert.Equal(expected, search.ContainsWord(span));
                found += expected ? 1 : 0;
            }
        }, iter: 20_000, threads: 1);
        Assert.True(found > 200, $"{found} spans with a word");
    }

    [Theory]
    [InlineData("", true, 0UL)]
    [InlineData("aZ1", true, 0b011UL)]
    [InlineData("@[`{ab", true, 0b110000UL)]
    [InlineData("abcdefghijklmnop", true, 0xFFFFUL)]
    [InlineData("abcdefghé", false, 0UL)]
    [InlineData("abcdefgh-é", false, 0UL)]
    public void TryAsciiLetters_Examples(string text, bool ascii, ulong letters)
    {
        Assert.Equal(ascii, WordSearch.TryAsciiLetters(text, out var bits));
        if (ascii)
        {
            Assert.Equal(letters, bits);
        }
    }
}
