using System;
using System.Collections.Generic;

namespace Nonprofit.AI.Guards;

/// <summary>Options of <see cref="OutputSafetyChatClient"/>.</summary>
public sealed class OutputSafetyOptions
{
    /// <summary>The default key of <c>ChatOptions.AdditionalProperties</c> under which the app passes its sources.</summary>
    public const string DefaultSourcesKey = "nonprofit.guards.sources";

    /// <summary>
    /// Gets or sets the text a blocked reply is replaced with, per language: keys are ISO 639-1 codes (<c>fr</c>), or a
    /// code and an ISO 15924 script (<c>hi-Latn</c> for romanised Hindi), matched case-insensitively. The user's
    /// language comes from the <see cref="ILanguageIdentifier"/> registered in the services (on the last user message);
    /// without one, or when the language has no entry, English (<c>en</c>) is used.
    /// </summary>
    /// <value>The default has short, neutral texts in en, fr, es, pt, sw, hi (Devanagari and <c>hi-Latn</c>), ar and de.</value>
    public IDictionary<string, string> SafeMessages { get; set; } = DefaultSafeMessages();

    /// <summary>
    /// Gets or sets the key of <c>ChatOptions.AdditionalProperties</c> that holds the app's sources for the groundedness
    /// check: a <see cref="string"/> or an <see cref="IEnumerable{T}"/> of strings (the retrieved passages the model was
    /// given). Without sources there is no groundedness check.
    /// </summary>
    /// <value>The default is <see cref="DefaultSourcesKey"/>.</value>
    public string SourcesKey { get; set; } = DefaultSourcesKey;

    /// <summary>
    /// Gets or sets the key of <c>ChatOptions.AdditionalProperties</c> that holds the conversation id (for observers).
    /// When <see langword="null"/>, <c>ChatOptions.ConversationId</c> is used.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? ConversationIdKey { get; set; }

    /// <summary>
    /// Gets or sets, when streaming, the most characters held back while waiting for the end of a sentence. A longer run
    /// without a sentence end is checked and released at its last space.
    /// </summary>
    /// <value>The default is 400; it must be in [16, 100,000].</value>
    public int MaxHoldBackChars { get; set; } = 400;

    /// <summary>The largest <see cref="MaxHoldBackChars"/> accepted: 100,000 characters.</summary>
    internal const int MaxHoldBackCharsLimit = 100_000;

    /// <summary>The default <see cref="SafeMessages"/>.</summary>
    /// <returns>A new dictionary.</returns>
    public static IDictionary<string, string> DefaultSafeMessages() => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "I'm sorry, I can't share that answer. Please ask in another way, or talk to a trained person who can help.",
        ["fr"] = "Désolé, je ne peux pas partager cette réponse. Posez la question autrement, ou parlez à une personne formée qui peut vous aider.",
        ["es"] = "Lo siento, no puedo compartir esa respuesta. Pregunte de otra manera o hable con una persona capacitada que pueda ayudarle.",
        ["pt"] = "Desculpe, não posso partilhar essa resposta. Pergunte de outra forma ou fale com uma pessoa capacitada que possa ajudar.",
        ["sw"] = "Samahani, siwezi kutoa jibu hilo. Tafadhali uliza kwa njia nyingine, au zungumza na mtu aliyefunzwa anayeweza kukusaidia.",
        ["hi"] = "क्षमा करें, मैं यह उत्तर साझा नहीं कर सकता। कृपया किसी और तरह से पूछें, या किसी प्रशिक्षित व्यक्ति से बात करें जो मदद कर सके।",
        ["hi-Latn"] = "Maaf kijiye, main yeh jawab nahin de sakta. Kripya kisi aur tarah se poochhiye, ya kisi prashikshit vyakti se baat kijiye jo madad kar sake.",
        ["ar"] = "عذرًا، لا أستطيع مشاركة هذه الإجابة. يرجى السؤال بطريقة أخرى، أو التحدث إلى شخص مدرَّب يمكنه المساعدة.",
        ["de"] = "Entschuldigung, diese Antwort kann ich nicht geben. Bitte fragen Sie anders, oder sprechen Sie mit einer geschulten Person, die helfen kann.",
    };

    /// <summary>Returns the first problem with these options, or null when they are valid.</summary>
    internal string? Validate()
    {
        if (SafeMessages is null || !SafeMessages.TryGetValue("en", out var english) || string.IsNullOrWhiteSpace(english))
        {
            return "OutputSafetyOptions.SafeMessages must have a non-empty English (\"en\") text, the fallback.";
        }

        if (string.IsNullOrEmpty(SourcesKey))
        {
            return "OutputSafetyOptions.SourcesKey must not be empty.";
        }

        return MaxHoldBackChars is < 16 or > MaxHoldBackCharsLimit
            ? "OutputSafetyOptions.MaxHoldBackChars must be in [16, 100000]."
            : null;
    }

    /// <summary>The safe text for a language and script, falling back to the language, then English.</summary>
    internal string SafeMessageFor(LanguageIdentification language)
    {
        if (language.IsKnown)
        {
            if (language.Script is { } script && SafeMessages.TryGetValue(language.Language + "-" + script, out var scripted) && !string.IsNullOrEmpty(scripted))
            {
                return scripted;
            }

            if (SafeMessages.TryGetValue(language.Language, out var text) && !string.IsNullOrEmpty(text))
            {
                return text;
            }
        }

        return SafeMessages["en"];
    }
}
