using System;
using System.Collections.Generic;

namespace Nonprofit.AI.Guards;

/// <summary>Options of <see cref="CrisisDetectionChatClient"/>.</summary>
public sealed class CrisisDetectionOptions
{
    /// <summary>The default key of <c>ChatOptions.AdditionalProperties</c> that holds the user's country code.</summary>
    public const string DefaultCountryKey = "nonprofit.country";

    /// <summary>Gets or sets the score at or above which a category counts as detected.</summary>
    /// <value>The default is <see cref="CrisisDetector.DefaultThreshold"/> (0.5). Lower it for more recall.</value>
    public double Threshold { get; set; } = CrisisDetector.DefaultThreshold;

    /// <summary>
    /// Gets or sets how many of the latest user messages are checked on every request (each separately; a category's
    /// score is its highest). 1 checks only the latest; more also catches a crisis spread over several short messages,
    /// but escalates again on the following turns while the message stays in the window.
    /// </summary>
    /// <value>The default is 1.</value>
    public int UserMessagesToCheck { get; set; } = 1;

    /// <summary>The default of <see cref="ConversationRiskThreshold"/>: 0.80.</summary>
    /// <remarks>
    /// Chosen on ordinary chat text, not on Reddit: the lowest multiple of 0.05 at which at most 5 % of the English benign
    /// conversations of the repository's crisis training corpora a–e are flagged (2.1 %). On the held-apart Reddit C-SSRS
    /// users it keeps recall 0.28 at precision 0.93 (with the 4,096-character cap); <see cref="ConversationRiskAssessor.DefaultThreshold"/> (0.48) is the
    /// Reddit operating point (recall 0.70, precision 0.80) but flags most ordinary English conversations. See
    /// docs/guards.md ("Session 25: conversation risk"). The rule was written before the point was computed, but the
    /// per-file scores at 0.48, 0.70 and 0.80 had been looked at on all of a–i (the choice set a–e included) before the
    /// rule. Pasted documents and code were not part of that false-alarm measurement: three pasted source files and a
    /// question scored up to 0.82 before the assessor read only the newest <see cref="ConversationRiskAssessor.MaxChars"/>
    /// characters (0.52–0.68 after), and a licence text alone still reaches 0.86, though a conversation whose newest
    /// characters are one pasted document has fewer than <see cref="ConversationRiskMinimumMessages"/> messages read.
    /// </remarks>
    public const double DefaultConversationRiskThreshold = 0.80;

    /// <summary>
    /// Gets or sets whether the conversation-risk check runs: when no message is an acute crisis, the latest
    /// <see cref="ConversationRiskMessages"/> user messages are scored together by the <see cref="IConversationRiskAssessor"/>
    /// (<see cref="ConversationRiskAssessor.Default"/> unless one is given or registered), and a score at or above
    /// <see cref="ConversationRiskThreshold"/> gives a verdict of category <see cref="GuardCategories.CrisisRiskHistory"/>
    /// with <see cref="ConversationRiskAction"/>. The default assessor reads English only. The check runs on every request,
    /// so a conversation whose window stays above the threshold is reported again on each turn (deduplicate by
    /// conversation id in the observer).
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool CheckConversationRisk { get; set; }

    /// <summary>Gets or sets how many of the latest user messages the conversation-risk check reads (older ones are ignored).</summary>
    /// <value>The default is 20.</value>
    public int ConversationRiskMessages { get; set; } = 20;

    /// <summary>
    /// Gets or sets the fewest user messages a conversation must have before the conversation-risk check runs (a single
    /// message is the per-message detector's job), and the fewest the assessor must have read
    /// (<see cref="ConversationRiskAssessment.MessagesScored"/>: the default assessor skips blank and non-English messages
    /// and reads only the newest characters) for its score to give a verdict.
    /// </summary>
    /// <value>The default is 3.</value>
    public int ConversationRiskMinimumMessages { get; set; } = 3;

    /// <summary>Gets or sets the conversation-risk score at or above which the check reports.</summary>
    /// <value>The default is <see cref="DefaultConversationRiskThreshold"/> (0.80).</value>
    public double ConversationRiskThreshold { get; set; } = DefaultConversationRiskThreshold;

