using System.Collections.Generic;

namespace Nonprofit.AI.Guards;

/// <summary>What <see cref="CrisisDetectionChatClient"/> hands to <see cref="ICrisisEscalation"/>.</summary>
public sealed class CrisisEscalationContext
{
    /// <summary>Gets the categories at or above the threshold, strongest first (for example <c>crisis.violence</c>).</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>Gets the strongest category's score, between 0 and 1.</summary>
    public required double Score { get; init; }

    /// <summary>Gets the ISO 639-1 code of the user's language as the guard determined it, or <c>"unknown"</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Gets the conversation id the request carried, or <see langword="null"/>.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Gets the country code the request carried (see <see cref="CrisisDetectionOptions.CountryKey"/>), or <see langword="null"/>.</summary>
    public string? Country { get; init; }

    /// <summary>
    /// Gets the text of the checked user message(s), or <see langword="null"/> unless
    /// <see cref="CrisisDetectionOptions.IncludeTextInEscalation"/> is set. Never logged by this package.
    /// </summary>
    public string? Text { get; init; }
}
