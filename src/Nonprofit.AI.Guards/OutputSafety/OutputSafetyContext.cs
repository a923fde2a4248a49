using System.Collections.Generic;
using System.Linq;

namespace Nonprofit.AI.Guards;

/// <summary>
/// What the output-safety detector may compare a reply with: the user's own messages (personal data the user gave in
/// the conversation is allowed back) and the app's sources (for groundedness; personal data in them is allowed too).
/// </summary>
public sealed class OutputSafetyContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="userTexts">The texts of the user's messages in this conversation.</param>
    /// <param name="sources">The texts the app gave the model to answer from; none means no groundedness check.</param>
    public OutputSafetyContext(IEnumerable<string>? userTexts = null, IEnumerable<string>? sources = null)
    {
        UserTexts = [.. (userTexts ?? []).Where(t => !string.IsNullOrEmpty(t))];
        Sources = [.. (sources ?? []).Where(t => !string.IsNullOrEmpty(t))];
    }

    /// <summary>A context with no user texts and no sources.</summary>
    public static OutputSafetyContext Empty { get; } = new();

    /// <summary>The texts of the user's messages.</summary>
    public IReadOnlyList<string> UserTexts { get; }

    /// <summary>The app's sources; empty when the app passed none.</summary>
    public IReadOnlyList<string> Sources { get; }
}