    /// <summary>
    /// Gets or sets what the conversation-risk check does when it reports: <see cref="GuardAction.Allow"/> (the request goes
    /// on to the model unchanged and the verdict, category <see cref="GuardCategories.CrisisRiskHistory"/> with the score,
    /// reaches the observers and the response's <c>AdditionalProperties</c>: an app can bring the conversation to a
    /// human's attention) or <see cref="GuardAction.Escalate"/> (handled like an acute crisis: the app's
    /// <see cref="ICrisisEscalation"/>, the safe reply and helplines).
    /// </summary>
    /// <value>The default is <see cref="GuardAction.Allow"/> (observe only).</value>
    public GuardAction ConversationRiskAction { get; set; } = GuardAction.Allow;

    /// <summary>
    /// Gets or sets whether the model is still called after a detection. When <see langword="false"/>, the safe reply is
    /// the whole answer; when <see langword="true"/>, it comes first and the model's reply follows.
    /// </summary>
    /// <value>The default is <see langword="false"/>: a person in danger gets the safe reply and help, not a model's improvisation.</value>
    public bool CallModel { get; set; }

    /// <summary>
    /// Gets or sets whether <see cref="CrisisEscalationContext.Text"/> carries the checked message text. Opt in only when
    /// the escalation path (a human counsellor) needs it and may hold it.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool IncludeTextInEscalation { get; set; }

    /// <summary>
    /// Gets or sets how long the guard waits for <see cref="ICrisisEscalation"/>, and then again for
    /// <see cref="IHelplineDirectory"/>, before it answers anyway (each has its own timeout, so an escalation that uses
    /// up its time does not cost the reply its helplines; the reply waits at most about twice this). The wait is enforced
    /// even when an implementation ignores its token or blocks (the reply then waits at most 100 ms more, so that an
    /// escalation that honours its token can return); the escalation is then left to finish in the background (its token
    /// is cancelled at the same time).
    /// </summary>
    /// <value>
    /// The default is 5 seconds. It must be positive and at most <see cref="MaxEscalationTimeout"/> (about 49.7 days, the
    /// timer's limit); "no timeout" is not offered, since a hung escalation must never hold the safe reply.
    /// </value>
    public TimeSpan EscalationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest <see cref="EscalationTimeout"/> a timer accepts: <see cref="uint.MaxValue"/> - 1 milliseconds.</summary>
    public static TimeSpan MaxEscalationTimeout { get; } = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    /// <summary>
    /// Gets or sets the key of <c>ChatOptions.AdditionalProperties</c> that holds the conversation id. When
    /// <see langword="null"/>, <c>ChatOptions.ConversationId</c> is used.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? ConversationIdKey { get; set; }

    /// <summary>Gets or sets the key of <c>ChatOptions.AdditionalProperties</c> that holds the user's ISO 3166-1 country code.</summary>
    /// <value>The default is <see cref="DefaultCountryKey"/>.</value>
    public string CountryKey { get; set; } = DefaultCountryKey;

    /// <summary>
    /// Gets the safe message per language: an ISO 639-1 code, or a code and an ISO 15924 script (<c>"hi-Latn"</c> for
    /// romanised Hindi, looked up first). Missing languages fall back to <c>"en"</c>.
    /// </summary>
    /// <value>The defaults, in en, fr, es, pt, sw, hi (Devanagari and <c>hi-Latn</c>), ar and de; replace them with your service's words.</value>
    public IDictionary<string, string> SafeMessages { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "I'm worried about what you wrote, and your safety matters. I'm bringing in a person who can help. If you are in immediate danger, please call your local emergency number now.",
        ["fr"] = "Ce que vous écrivez m'inquiète, et votre sécurité compte. Je fais appel à une personne qui peut vous aider. Si vous êtes en danger immédiat, appelez tout de suite le numéro d'urgence local.",
        ["es"] = "Me preocupa lo que escribiste, y tu seguridad importa. Estoy llamando a una persona que puede ayudarte. Si estás en peligro inmediato, llama ahora al número de emergencias local.",
        ["pt"] = "Estou preocupado com o que você escreveu, e a sua segurança importa. Estou chamando uma pessoa que pode ajudar. Se você está em perigo imediato, ligue agora para o número de emergência local.",
        ["sw"] = "Nina wasiwasi kuhusu ulichoandika, na usalama wako ni muhimu. Ninamwita mtu anayeweza kukusaidia. Ikiwa uko hatarini sasa hivi, tafadhali piga simu ya dharura ya eneo lako mara moja.",
        ["hi"] = "आपने जो लिखा है उससे मुझे चिंता है, और आपकी सुरक्षा ज़रूरी है। मैं एक ऐसे व्यक्ति को बुला रहा हूँ जो मदद कर सकता है। अगर आप अभी खतरे में हैं, तो कृपया तुरंत अपने स्थानीय आपातकालीन नंबर पर कॉल करें।",
        ["hi-Latn"] = "Aapne jo likha hai usse mujhe chinta hai, aur aapki suraksha zaroori hai. Main ek aise vyakti ko bula raha hoon jo madad kar sakta hai. Agar aap abhi khatre mein hain, to turant apne sthaniya emergency number par call karein.",
        ["ar"] = "أنا قلق مما كتبته، وسلامتك مهمة. سأستدعي شخصاً يمكنه مساعدتك. إذا كنت في خطر مباشر، يرجى الاتصال فوراً برقم الطوارئ المحلي.",
        ["de"] = "Was Sie schreiben, macht mir Sorgen, und Ihre Sicherheit ist wichtig. Ich hole einen Menschen dazu, der helfen kann. Wenn Sie in unmittelbarer Gefahr sind, rufen Sie bitte sofort den örtlichen Notruf an.",
    };

