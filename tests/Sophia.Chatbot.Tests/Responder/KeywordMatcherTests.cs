using Sophia.Chatbot.Knowledge;
using Sophia.Chatbot.Responder;

namespace Sophia.Chatbot.Tests.Responder;

public sealed class KeywordMatcherTests
{
    private static readonly KeywordMatcher s_matcher = new(SophiaKnowledgeBase.LoadDefault().Topics);

    [Theory]
    [InlineData("Can I get an INJUNCTION?", "protection_orders")]
    [InlineData("Où trouver un hébergement ?", "shelters")]
    [InlineData("Preciso de uma MEDIDA PROTETIVA", "protection_orders")]
    [InlineData("Je veux porter plainte au commissariat", "police")]
    [InlineData("Mtoto wangu yuko hatarini", "children")]
    [InlineData("मुझे अस्पताल जाना है", "health")]
    [InlineData("Ni haki zangu gani kisheria?", "rights_overview")]
    [InlineData("I am on a spouse visa", "migrants")]
    public void Match_KeywordsInAnyLanguageAndCase_FindsTheTopic(string message, string topic) =>
        Assert.Equal(topic, s_matcher.Match(message)?.Id);

    [Theory]
    [InlineData("")]
    [InlineData("Hello, good evening")]
    [InlineData("leite com café")]
    [InlineData("violence")]
    public void Match_NoKeyword_ReturnsNull(string message) => Assert.Null(s_matcher.Match(message));

    [Fact]
    public void Match_WholeWordKeyword_DoesNotMatchInsideAnotherWord()
    {
        // "lei" (law, pt) is a whole-word keyword: "leite" (milk) must not match it; "lei" alone does.
        Assert.Null(s_matcher.Match("leite"));
        Assert.Equal("rights_overview", s_matcher.Match("o que diz a lei?")?.Id);
    }

    [Fact]
    public void Match_Tie_GoesToTheTopicListedFirst()
    {
        var title = new LocalizedText(SophiaLanguages.All.ToDictionary(l => l, _ => "x"));
        var matcher = new KeywordMatcher(
        [
            new KnowledgeTopic("first", KnowledgeSection.Rights, title, ["alpha"]),
            new KnowledgeTopic("second", KnowledgeSection.Rights, title, ["beta", "gamma"]),
        ]);

        Assert.Equal("first", matcher.Match("alpha beta")?.Id);
        Assert.Equal("second", matcher.Match("alpha beta gamma")?.Id);
    }

    [Theory]
    [InlineData("Éloignement!", " eloignement ")]
    [InlineData("  São  Paulo, 190 ", " sao paulo 190 ")]
    [InlineData("ख़ुद को", " ख़ुद को ")]
    public void Normalize_LowerCaseLatinAccentsAndPunctuation_KeepsDevanagariSigns(string text, string expected) =>
        Assert.Equal(expected.Normalize(System.Text.NormalizationForm.FormD), TextNormalizer.Normalize(text).Normalize(System.Text.NormalizationForm.FormD));
}
