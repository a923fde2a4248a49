using Sophia.Chatbot.Knowledge;

namespace Sophia.Chatbot.Tests.Knowledge;

public sealed class SophiaKnowledgeBaseTests
{
    private static readonly SophiaKnowledgeBase s_knowledge = SophiaKnowledgeBase.LoadDefault();

    [Fact]
    public void LoadDefault_EmbeddedContent_HasTheDefaultCountryWithEveryTopic()
    {
        var universal = s_knowledge.Countries[SophiaKnowledgeBase.DefaultCountry];
        Assert.Equal(s_knowledge.Topics.Select(t => t.Id).Order(), universal.Entries.Select(e => e.Topic.Id).Order());
    }
}
