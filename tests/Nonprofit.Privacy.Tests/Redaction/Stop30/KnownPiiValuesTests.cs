namespace Nonprofit.Privacy.Tests.Redaction.Stop30;

/// <summary>Session 30: the values a vault scope holds, found again as whole words, longest first, numbers by their digits.</summary>
public sealed class KnownPiiValuesTests
{
    private static KnownPiiValues Of(params (PiiEntityType Type, string Value)[] values) =>
        new(values.Select(v => new KeyValuePair<PiiEntityType, string>(v.Type, v.Value)));

    private static List<string> Found(KnownPiiValues known, string text)
    {
        var matches = new List<PiiMatch>();
        known.FindAll(text, matches);
        return [.. matches.Select(m => string.Concat(m.Type.Name, ":", text.AsSpan(m.Start, m.Length)))];
    }

    [Fact]
    public void WholeWords_IgnoringCase_NotInsideLongerWords()
    {
        var known = Of((PiiEntityType.Person, "Grace Wanjiru"), (PiiEntityType.Person, "Tendai"));

        Assert.Equal(["PERSON:GRACE WANJIRU", "PERSON:tendai"], Found(known, "GRACE WANJIRU met tendai."));
        Assert.Empty(Found(known, "By the grace of Tendaiya and Wanjiru_x, Grace Wanjirus came.")); // parts and longer words are not values
    }

    [Fact]
    public void LongestFirst_OneMatchForANameAndItsPart()
    {
        var known = Of((PiiEntityType.Person, "Koffi"), (PiiEntityType.Person, "Koffi Mensah"));

        Assert.Equal(["PERSON:Koffi Mensah", "PERSON:Koffi"], Found(known, "Koffi Mensah, also called Koffi."));
    }

    [Fact]
    public void ManyValues_UseTheSameRules()
    {
        // From six values on, one SearchValues finds them: the same whole-word, longest-first rules must hold.
        var known = Of(
            (PiiEntityType.Person, "Ana"), (PiiEntityType.Person, "Ana Lima"), (PiiEntityType.Person, "Bo"),
            (PiiEntityType.Location, "Kisumu"), (PiiEntityType.Person, "Chen Wei"), (PiiEntityType.Person, "Dede"));

        Assert.Equal(["PERSON:ana lima", "LOCATION:KISUMU", "PERSON:Bo"], Found(known, "Banana: ana lima went to KISUMU with Bo, not Bob."));
    }

    [Fact]
    public void Numbers_ByTheirDigits_WithOtherSeparators_NotInsideLongerNumbers()
    {
        var known = Of((PiiEntityType.PhoneNumber, "0712 345 678"), (PiiEntityType.UkNino, "AB123456C"));

        Assert.Equal(["PHONE_NUMBER:0712-345678", "PHONE_NUMBER:0712345678"], Found(known, "Call 0712-345678 or 0712345678."));
        Assert.Empty(Found(known, "Ref 10712345678, 07123456789, +254712345678.")); // longer numbers; a country code it was not written with
        Assert.Empty(Found(known, "Order 123456 shipped.")); // a number with letters is found as written only
        Assert.Equal(["UK_NINO:ab123456c"], Found(known, "NINO ab123456c"));
    }

    [Fact]
    public void Devanagari_WholeWordsOnly()
    {
        var known = Of((PiiEntityType.Person, "अनिल"));

        Assert.Equal(["PERSON:अनिल"], Found(known, "नमस्ते अनिल, कैसे हो?"));
        Assert.Empty(Found(known, "अनिला आई।")); // a vowel sign continues the word
    }

    [Fact]
    public void Complete_AddsWhatDetectionMissed_LongerSpanWins()
    {
        var known = Of((PiiEntityType.Person, "Koffi Mensah"));
        const string text = "Koffi Mensah called; 0712 345 678.";
        IReadOnlyList<PiiMatch> detected = [new(PiiEntityType.Person, 0, 5, 0.6, "ner"), new(PiiEntityType.PhoneNumber, 21, 12, 1, "phone")];

        var merged = known.Complete(text, detected);

        Assert.Equal(
            [(PiiEntityType.Person, 0, 12, KnownPiiValues.RecognizerName), (PiiEntityType.PhoneNumber, 21, 12, "phone")],
            merged.Select(m => (m.Type, m.Start, m.Length, m.Recognizer)));
        Assert.Same(detected, known.Complete("Nothing known here.", detected));
    }

    [Fact]
    public void CompleteRepeats_FindsTheSameValueAgainInTheText_WholeWordsOnly()
    {
        const string text = "My name is Kwabena. KWABENA needs a bed; Kwabenas and the word kwabena_x are not him.";
        IReadOnlyList<PiiMatch> detected = [new(PiiEntityType.Person, 11, 7, 0.85, "cue")];

        var merged = KnownPiiValues.CompleteRepeats(text, detected);

        Assert.Equal([(11, "cue"), (20, KnownPiiValues.RecognizerName)], merged.Select(m => (m.Start, m.Recognizer)));
        Assert.All(merged, m => Assert.Equal(PiiEntityType.Person, m.Type));
        IReadOnlyList<PiiMatch> alone = [new(PiiEntityType.Person, 11, 7, 0.85, "cue")];
        Assert.Same(alone, KnownPiiValues.CompleteRepeats("My name is Kwabena.", alone));
    }

    [Fact]
    public void ToString_ShowsNoValue()
    {
        Assert.DoesNotContain("Koffi", Of((PiiEntityType.Person, "Koffi")).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Vault_ListsItsScope_SameInstanceUntilItChanges_ScopesApart()
    {
        var vault = new InMemoryPseudonymVault();
        Assert.Null(vault.GetKnownValues("a"));

        vault.GetOrAddPseudonym("a", PiiEntityType.Person, "Koffi");
        var first = vault.GetKnownValues("a");
        Assert.NotNull(first);
        Assert.Same(first, vault.GetKnownValues("a"));
        vault.GetOrAddPseudonym("a", PiiEntityType.Person, "KOFFI"); // the same value: no change
        Assert.Same(first, vault.GetKnownValues("a"));

        vault.GetOrAddPseudonym("a", PiiEntityType.Location, "Kisumu");
        var second = vault.GetKnownValues("a");
        Assert.NotSame(first, second);
        Assert.Equal(2, second!.Count);
        Assert.Null(vault.GetKnownValues("b"));

        vault.ClearScope("a");
        Assert.Null(vault.GetKnownValues("a"));
    }

    [Fact]
    public void Vault_ForgottenValues_AreNotListed()
    {
        var vault = new InMemoryPseudonymVault(new InMemoryPseudonymVaultOptions { MaxEntriesPerScope = 1 });
        vault.GetOrAddPseudonym("a", PiiEntityType.Person, "Koffi");
        vault.GetOrAddPseudonym("a", PiiEntityType.Person, "Baraka");

        var matches = new List<PiiMatch>();
        vault.GetKnownValues("a")!.FindAll("Koffi and Baraka", matches);

        Assert.Equal(10, Assert.Single(matches).Start);
    }

    [Fact]
    public void CustomVault_CannotList_ByDefault()
    {
        IPseudonymVault vault = new ListlessVault();

        Assert.Null(vault.GetKnownValues("a"));
    }

    private sealed class ListlessVault : IPseudonymVault
    {
        public string GetOrAddPseudonym(string scope, PiiEntityType type, string value) => "<PERSON_1>";

        public bool TryReveal(string scope, string pseudonym, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        public void ClearScope(string scope)
        {
        }
    }
}
