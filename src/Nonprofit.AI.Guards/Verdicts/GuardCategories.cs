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

    /// <summary>
    /// A user message tries to override the assistant's instructions, jailbreak it by role play, extract its system
    /// prompt, or obtain other users' conversations (prompt-injection shield).
    /// </summary>
    public const string InjectionDirect = "injection.direct";

    /// <summary>A retrieved document or a tool result holds instructions aimed at the assistant (prompt-injection shield).</summary>
    public const string InjectionIndirect = "injection.indirect";
}
