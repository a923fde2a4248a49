namespace Nonprofit.AI.Guards;

/// <summary>
/// Observes every verdict of every guard it is given to (register it in DI, or set it on the guards' options). Called
/// synchronously on the request's path: keep it fast and never throw. An observer that throws anyway is skipped for that
/// verdict (the verdict, the reply and the other observers are unaffected); every guard instance logs the observer's and
/// the exception's type names (event 7901) on the observer instance's first failure in that guard instance (so each
/// pipeline logs once, also when pipelines share the observer), to its own logger (the crisis guard's) or to the
/// <c>Nonprofit.AI.Guards.Observers</c> logger DI provides. A pipeline built per request or per scope builds new guard
/// instances, which log again.
/// </summary>
public interface IGuardObserver
{
    /// <summary>Called once per verdict, as soon as the guard decides.</summary>
    /// <param name="verdict">The verdict (it holds no message text).</param>
    /// <param name="conversationId">
    /// The conversation the verdict is about, when the request carried one. This is the app's raw id: an observer that
    /// stores it should hash it, as <see cref="GuardAuditChatClient"/> does.
    /// </param>
    void OnVerdict(GuardVerdict verdict, string? conversationId);
}
