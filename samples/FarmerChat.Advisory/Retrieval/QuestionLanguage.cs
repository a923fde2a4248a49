using Nonprofit.AI.Guards;

namespace FarmerChat.Advisory.Retrieval;

/// <summary>The language a question is searched and answered in.</summary>
internal static class QuestionLanguage
{
    /// <summary>
    /// The language Nonprofit.AI.Guards identifies when it is one of the knowledge base's; otherwise
    /// <paramref name="fallback"/> (the farmer's profile or the request), else English. Romanised Hindi is identified as
    /// Hindi and searched in the Hindi documents' n-grams and words as typed.
    /// </summary>
    public static string Resolve(string question, string? fallback, ILanguageIdentifier? identifier = null)
    {
        var identified = (identifier ?? LanguageIdentifier.Default).Identify(question);
        if (identified.IsKnown && Languages.IsSupported(identified.Language))
        {
            return identified.Language;
        }

        return Languages.IsSupported(fallback) ? fallback! : Languages.English;
    }
}
