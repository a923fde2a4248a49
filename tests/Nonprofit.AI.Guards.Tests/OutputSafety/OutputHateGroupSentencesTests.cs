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
        Assert.Equal(["en", "fr", "es", "pt", "de", "it", "nl", "pl", "ar", "hi", "hi-Latn", "zh", "sw"], s_service.Select(c => c.Language).Distinct());
        foreach (var language in s_service.GroupBy(c => c.Language))
        {
            Assert.Equal(22, language.Count(c => c.Functionality == OutputHateServiceSentences.NonHatefulFunctionality && !c.Hateful));
            Assert.Equal(4, language.Count(c => c.Functionality == OutputHateServiceSentences.HatefulFunctionality && c.Hateful));
        }

        var texts = s_service.Concat(s_cases).Select(c => GuardText.Normalize(c.Text)).ToList();
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(s_service.Count, s_service.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(s_service, c => Assert.Equal(c.Id, c.Template));
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
}
