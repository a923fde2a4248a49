using System;
using System.Collections.Generic;
using System.Globalization;

namespace Nonprofit.AI.Guards;

/// <summary>Where <see cref="LanguageMatchingChatClient"/> puts its "reply in the user's language" instruction.</summary>
public enum LanguageInstructionPlacement
{
    /// <summary>
    /// Appended to <c>ChatOptions.Instructions</c> (on a copy of the options). The default: the conversation's messages
    /// stay exactly as the app sent them, so nothing extra lands in a history the app or a service stores (with
    /// <c>ConversationId</c>, a message would be stored again on every turn), and providers map instructions to their
    /// own system or developer prompt.
    /// </summary>
    ChatOptionsInstructions,

    /// <summary>
    /// A system message inserted after the request's leading system messages, for inner clients that ignore
    /// <c>ChatOptions.Instructions</c>.
    /// </summary>
    SystemMessage,
}

/// <summary>What <see cref="LanguageMatchingChatClient"/> does with a reply in another language than the user's.</summary>
public enum LanguageMismatchAction
{
    /// <summary>Pass the reply on unchanged, with a <see cref="GuardAction.Allow"/> verdict of category <see cref="GuardCategories.LanguageMismatch"/>.</summary>
    Flag,

    /// <summary>
    /// Replace the reply with <see cref="LanguageMatchingOptions.MismatchMessages"/> in the user's language
    /// (<see cref="GuardAction.Modify"/> verdict). When streaming, the updates already sent stay sent: the stream is
    /// ended at the update where the mismatch is found, followed by the message.
    /// </summary>
    Replace,
}

/// <summary>Options of <see cref="LanguageMatchingChatClient"/>.</summary>
public sealed class LanguageMatchingOptions
{
    /// <summary>The default of <see cref="StreamingCheckCharacters"/>.</summary>
    public const int DefaultStreamingCheckCharacters = 120;

    /// <summary>Gets or sets where the instruction goes.</summary>
    /// <value>The default is <see cref="LanguageInstructionPlacement.ChatOptionsInstructions"/>.</value>
    public LanguageInstructionPlacement InstructionPlacement { get; set; } = LanguageInstructionPlacement.ChatOptionsInstructions;

    /// <summary>
    /// Gets the instruction per language, keyed by ISO 639-1 code, or code and ISO 15924 script (<c>hi-Latn</c>: romanised
    /// Hindi), looked up script first. A language without an entry gets <see cref="FallbackInstruction"/>.
    /// </summary>
    /// <value>English instructions (models follow them best; the user never sees them) for en, fr, es, pt, de, it, nl, pl, sw, hi, hi-Latn, ar, ar-Latn, zh, ur, ja, ko; change or add entries.</value>
    public IDictionary<string, string> Instructions { get; } = LanguageMessages.Instructions();

    /// <summary>
    /// Gets or sets the instruction for a language without an entry in <see cref="Instructions"/>; <c>{0}</c> is replaced
    /// by the ISO 639-1 code. It is a composite format string: <c>{0}</c> is its only placeholder, and other braces are
    /// written twice (<c>{{</c>, <c>}}</c>); validation rejects any other placeholder.
    /// </summary>
    /// <value>The default asks for a reply in the language of the user's last message.</value>
    public string FallbackInstruction { get; set; } = LanguageMessages.FallbackInstruction;

    /// <summary>Gets or sets what happens to a reply in another language.</summary>
    /// <value>The default is <see cref="LanguageMismatchAction.Flag"/>.</value>
    public LanguageMismatchAction OnMismatch { get; set; } = LanguageMismatchAction.Flag;

    /// <summary>
    /// Gets the message that replaces a reply in another language (<see cref="LanguageMismatchAction.Replace"/>), per
    /// language as <see cref="Instructions"/>; English (<c>en</c>) when the user's language has none.
    /// </summary>
    /// <value>Short apologies in en, fr, es, pt, de, it, nl, pl, sw, hi, hi-Latn, ar, zh.</value>
    public IDictionary<string, string> MismatchMessages { get; } = LanguageMessages.MismatchMessages();

    /// <summary>
    /// Gets or sets how many characters of a streamed reply must have arrived before its language is checked (then
    /// again at twice as many while unsure, up to <see cref="LanguageIdentifier.MaximumCharacters"/>). Updates are
    /// never held back for it.
    /// </summary>
    /// <value>The default is 120; at least 16.</value>
    public int StreamingCheckCharacters { get; set; } = DefaultStreamingCheckCharacters;

    /// <summary>Gets or sets the confidence the reply's language must have, 0 to 1, to count as a mismatch.</summary>
    /// <value>The default is 0.6.</value>
    public double MinimumReplyConfidence { get; set; } = 0.6;

    /// <summary>
    /// Gets or sets how many user messages, from the latest backwards, are read to find the user's language when the
    /// latest is too short to tell ("ok", "thanks", an emoji).
    /// </summary>
    /// <value>The default is 3; at least 1 (only the latest).</value>
    public int UserMessagesToRead { get; set; } = 3;

    /// <summary>
    /// Gets or sets the key of <c>ChatOptions.AdditionalProperties</c> that holds the conversation id (for observers);
    /// <see langword="null"/>: <c>ChatOptions.ConversationId</c>.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? ConversationIdKey { get; set; }

    /// <summary>Returns the first problem with these options, or null when they are valid.</summary>
    internal string? Validate()
    {
        if (StreamingCheckCharacters < 16)
        {
            return "LanguageMatchingOptions.StreamingCheckCharacters must be at least 16.";
        }

        if (double.IsNaN(MinimumReplyConfidence) || MinimumReplyConfidence is < 0 or > 1)
        {
            return "LanguageMatchingOptions.MinimumReplyConfidence must be between 0 and 1.";
        }

        if (UserMessagesToRead < 1)
        {
            return "LanguageMatchingOptions.UserMessagesToRead must be at least 1.";
        }

        if (!Enum.IsDefined(InstructionPlacement) || !Enum.IsDefined(OnMismatch))
        {
            return "LanguageMatchingOptions.InstructionPlacement and OnMismatch must be defined values.";
        }

        if (string.IsNullOrWhiteSpace(FallbackInstruction) || !MismatchMessages.TryGetValue("en", out var english) || string.IsNullOrWhiteSpace(english))
        {
            return "LanguageMatchingOptions.FallbackInstruction and the English (en) mismatch message must not be empty.";
        }

        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, FallbackInstruction, "xx");
        }
        catch (FormatException)
        {
            return "LanguageMatchingOptions.FallbackInstruction must be a valid format string: {0} (the language code) is its only placeholder; write other braces twice ({{ and }}).";
        }

        foreach (var (key, value) in Instructions)
        {
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(value))
            {
                return "LanguageMatchingOptions.Instructions must not hold empty keys or texts.";
            }
        }

        foreach (var (key, value) in MismatchMessages)
        {
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(value))
            {
                return "LanguageMatchingOptions.MismatchMessages must not hold empty keys or texts.";
            }
        }

        return null;
    }
}
