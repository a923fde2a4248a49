using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Nonprofit.AI.Guards;

/// <summary>What <see cref="ScopeChatClient"/> does with an off-topic message.</summary>
public enum ScopeMode
{
    /// <summary>Answers with the refusal in the user's language; the model is not called (verdict <see cref="GuardAction.Block"/>).</summary>
    Block = 0,

    /// <summary>Calls the model as usual and only reports the message (verdict <see cref="GuardAction.Allow"/>, category <see cref="GuardCategories.ScopeOffTopic"/>).</summary>
    Flag = 1,
}

/// <summary>Options of <see cref="ScopeChatClient"/> and of the default <see cref="SimilarityScopeClassifier"/>.</summary>
public sealed class ScopeOptions
{
    /// <summary>The refusals shipped with the package, by language (ISO 639-1, or language-script such as <c>hi-Latn</c>).</summary>
    public static IReadOnlyDictionary<string, string> DefaultRefusals { get; } = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "Sorry, I can only help with the topics this service covers. Could you ask me something about them?",
        ["fr"] = "Désolé, je ne peux répondre qu'aux questions sur les sujets de ce service. Pouvez-vous me poser une question à ce sujet ?",
        ["es"] = "Lo siento, solo puedo ayudar con los temas de este servicio. ¿Puede hacerme una pregunta sobre ellos?",
        ["pt"] = "Desculpe, só posso ajudar com os temas deste serviço. Pode fazer uma pergunta sobre eles?",
        ["sw"] = "Samahani, ninaweza kusaidia tu kuhusu mada za huduma hii. Unaweza kuniuliza swali kuhusu mada hizo?",
        ["hi"] = "माफ़ कीजिए, यह सेवा केवल अपने विषयों पर ही मदद करती है। क्या आप इन्हीं के बारे में कुछ पूछना चाहेंगे?",
        ["hi-Latn"] = "Maaf kijiye, yeh seva sirf apne vishayon par hi madad karti hai. Kya aap inhi ke baare mein kuch poochhna chahenge?",
        ["ar"] = "عذرًا، لا يمكنني المساعدة إلا في المواضيع التي تغطيها هذه الخدمة. هل يمكنك أن تسألني عن أحدها؟",
        ["de"] = "Entschuldigung, ich kann nur bei den Themen dieses Dienstes helfen. Können Sie mir dazu eine Frage stellen?",
    });

    /// <summary>Gets the app's topics (at least one).</summary>
    public IList<ScopeTopic> Topics { get; init; } = [];

    /// <summary>
    /// Gets examples of questions the app must not answer (optional): they join the built-in background of everyday
    /// questions that the topics are weighed against.
    /// </summary>
    public IList<string> OutOfScopeExamples { get; init; } = [];

    /// <summary>
    /// Gets or sets the score a message needs to be in scope: the mean log-odds, topics against the background of
    /// everyday questions, of its character 3-5-grams and words (see <see cref="SimilarityScopeClassifier"/>). Higher
    /// refuses more; between -5 and 5.
    /// </summary>
    /// <value>
    /// The default is 0, chosen on the agriculture sample of the <c>guards-scope</c> evaluation (best accuracy, and of
    /// equal accuracies the fewer wrongly refused questions; docs/guards.md).
    /// </value>
    public double Threshold { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether greetings, thanks, goodbyes and requests for help (built-in examples in
    /// en, fr, es, pt, sw, hi, ar, de, plus <see cref="SmallTalkExamples"/>) are in scope when the message is short
    /// (at most <see cref="SmallTalkMaxWords"/> words).
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool AllowSmallTalk { get; set; } = true;

    /// <summary>Gets more small-talk examples, added to the built-in ones.</summary>
    public IList<string> SmallTalkExamples { get; init; } = [];

    /// <summary>Gets or sets the longest message, in words, that can count as small talk.</summary>
    /// <value>The default is 6.</value>
    public int SmallTalkMaxWords { get; set; } = 6;

    /// <summary>
    /// Gets or sets a value indicating whether a short message (at most <see cref="FollowUpMaxWords"/> words, such as
    /// "and for beans?") after an in-scope user message of the same request is in scope.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool AllowShortFollowUps { get; set; } = true;

    /// <summary>Gets or sets the longest follow-up, in words.</summary>
    /// <value>The default is 5.</value>
    public int FollowUpMaxWords { get; set; } = 5;

    /// <summary>Gets or sets what happens to an off-topic message.</summary>
    /// <value>The default is <see cref="ScopeMode.Block"/>.</value>
    public ScopeMode Mode { get; set; } = ScopeMode.Block;

    /// <summary>
    /// Gets the refusals by language: the key is the ISO 639-1 code (<c>fr</c>) or language-script (<c>hi-Latn</c>,
    /// looked up first). The user's language comes from the registered <see cref="ILanguageIdentifier"/>; English is
    /// the fallback (also when no identifier is registered).
    /// </summary>
    /// <value>The default is a copy of <see cref="DefaultRefusals"/>.</value>
    public IDictionary<string, string> Refusals { get; init; } = new Dictionary<string, string>(DefaultRefusals, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets or sets the key of <c>ChatOptions.AdditionalProperties</c> that holds the conversation id given to observers;
    /// when <see langword="null"/>, <c>ChatOptions.ConversationId</c>.
    /// </summary>
    public string? ConversationIdKey { get; set; }

    /// <summary>The refusal for a language, with fallbacks: language-script, language, English.</summary>
    internal string RefusalFor(LanguageIdentification language)
    {
        if (language.IsKnown)
        {
            if (language.Script is { } script && Refusals.TryGetValue(language.Language + "-" + script, out var scripted) && !string.IsNullOrEmpty(scripted))
            {
                return scripted;
            }

            if (Refusals.TryGetValue(language.Language, out var plain) && !string.IsNullOrEmpty(plain))
            {
                return plain;
            }
        }

        return Refusals.TryGetValue("en", out var english) && !string.IsNullOrEmpty(english) ? english : DefaultRefusals["en"];
    }

    /// <summary>Returns the first problem with these options, or null when they are valid.</summary>
    internal string? Validate()
    {
        if (Topics is not { Count: > 0 })
        {
            return "ScopeOptions.Topics must have at least one topic.";
        }

        foreach (var topic in Topics)
        {
            if (topic is null || string.IsNullOrWhiteSpace(topic.Name))
            {
                return "Every ScopeOptions topic needs a name.";
            }

            if (topic.Examples is null)
            {
                return "ScopeOptions topic Examples must not be null (leave it empty when the description is enough).";
            }

            if (string.IsNullOrWhiteSpace(topic.Description) && !HasText(topic.Examples))
            {
                return "Every ScopeOptions topic needs a description or at least one example.";
            }
        }

        if (double.IsNaN(Threshold) || Threshold is < -5 or > 5)
        {
            return "ScopeOptions.Threshold must be between -5 and 5.";
        }

        if (SmallTalkMaxWords < 1 || FollowUpMaxWords < 1)
        {
            return "ScopeOptions.SmallTalkMaxWords and FollowUpMaxWords must be at least 1.";
        }

        if (!Enum.IsDefined(Mode))
        {
            return "ScopeOptions.Mode is not a ScopeMode.";
        }

        return OutOfScopeExamples is null || SmallTalkExamples is null || Refusals is null
            ? "ScopeOptions collections must not be null."
            : null;
    }

    private static bool HasText(IList<string> texts)
    {
        foreach (var t in texts)
        {
            if (!string.IsNullOrWhiteSpace(t))
            {
                return true;
            }
        }

        return false;
    }
}
