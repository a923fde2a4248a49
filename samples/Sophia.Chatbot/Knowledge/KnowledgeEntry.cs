namespace Sophia.Chatbot.Knowledge;

/// <summary>One answer of the knowledge base: a topic's text for a country (or for any country), with its public source.</summary>
/// <param name="Id">The entry id, unique in the knowledge base (for example <c>gb.protection_orders</c>).</param>
/// <param name="Country">The ISO 3166-1 alpha-2 code, or <see cref="SophiaKnowledgeBase.DefaultCountry"/>.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Text">The answer, in every language.</param>
/// <param name="Source">The public page the answer is based on.</param>
/// <param name="Date">When the entry was written against that source.</param>
internal sealed record KnowledgeEntry(string Id, string Country, KnowledgeTopic Topic, LocalizedText Text, Uri Source, DateOnly Date)
{
    /// <summary>Assess rights or Learn options (the topic's).</summary>
    public KnowledgeSection Section => Topic.Section;
}
