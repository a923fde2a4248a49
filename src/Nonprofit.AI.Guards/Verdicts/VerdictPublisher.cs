using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Nonprofit.AI.Guards;

/// <summary>Times a guard's own work and hands its verdicts to the observers and to the response.</summary>
/// <remarks>
/// An observer that throws (against its contract) is skipped for that verdict: it never withholds a guard's verdict or
/// reply (above all the crisis guard's safe reply). The first failure of each observer is logged with its exception type
/// only, when the guard has a logger.
/// </remarks>
internal sealed partial class VerdictPublisher(string guard, IReadOnlyList<IGuardObserver> observers, TimeProvider timeProvider, ILogger? logger = null)
{
    /// <summary>One flag per observer, set at its first failure; allocated then (nothing on the happy path).</summary>
    private bool[]? _failed;

    public string Guard { get; } = guard;

    /// <summary>The observers registered in <paramref name="services"/>; none when it is not a DI container.</summary>
    public static IEnumerable<IGuardObserver> ObserversIn(IServiceProvider services) =>
        services.GetService(typeof(IEnumerable<IGuardObserver>)) as IEnumerable<IGuardObserver> ?? [];

    public long Start() => timeProvider.GetTimestamp();

    public TimeSpan Elapsed(long start) => timeProvider.GetElapsedTime(start);

    public GuardVerdict Publish(GuardAction action, string category, double score, TimeSpan elapsed, string? conversationId)
    {
        var verdict = new GuardVerdict(Guard, action, category, score, elapsed);
        for (var i = 0; i < observers.Count; i++)
        {
            try
            {
                observers[i].OnVerdict(verdict, conversationId);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                ObserverFailed(i, ex);
            }
        }

        return verdict;
    }

    public static void Attach(ChatResponse response, GuardVerdict verdict) =>
        response.AdditionalProperties = VerdictList.Attach(response.AdditionalProperties, verdict);

    public static void Attach(ChatResponseUpdate update, GuardVerdict verdict) =>
        update.AdditionalProperties = VerdictList.Attach(update.AdditionalProperties, verdict);

    /// <summary>
    /// Passes <paramref name="updates"/> through, attaching <paramref name="verdict"/> to the first one (or to one empty
    /// update when there is none). It does not wrap a <see cref="GuardStream"/>: it joins it, so it costs nothing per update.
    /// </summary>
    /// <param name="updates">The inner stream.</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="cancellationToken">Unused: the token given to the enumerator reaches <paramref name="updates"/>.</param>
    public static IAsyncEnumerable<ChatResponseUpdate> AttachToFirst(
        IAsyncEnumerable<ChatResponseUpdate> updates, GuardVerdict verdict, CancellationToken cancellationToken = default)
    {
        _ = cancellationToken;
        return GuardStream.Defer(() => GuardStreamStart.Continue(updates, verdict));
    }

    private void ObserverFailed(int index, Exception ex)
    {
        var failed = _failed ??= new bool[observers.Count];
        if (failed[index])
        {
            return;
        }

        failed[index] = true; // a race may log twice: harmless
        if (logger is not null)
        {
            LogObserverFailed(logger, Guard, observers[index].GetType().Name, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 7901, Level = LogLevel.Warning, Message = "Guard observer {Observer} threw {ExceptionType} on a {Guard} verdict; it is skipped (logged once per observer)")]
    private static partial void LogObserverFailed(ILogger logger, string guard, string observer, string exceptionType);
}
