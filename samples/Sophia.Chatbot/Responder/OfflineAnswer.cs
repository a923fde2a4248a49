using Sophia.Chatbot.Knowledge;

namespace Sophia.Chatbot.Responder;

/// <summary>What the offline responder answered, and why.</summary>
/// <param name="Language">The language of the answer (one of <see cref="SophiaLanguages.All"/>).</param>
/// <param name="Country">The country whose knowledge was used (<see cref="SophiaKnowledgeBase.DefaultCountry"/> for any other).</param>
/// <param name="Topic">The topic matched, or <see langword="null"/> for the default (welcome) answer.</param>
/// <param name="Entry">The knowledge entry used, or <see langword="null"/> for the default answer.</param>
/// <param name="Services">The services listed in the answer.</param>
/// <param name="Text">The reply.</param>
internal sealed record OfflineAnswer(
    string Language, string Country, KnowledgeTopic? Topic, KnowledgeEntry? Entry, IReadOnlyList<ServiceEntry> Services, string Text);
