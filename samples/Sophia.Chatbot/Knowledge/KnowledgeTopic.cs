namespace Sophia.Chatbot.Knowledge;

/// <summary>A topic the responder recognises: its section, title and the keywords that point to it in each language.</summary>
/// <param name="Id">The topic id, for example <c>protection_orders</c>.</param>
/// <param name="Section">Assess rights or Learn options.</param>
/// <param name="Title">The heading shown above an answer.</param>
/// <param name="Keywords">Normalised keywords (see <see cref="TextNormalizer"/>), all languages together.</param>
internal sealed record KnowledgeTopic(string Id, KnowledgeSection Section, LocalizedText Title, IReadOnlyList<string> Keywords);
