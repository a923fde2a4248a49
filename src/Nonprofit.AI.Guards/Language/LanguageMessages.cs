using System;
using System.Collections.Generic;

namespace Nonprofit.AI.Guards;

/// <summary>The default texts of <see cref="LanguageMatchingOptions"/>.</summary>
internal static class LanguageMessages
{
    public const string FallbackInstruction =
        "The user's last message is in the language with ISO 639-1 code '{0}'. Reply in that language, whatever the language of these instructions.";

    public static Dictionary<string, string> Instructions() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = Reply("English"),
        ["fr"] = Reply("French (français)"),
        ["es"] = Reply("Spanish (español)"),
        ["pt"] = Reply("Portuguese (português)"),
        ["de"] = Reply("German (Deutsch)"),
        ["it"] = Reply("Italian (italiano)"),
        ["nl"] = Reply("Dutch (Nederlands)"),
        ["pl"] = Reply("Polish (polski)"),
        ["sw"] = Reply("Swahili (Kiswahili)"),
        ["hi"] = Reply("Hindi (हिन्दी), in Devanagari script"),
        ["hi-Latn"] = "The user writes Hindi in Latin letters (romanised Hindi, as in \"mujhe madad chahiye\"). Reply in Hindi written in Latin letters the same way, not in English and not in Devanagari, whatever the language of these instructions.",
        ["ar"] = Reply("Arabic (العربية), in Arabic script"),
        ["ar-Latn"] = "The user writes Arabic in Latin letters and digits (Arabizi). Reply in Arabic written the same way, in Latin letters, whatever the language of these instructions.",
        ["ur"] = Reply("Urdu (اردو)"),
        ["zh"] = Reply("Chinese (中文)"),
        ["ja"] = Reply("Japanese (日本語)"),
        ["ko"] = Reply("Korean (한국어)"),
    };

    public static Dictionary<string, string> MismatchMessages() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "Sorry, I could not answer in your language. Please send your message again.",
        ["fr"] = "Désolé, je n'ai pas pu répondre dans votre langue. Merci de renvoyer votre message.",
        ["es"] = "Lo siento, no pude responder en su idioma. Por favor, envíe su mensaje de nuevo.",
        ["pt"] = "Desculpe, não consegui responder no seu idioma. Por favor, envie a sua mensagem novamente.",
        ["de"] = "Entschuldigung, ich konnte nicht in Ihrer Sprache antworten. Bitte senden Sie Ihre Nachricht noch einmal.",
        ["it"] = "Mi dispiace, non sono riuscito a rispondere nella sua lingua. Per favore, invii di nuovo il messaggio.",
        ["nl"] = "Sorry, ik kon niet in uw taal antwoorden. Stuur uw bericht alstublieft opnieuw.",
        ["pl"] = "Przepraszam, nie udało mi się odpowiedzieć w Twoim języku. Wyślij proszę wiadomość jeszcze raz.",
        ["sw"] = "Samahani, sikuweza kujibu kwa lugha yako. Tafadhali tuma ujumbe wako tena.",
        ["hi"] = "क्षमा करें, मैं आपकी भाषा में उत्तर नहीं दे सका। कृपया अपना संदेश फिर से भेजें।",
        ["hi-Latn"] = "Maaf kijiye, main aapki bhasha mein jawab nahi de paaya. Kripya apna message dobara bhejiye.",
        ["ar"] = "عذرًا، لم أتمكن من الرد بلغتك. يرجى إرسال رسالتك مرة أخرى.",
        ["zh"] = "抱歉，我没能用您的语言回答。请再发送一次您的消息。",
    };

    private static string Reply(string language) =>
        $"The user writes in {language}. Reply in {language.Split(" (")[0]}, whatever the language of these instructions.";

    /// <summary>The entry for <paramref name="language"/>: language-script first, then language.</summary>
    public static string? Lookup(IDictionary<string, string> entries, LanguageIdentification language)
    {
        if (language.Script is { } script && entries.TryGetValue(language.Language + "-" + script, out var scripted))
        {
            return scripted;
        }

        return entries.TryGetValue(language.Language, out var plain) ? plain : null;
    }
}
