using System.Collections.Generic;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Scores the risk that builds over one person's messages (hopelessness, feeling a burden, goodbyes, past attempts)
/// without any one of them being an explicit present danger, which is what <see cref="ICrisisDetector"/> looks for.
/// Implementations are thread-safe singletons and usable without a chat pipeline. The default is
/// <see cref="ConversationRiskAssessor"/>.
/// </summary>
public interface IConversationRiskAssessor
{
    /// <summary>Scores a sequence of one person's messages.</summary>
    /// <param name="messages">The person's messages, oldest first (only theirs: not the assistant's replies).</param>
    /// <returns>The score in [0, 1] and how many messages it rests on.</returns>
    ConversationRiskAssessment Assess(IReadOnlyList<string> messages);
}

/// <summary>The result of <see cref="IConversationRiskAssessor.Assess"/>. It holds no message text.</summary>
/// <param name="Score">The risk score between 0 and 1 (0 when no message could be scored).</param>
/// <param name="MessagesScored">
/// The messages the score rests on (the default assessor skips blank and non-English ones, and those older than its
/// length cap). The crisis guard gives no verdict when it is below
/// <see cref="CrisisDetectionOptions.ConversationRiskMinimumMessages"/>, so a custom assessor must report it.
/// </param>
public readonly record struct ConversationRiskAssessment(double Score, int MessagesScored)
{
    /// <summary>No message scored: score 0.</summary>
    public static ConversationRiskAssessment None { get; } = new(0, 0);
}
