namespace FarmerChat.Advisory.Chat;

/// <summary>The assistant's reply to one question.</summary>
/// <param name="Answer">The text shown to the farmer.</param>
/// <param name="Language">The language searched and answered in.</param>
/// <param name="Citations">The documents the answer cites.</param>
/// <param name="FollowUps">Suggested next questions (titles of related documents, in the language).</param>
/// <param name="Declined">Whether the assistant did not answer from the knowledge base.</param>
/// <param name="Reason">Why it declined: a guard category (<c>scope.off_topic</c>, <c>output.dangerous_advice</c>...) or <c>nothing_relevant</c>.</param>
/// <param name="AdoptionQuestion">"Did you try it?", asked after an answer.</param>
/// <param name="DocumentId">The main document (to report adoption against).</param>
internal sealed record AdvisoryAnswer(
    string Answer, string Language, IReadOnlyList<Citation> Citations, IReadOnlyList<string> FollowUps, bool Declined, string? Reason, string? AdoptionQuestion, string? DocumentId);
