namespace Sophia.Chatbot.Knowledge;

/// <summary>What the knowledge base knows for one country (or for <see cref="SophiaKnowledgeBase.DefaultCountry"/>).</summary>
/// <param name="Code">The ISO 3166-1 alpha-2 code in upper case, or <c>default</c>.</param>
/// <param name="Name">The country's name in every language.</param>
/// <param name="Emergency">How to reach emergency services, as one sentence fragment (for example <c>999 or 112</c>).</param>
/// <param name="Entries">The country's own answers.</param>
/// <param name="Services">The country's directory, emergency services first.</param>
internal sealed record CountryKnowledge(
    string Code,
    LocalizedText Name,
    LocalizedText Emergency,
    IReadOnlyList<KnowledgeEntry> Entries,
    IReadOnlyList<ServiceEntry> Services);
