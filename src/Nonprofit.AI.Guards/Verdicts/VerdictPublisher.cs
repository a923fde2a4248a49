using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>Times a guard's own work and hands its verdicts to the observers and to the response.</summary>
internal sealed class VerdictPublisher(string guard, IReadOnlyList<IGuardObserver> observers, TimeProvider timeProvider)
{
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
            observers[i].OnVerdict(verdict, conversationId);
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
}
