namespace Nonprofit.AI.Guards;

/// <summary>
/// The categories the guards of this package use in <see cref="GuardVerdict.Category"/>: lower-case, dot-separated,
/// general first (<c>pii.redacted</c>; later <c>crisis.self_harm</c>). Apps and custom guards may add their own.
/// </summary>
public static class GuardCategories
{
    /// <summary>Nothing to report: the guard ran and allowed the message.</summary>
    public const string None = "none";

    /// <summary>Personal data in user, tool or earlier assistant messages was pseudonymised before the model.</summary>
    public const string PiiRedacted = "pii.redacted";

    /// <summary>Pseudonyms in the model's reply were restored to the original values for the user.</summary>
    public const string PiiRestored = "pii.restored";

    /// <summary>The conversation or the user went over the configured rate; the model was not called.</summary>
    public const string RateLimit = "rate_limit";

    /// <summary>The model replied in another language than the user's (see <c>UseLanguageMatching</c>).</summary>
    public const string LanguageMismatch = "language.mismatch";

    /// <summary>The message is outside the app's topics (<see cref="ScopeChatClient"/>).</summary>
    public const string ScopeOffTopic = "scope.off_topic";

    /// <summary>Danger from another person: violence, threats, abuse, coercion (crisis detection).</summary>
    public const string CrisisViolence = "crisis.violence";

    /// <summary>Suicidal or self-harm intent, of the writer or of someone they report on (crisis detection).</summary>
    public const string CrisisSelfHarm = "crisis.self_harm";

    /// <summary>A child at risk: abuse, neglect, child marriage, genital cutting (crisis detection).</summary>
    public const string CrisisChildAtRisk = "crisis.child_at_risk";

    /// <summary>An obstetric or medical emergency: bleeding in pregnancy, convulsions, not breathing… (crisis detection).</summary>
    public const string CrisisMedical = "crisis.medical";

    /// <summary>
    /// Risk built up over the user's messages (hopelessness, feeling a burden, goodbyes, past attempts) without an acute
    /// crisis in any one of them: the opt-in conversation-risk check of crisis detection
    /// (<see cref="CrisisDetectionOptions.CheckConversationRisk"/>, <see cref="IConversationRiskAssessor"/>).
    /// </summary>
    public const string CrisisRiskHistory = "crisis.risk_history";

    /// <summary>The model's reply gave instructions for, or encouraged, suicide or self-harm.</summary>
    public const string OutputSelfHarmInstructions = "output.self_harm_instructions";

    /// <summary>The model's reply held hateful or harassing content.</summary>
    public const string OutputHate = "output.hate";

    /// <summary>The model's reply gave a medication or pesticide amount outside the configured ranges, or a lethal amount.</summary>
    public const string OutputDangerousAdvice = "output.dangerous_advice";

    /// <summary>The model's reply held personal data of someone other than the user (values the user gave are allowed).</summary>
    public const string OutputPersonalData = "output.personal_data";

    /// <summary>The model's reply was not supported by the sources the app passed (lexical groundedness under the threshold).</summary>
    public const string OutputUngrounded = "output.ungrounded";

    /// <summary>
    /// A user message tries to override the assistant's instructions, jailbreak it by role play, extract its system
    /// prompt, or obtain other users' conversations (prompt-injection shield).
    /// </summary>
    public const string InjectionDirect = "injection.direct";

    /// <summary>A retrieved document or a tool result holds instructions aimed at the assistant (prompt-injection shield).</summary>
    public const string InjectionIndirect = "injection.indirect";
}
