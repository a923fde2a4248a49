namespace FarmerChat.Advisory.Evaluation;

/// <summary>Retrieval quality in one language.</summary>
/// <param name="Language">ISO 639-1.</param>
/// <param name="Answerable">Questions with an expected document.</param>
/// <param name="RecallAt1">Share of them whose document is first.</param>
/// <param name="RecallAt3">Share of them whose document is among the first three.</param>
/// <param name="AnsweredCorrectly">Share of them whose document is among the first three and judged relevant (the assistant answers from it).</param>
/// <param name="WronglyDeclined">Share of them the assistant declines (nothing judged relevant).</param>
/// <param name="Unanswerable">Questions the knowledge base cannot answer.</param>
/// <param name="CorrectlyDeclined">Share of those the assistant declines.</param>
internal sealed record LanguageScore(
    string Language, int Answerable, double RecallAt1, double RecallAt3, double AnsweredCorrectly, double WronglyDeclined, int Unanswerable, double CorrectlyDeclined);
