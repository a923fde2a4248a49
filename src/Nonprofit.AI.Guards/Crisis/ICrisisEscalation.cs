using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The app's escalation path, called by <see cref="CrisisDetectionChatClient"/> once per request in which it detects a
/// crisis: hand the conversation to a human, page the on-call counsellor, notify a safeguarding lead. Register one in DI.
/// </summary>
/// <remarks>
/// The guard's safe reply does not wait for anything but this call, and for it at most
/// <see cref="CrisisDetectionOptions.EscalationTimeout"/> (even when it blocks or ignores its token: it runs on the thread
/// pool); the reply is returned even when this call throws (the failure is logged without text). Keep it quick: queue
/// slow work.
/// </remarks>
public interface ICrisisEscalation
{
    /// <summary>Escalates one detected crisis.</summary>
    /// <param name="context">What was detected; it holds the message text only when the app opted in.</param>
    /// <param name="cancellationToken">
    /// Cancelled when <see cref="CrisisDetectionOptions.EscalationTimeout"/> has passed. It is not the request's token: a
    /// caller that cancels (a closed page) does not cancel the escalation, which then finishes in the background.
    /// </param>
    /// <returns>A task that completes when the escalation has been handed over.</returns>
    ValueTask EscalateAsync(CrisisEscalationContext context, CancellationToken cancellationToken);
}
