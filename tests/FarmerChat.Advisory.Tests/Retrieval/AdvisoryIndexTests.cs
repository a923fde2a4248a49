using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Tests.Retrieval;

public sealed class AdvisoryIndexTests
{
    private static readonly Lazy<AdvisoryIndex> s_fixtures = new(() => new AdvisoryIndex(KnowledgeBase.Load(TestPaths.FixtureKnowledge)));

    [Theory]
    [InlineData("en", "caterpillars are eating the funnel of my maize", "fixture-maize-armyworm")]
    [InlineData("en", "weevils in my stored beans", "fixture-grain-storage")]
    [InlineData("en", "brown spots on tomatoes after the rain", "fixture-tomato-blight")]
    [InlineData("sw", "viwavi wanakula mahindi yangu", "fixture-maize-armyworm")]
    [InlineData("fr", "des charançons dans mes sacs de maïs", "fixture-grain-storage")]
    [InlineData("hi", "टमाटर की पत्तियों पर धब्बे", "fixture-tomato-blight")]
    public void Search_QuestionInItsLanguage_FindsTheDocumentFirst(string language, string question, string expected)
    {
        var hits = s_fixtures.Value.Search(question, language);

        Assert.Equal(expected, hits[0].Document.Id);
        Assert.Equal(language, hits[0].Document.Language);
    }

    [Fact]
    public void Search_LanguageWithoutDocuments_FindsNothing() =>
        Assert.Empty(s_fixtures.Value.Search("tomato", "xx"));

    [Fact]
    public void Search_OnlyStopWords_FindsNothing() =>
        Assert.Empty(new AdvisoryIndex(KnowledgeBase.Load(TestPaths.FixtureKnowledge), new RetrievalOptions { GramWeight = 0 }).Search("the and of", "en"));

    [Fact]
    public void Search_Coverage_IsShareOfQuestionWordsInTheDocument()
    {
        var hit = s_fixtures.Value.Search("maize funnel zebra", "en")[0];

        Assert.Equal("fixture-maize-armyworm", hit.Document.Id);
        Assert.Equal(2 / 3.0, hit.Coverage, 3);
    }
}