    /// <summary>Gets the line that introduces the helplines in the safe reply, per language (looked up like <see cref="SafeMessages"/>).</summary>
    /// <value>The defaults, in the same languages as <see cref="SafeMessages"/>.</value>
    public IDictionary<string, string> HelplineHeadings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "Help near you:",
        ["fr"] = "De l'aide près de chez vous :",
        ["es"] = "Ayuda cerca de ti:",
        ["pt"] = "Ajuda perto de você:",
        ["sw"] = "Msaada karibu nawe:",
        ["hi"] = "आपके पास मदद:",
        ["hi-Latn"] = "Aapke paas madad:",
        ["ar"] = "مساعدة قريبة منك:",
        ["de"] = "Hilfe in Ihrer Nähe:",
    };

    /// <summary>Returns the first problem with these options, or null when they are valid.</summary>
    internal string? Validate()
    {
        if (double.IsNaN(Threshold) || Threshold is <= 0 or > 1)
        {
            return "CrisisDetectionOptions.Threshold must be in (0, 1].";
        }

        if (UserMessagesToCheck < 1)
        {
            return "CrisisDetectionOptions.UserMessagesToCheck must be at least 1.";
        }

        if (ConversationRiskMessages is < 1 or > 1000)
        {
            return "CrisisDetectionOptions.ConversationRiskMessages must be between 1 and 1000.";
        }

        if (ConversationRiskMinimumMessages < 1 || ConversationRiskMinimumMessages > ConversationRiskMessages)
        {
            return "CrisisDetectionOptions.ConversationRiskMinimumMessages must be at least 1 and at most ConversationRiskMessages.";
        }

        if (double.IsNaN(ConversationRiskThreshold) || ConversationRiskThreshold is <= 0 or > 1)
        {
            return "CrisisDetectionOptions.ConversationRiskThreshold must be in (0, 1].";
        }

        if (ConversationRiskAction is not (GuardAction.Allow or GuardAction.Escalate))
        {
            return "CrisisDetectionOptions.ConversationRiskAction must be Allow or Escalate.";
        }

        if (EscalationTimeout <= TimeSpan.Zero || EscalationTimeout > MaxEscalationTimeout)
        {
            return "CrisisDetectionOptions.EscalationTimeout must be positive and at most MaxEscalationTimeout (about 49.7 days).";
        }

        if (string.IsNullOrEmpty(CountryKey))
        {
            return "CrisisDetectionOptions.CountryKey must not be empty.";
        }

        return SafeMessages.TryGetValue("en", out var english) && !string.IsNullOrWhiteSpace(english)
            ? null
            : "CrisisDetectionOptions.SafeMessages must have an English (\"en\") message, the fallback.";
    }

    /// <summary>The text for <paramref name="language"/> (and <paramref name="script"/>), falling back to English.</summary>
    internal static string Localised(IDictionary<string, string> texts, string language, string? script)
    {
        if (script is not null && texts.TryGetValue(language + "-" + script, out var scripted) && !string.IsNullOrWhiteSpace(scripted))
        {
            return scripted;
        }

        return texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : texts.TryGetValue("en", out var english) ? english : string.Empty;
    }
}
