using Nonprofit.AI.Guards.Detection;
using Nonprofit.Evaluation.Guards;

namespace Nonprofit.AI.Guards.Tests.OutputSafety;

/// <summary>
/// Our own group sentences for the identity-placeholder model (benchmarks/Nonprofit.Evaluation/Guards/OutputHateGroupSentences.cs):
/// every language has its share of each kind, no sentence repeats, and the lexicon of <see cref="HateSpeechIdentities"/>
/// finds a group in the sentences (otherwise they would teach the placeholder nothing); the same for session 26's service sentences.
/// </summary>
public sealed class OutputHateGroupSentencesTests
{
    private static readonly List<HateCase> s_cases = [.. OutputHateGroupSentences.All()];

    [Fact]
    public void All_EveryLanguageHasNonHatefulAndHatefulSentences()
    {
        Assert.Equal(["en", "fr", "es", "pt", "de", "it", "nl", "pl", "ar", "hi", "zh", "sw"], s_cases.Select(c => c.Language).Distinct());
        foreach (var language in s_cases.GroupBy(c => c.Language))
        {
            Assert.Equal(42, language.Count(c => c.Functionality == OutputHateGroupSentences.NonHatefulFunctionality && !c.Hateful));
            Assert.Equal(6, language.Count(c => c.Functionality == OutputHateGroupSentences.HatefulFunctionality && c.Hateful));
        }

        Assert.Equal(s_cases.Count, s_cases.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(s_cases.Count, s_cases.Select(c => GuardText.Normalize(c.Text)).Distinct(StringComparer.Ordinal).Count());
        Assert.All(s_cases, c => Assert.Equal(c.Id, c.Template));
    }

    [Fact]
    public void All_MostNameAGroupTheLexiconKnows()
    {
        // 19 of 576 name a group in a form the lexicon lacks (session 25: singular feminine forms such as Ausländerin,
        // straniera, imigrantką, الأجنبية; the abstract nouns handicap/discapacidad/Behinderung/إعاقة; Lesbe, lesbijka,
        // cudzoziemców, d'immigrés). They still train the framing words; fewer matches would mean a lexicon regression.
        var missed = s_cases.Where(c => !HateSpeechIdentities.Abstract(c.Text).Contains(HateSpeechIdentities.Placeholder, StringComparison.Ordinal)).Select(c => c.Id + " " + c.Text).ToList();
        Assert.True(missed.Count <= 19, $"{missed.Count} without a group: " + string.Join(" | ", missed));
    }

    // Session 26: the "you, as a member of a group" and "a service for a group" sentences (OutputHateServiceSentences.cs);
    // none may repeat a group sentence of session 25.
    private static readonly List<HateCase> s_service = [.. OutputHateServiceSentences.All()];

    [Fact]
    public void ServiceSentences_EveryLanguageHasNonHatefulAndHatefulSentences()
    {
        AssertShape(s_service, ["en", "fr", "es", "pt", "de", "it", "nl", "pl", "ar", "hi", "hi-Latn", "zh", "sw"], OutputHateServiceSentences.NonHatefulFunctionality, 22, OutputHateServiceSentences.HatefulFunctionality, 4, s_cases);
    }

    /// <summary>The languages in order, per language the counts of each functionality, no text repeated (also against <paramref name="earlier"/>), one template per case.</summary>
    private static void AssertShape(List<HateCase> cases, string[] languages, string nonHateful, int nonHatefulCount, string hateful, int hatefulCount, IEnumerable<HateCase> earlier)
    {
        Assert.Equal(languages, cases.Select(c => c.Language).Distinct());
        foreach (var language in cases.GroupBy(c => c.Language))
        {
            Assert.Equal(nonHatefulCount, language.Count(c => c.Functionality == nonHateful && !c.Hateful));
            Assert.Equal(hatefulCount, language.Count(c => c.Functionality == hateful && c.Hateful));
        }

        var texts = cases.Concat(earlier).Select(c => GuardText.Normalize(c.Text)).ToList();
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(cases, c => Assert.Equal(c.Id, c.Template));
    }

    [Fact]
    public void ServiceSentences_MostNameAGroupTheLexiconKnows()
    {
        // 31 of 338 name their group only in a form the lexicon lacks (session 26): singular feminine or inflected forms
        // (refugiada, rifugiata, muçulmana, Migrantin, Muslimin, uchodźczyni, muzułmanką, imigrantem, لاجئة, مسلمة), singular
        // or compound forms (homosexuel, Schwuler, Transperson, transpersoon, osoba transpłciowa, Frauenhaus, buitenlander),
        // possessives (women's, indigenous people's, Jewish families), the attributive mahila / महिला, "bahar se aaye" and
        // "dalit" in romanised Hindi. They still train the framing words; more misses would mean a lexicon regression.
        var missed = s_service.Where(c => !HateSpeechIdentities.Abstract(c.Text).Contains(HateSpeechIdentities.Placeholder, StringComparison.Ordinal)).Select(c => c.Id + " " + c.Text).ToList();
        Assert.True(missed.Count <= ServiceMissedToday, $"{missed.Count} without a group: " + string.Join(" | ", missed));
    }

    private const int ServiceMissedToday = 31;

    // Session 26 mend: the short headings and conditional openings that name a group (OutputHateHeadingSentences.cs);
    // none may repeat a group or service sentence.
    private static readonly List<HateCase> s_heading = [.. OutputHateHeadingSentences.All()];

    [Fact]
    public void HeadingLines_EveryLanguageHasNonHatefulAndHatefulLines()
    {
        AssertShape(s_heading, ["en", "fr", "es", "pt", "de", "it", "nl", "pl", "ar", "zh", "hi", "hi-Latn", "sw"], OutputHateHeadingSentences.NonHatefulFunctionality, 18, OutputHateHeadingSentences.HatefulFunctionality, 8, s_service.Concat(s_cases));
    }

    [Fact]
    public void HeadingLines_AreNotTheSamplesHeadings()
    {
        Assert.DoesNotContain(s_heading, c => SamplesStrings().Contains(c.Text));
    }

    /// <summary>The samples' strings (JSON values) and lines (Markdown, headings without their '#'): never opened by hand.</summary>
    private static HashSet<string> SamplesStrings()
    {
        // The samples' replies are the end-to-end test of this family (Sophia.Chatbot.Tests, FarmerChat.Advisory.Tests):
        // no line of ours may be one of their strings (JSON values) or lines (Markdown, headings without their '#').
        var samples = Path.Combine(Repository.Root(), "samples");
        static bool Source(string f) =>
            !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        var strings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(samples, "*.json", SearchOption.AllDirectories).Where(Source))
        {
            CollectStrings(System.Text.Json.JsonDocument.Parse(File.ReadAllText(file), new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement, strings);
        }

        foreach (var file in Directory.EnumerateFiles(samples, "*.md", SearchOption.AllDirectories).Where(Source))
        {
            strings.UnionWith(File.ReadAllLines(file).Select(l => l.TrimStart('#', ' ').Trim()));
        }

        Assert.True(strings.Count > 1_000, $"{strings.Count} strings: the samples' knowledge files are found");
        return strings;
    }

    private static void CollectStrings(System.Text.Json.JsonElement element, HashSet<string> strings)
    {
        switch (element.ValueKind)
        {
            case System.Text.Json.JsonValueKind.String:
                strings.Add(element.GetString()!.Trim());
                break;
            case System.Text.Json.JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CollectStrings(property.Value, strings);
                }

                break;
            case System.Text.Json.JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectStrings(item, strings);
                }

                break;
        }
    }

    [Fact]
    public void HeadingLines_NonHatefulOnesAreShort() => AssertShort(s_heading);

    /// <summary>
    /// The family is the heading alone: a non-hateful line of more than eight words would be a sentence of the service
    /// family instead.
    /// </summary>
    private static void AssertShort(List<HateCase> lines)
    {
        var words = lines.Where(c => !c.Hateful && c.Language != "zh")
            .Select(c => (c.Id, Words: c.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length))
            .Where(c => c.Words > 8)
            .Select(c => c.Id)
            .ToList();
        Assert.Empty(words);
    }

    // Session 27: the short heading and label fragments that name a group neutrally (OutputHateFragmentSentences.cs),
    // written from the family's description without reading the samples; none repeats a line of our other sets.
    private static readonly List<HateCase> s_fragment = [.. OutputHateFragmentSentences.All()];

    [Fact]
    public void FragmentLines_EveryLanguageHasNonHatefulAndHatefulLines()
    {
        AssertShape(s_fragment, ["en", "fr", "es", "pt", "de", "it", "nl", "pl", "ar", "zh", "hi", "hi-Latn", "sw"], OutputHateFragmentSentences.NonHatefulFunctionality, 18, OutputHateFragmentSentences.HatefulFunctionality, 6, s_heading.Concat(s_service).Concat(s_cases));
    }

    [Fact]
    public void FragmentLines_AreNotTheSamplesStrings()
    {
        Assert.DoesNotContain(s_fragment, c => SamplesStrings().Contains(c.Text));
    }

    [Fact]
    public void FragmentLines_NonHatefulOnesAreShort() => AssertShort(s_fragment);

    [Fact]
    public void FragmentLines_NameAGroupTheLexiconKnows()
    {
        // A fragment whose group word the lexicon lacks teaches the placeholder nothing: the family is "a short line
        // around the placeholder". FragmentMissedToday are known gaps (listed in the message when the count changes).
        var missed = s_fragment.Where(c => !HateSpeechIdentities.Abstract(c.Text).Contains(HateSpeechIdentities.Placeholder, StringComparison.Ordinal)).Select(c => c.Id + " " + c.Text).ToList();
        Assert.True(missed.Count <= FragmentMissedToday, $"{missed.Count} without a group: " + string.Join(" | ", missed));
    }

    private const int FragmentMissedToday = 0;

    // Session 28, round 2: our lines saying when or how help can be reached (OutputHateReachSentences.cs), non-hateful
    // only as the round's rule asks, written from the family's description without reading the samples.
    private static readonly List<HateCase> s_reach = [.. OutputHateReachSentences.All()];

    [Fact]
    public void ReachLines_EveryLanguageHasTwelveNonHatefulLines()
    {
        AssertShape(s_reach, ["en", "fr", "es", "pt", "de", "it", "nl", "pl", "ar", "hi", "hi-Latn", "zh", "sw"], OutputHateReachSentences.NonHatefulFunctionality, 12, OutputHateReachSentences.HatefulFunctionality, 0, s_fragment.Concat(s_heading).Concat(s_service).Concat(s_cases));
    }

    [Fact]
    public void ReachLines_AreNotTheSamplesStrings()
    {
        Assert.DoesNotContain(s_reach, c => SamplesStrings().Contains(c.Text));
    }

    // Session 29, round 3: our benign lines describing abuse, pests, weeds, slaughter and groups of people neutrally or
    // supportively (OutputHateDescribeSentences.cs), non-hateful only as the round's rule asks, written without reading the samples.
    private static readonly List<HateCase> s_describe = [.. OutputHateDescribeSentences.All()];

    [Fact]
    public void DescribeLines_EveryLanguageHasTwelveNonHatefulLines()
    {
        AssertShape(s_describe, ["en", "fr", "es", "pt", "de", "it", "nl", "pl", "ar", "hi", "hi-Latn", "zh", "sw"], OutputHateDescribeSentences.NonHatefulFunctionality, 12, OutputHateDescribeSentences.HatefulFunctionality, 0, s_fragment.Concat(s_heading).Concat(s_service).Concat(s_cases).Concat(s_reach));
    }

    [Fact]
    public void DescribeLines_AreNotTheSamplesStrings()
    {
        Assert.DoesNotContain(s_describe, c => SamplesStrings().Contains(c.Text));
    }

    // Session 30, round 4: our lines of three hateful families (implicit derogation, hate as a question, direct threats)
    // and their benign twins of the same shape (Data/output-hate-families.tsv), written without reading the samples.
    private static readonly List<HateCase> s_family = [.. OutputHateFamilySentences.All()];

    [Fact]
    public void FamilyLines_EveryLanguageHasTenHatefulAndTenBenignLinesPerFamily()
    {
        Assert.Equal(["en", "ar", "de", "es", "fr", "hi", "it", "nl", "pl", "pt", "zh"], s_family.Select(c => c.Language).Distinct());
        foreach (var family in OutputHateFamilySentences.Families)
        {
            var lines = s_family.Where(c => c.Functionality.StartsWith($"fam_{family}_", StringComparison.Ordinal)).ToList();
            AssertShape(lines, ["en", "ar", "de", "es", "fr", "hi", "it", "nl", "pl", "pt", "zh"], OutputHateFamilySentences.FunctionalityOf(family, false), 10, OutputHateFamilySentences.FunctionalityOf(family, true), 10, s_fragment.Concat(s_heading).Concat(s_service).Concat(s_cases).Concat(s_reach).Concat(s_describe));
        }

        Assert.Equal(s_family.Count, s_family.Select(c => GuardText.Normalize(c.Text)).Distinct(StringComparer.Ordinal).Count());
        Assert.All(s_family, c => Assert.True(OutputHateFamilySentences.Is(c.Functionality)));
    }

    [Fact]
    public void FamilyLines_HatefulOnesNameAGroupTheLexiconKnows()
    {
        // The hateful lines must teach the placeholder with the predicate; a line the lexicon misses would teach a group
        // word instead. 28 of 330 do not today: the eleven "people like them" lines name no group by design (the family's
        // shape), the others name their group only in a singular or inflected form the lexicon lacks (lmhajir, ajnabi,
        // yahudi with a prefix, imigrantowi/imigranta, muzułmanami, Romów, cudzoziemiec, migrante, buitenlander, schwules
        // Paar, homostel, couple d'homosexuels). More misses would mean a lexicon regression.
        var missed = s_family.Where(c => c.Hateful && !HateSpeechIdentities.Abstract(c.Text).Contains(HateSpeechIdentities.Placeholder, StringComparison.Ordinal)).Select(c => c.Id + " " + c.Text).ToList();
        Assert.True(missed.Count <= FamilyMissedToday, $"{missed.Count} without a group: " + string.Join(" | ", missed));
    }

    private const int FamilyMissedToday = 28;

    [Fact]
    public void FamilyLines_AreNotTheSamplesStrings()
    {
        Assert.DoesNotContain(s_family, c => SamplesStrings().Contains(c.Text));
    }

    [Fact]
    public void FamilyLines_ReadRefusesAMalformedLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["lang\tfamily\tlabel\ttext", "en\tthreat\t2\tA line with a label that is neither 0 nor 1."]);
            Assert.Throws<InvalidDataException>(() => OutputHateFamilySentences.Read(path).ToList());
            File.WriteAllLines(path, ["lang\tfamily\tlabel\ttext", "en\tinsult\t1\tA family the file does not know."]);
            Assert.Throws<InvalidDataException>(() => OutputHateFamilySentences.Read(path).ToList());
            File.WriteAllLines(path, ["lang\tfamily\tlabel\ttext", "en\tthreat\t0\tWe will wipe out the slugs.", "en\tthreat\t0\tWe will wipe out the snails."]);
            Assert.Equal(["fam-en-threat-n0", "fam-en-threat-n1"], OutputHateFamilySentences.Read(path).Select(c => c.Id));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
