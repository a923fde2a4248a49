using System;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The guards <c>UseNonprofitGuards</c> composes, and the extension points where the detectors of later releases go.
/// A guard whose options are <see langword="null"/> is left out; an extension point that is <see langword="null"/> is a
/// no-op, so an app that sets one later does not change any other code.
/// </summary>
/// <remarks>
/// An extension point receives the next client (towards the model) and the services, and returns the guard wrapping
/// it, exactly like <see cref="ChatClientBuilder.Use(Func{IChatClient, IServiceProvider, IChatClient})"/>.
/// </remarks>
public sealed class NonprofitGuardsOptions
{
    /// <summary>Gets or sets the audit trail's options; <see langword="null"/> leaves the audit out.</summary>
    /// <value>The default is <see langword="null"/>: the audit needs a secret <see cref="GuardAuditOptions.HashKey"/>.</value>
    public GuardAuditOptions? Audit { get; set; }

    /// <summary>Gets or sets the rate limits; <see langword="null"/> leaves them out.</summary>
    /// <value>The default is <see cref="ConversationRateLimitOptions"/>'s defaults.</value>
    public ConversationRateLimitOptions? RateLimit { get; set; } = new();

    /// <summary>Gets or sets the PII redaction's options; <see langword="null"/> leaves it out.</summary>
    /// <value>The default is <see cref="PiiRedactionOptions"/>'s defaults.</value>
    public PiiRedactionOptions? PiiRedaction { get; set; } = new();

    /// <summary>
    /// Gets or sets the crisis detection guard's options (<see cref="CrisisDetectionChatClient"/>); <see langword="null"/>
    /// leaves it out. It sits outside the rate limit: a person in danger must reach help even when they send many messages.
    /// </summary>
    /// <value>The default is <see cref="CrisisDetectionOptions"/>'s defaults.</value>
    public CrisisDetectionOptions? Crisis { get; set; } = new();

    /// <summary>
    /// Gets or sets a replacement for the crisis detection guard; when set, it is used instead of the one
    /// <see cref="Crisis"/> configures.
    /// </summary>
    /// <value>The default is <see langword="null"/> (the built-in guard, as <see cref="Crisis"/> configures it).</value>
    public Func<IChatClient, IServiceProvider, IChatClient>? CrisisDetection { get; set; }

    /// <summary>
    /// Gets or sets a replacement for the built-in prompt-injection shield; inside the rate limit, on the original text.
    /// When set, it is used instead of <see cref="PromptInjection"/>.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the built-in shield with <see cref="PromptInjection"/>.</value>
    public Func<IChatClient, IServiceProvider, IChatClient>? PromptInjectionShield { get; set; }

    /// <summary>Gets or sets the built-in prompt-injection shield's options; <see langword="null"/> leaves it out.</summary>
    /// <value>The default is <see cref="PromptInjectionShieldOptions"/>'s defaults.</value>
    public PromptInjectionShieldOptions? PromptInjection { get; set; } = new();

    /// <summary>
    /// Gets or sets a custom scope guard, inside the injection shield; when set, it replaces the built-in
    /// <see cref="ScopeChatClient"/> of <see cref="ScopeOptions"/>.
    /// </summary>
    /// <value>The default is <see langword="null"/> (no-op).</value>
    public Func<IChatClient, IServiceProvider, IChatClient>? Scope { get; set; }

    /// <summary>
    /// Gets or sets the app's topics for the built-in <see cref="ScopeChatClient"/> (in the scope slot, inside the
    /// injection shield); <see langword="null"/> leaves it out.
    /// </summary>
    /// <value>The default is <see langword="null"/>: only the app knows its topics.</value>
    public ScopeOptions? ScopeOptions { get; set; }

    /// <summary>
    /// Gets or sets a custom language matching guard; it needs the original text, so it sits outside PII redaction. When
    /// set, it takes the place of the built-in one configured by <see cref="Language"/>.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Func<IChatClient, IServiceProvider, IChatClient>? LanguageMatching { get; set; }

    /// <summary>
    /// Gets or sets the options of the built-in <see cref="LanguageMatchingChatClient"/> (in the language matching slot,
    /// unless <see cref="LanguageMatching"/> is set); <see langword="null"/> leaves it out.
    /// </summary>
    /// <value>The default is <see langword="null"/> (opt in: the guard adds an instruction to every request).</value>
    public LanguageMatchingOptions? Language { get; set; }

    /// <summary>
    /// Gets or sets the output safety guard; just outside PII redaction, so it checks the restored reply the user would
    /// see. <see langword="null"/> leaves it out.
    /// </summary>
    /// <value>
    /// The default adds <see cref="OutputSafetyChatClient"/> with the services' <see cref="IOutputSafetyDetector"/>
    /// (else <see cref="OutputSafetyDetector"/>), <see cref="OutputSafetyOptions"/> and <see cref="ILanguageIdentifier"/>.
    /// </value>
    public Func<IChatClient, IServiceProvider, IChatClient>? OutputSafety { get; set; } = OutputSafetyChatClientBuilderExtensions.Create;
}
