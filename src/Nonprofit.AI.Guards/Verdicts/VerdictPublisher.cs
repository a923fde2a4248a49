using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
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

    /// <summary>Passes <paramref name="updates"/> through, attaching <paramref name="verdict"/> to the first one.</summary>
    public static async IAsyncEnumerable<ChatResponseUpdate> AttachToFirst(
        IAsyncEnumerable<ChatResponseUpdate> updates, GuardVerdict verdict, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = true;
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (first)
            {
                Attach(update, verdict);
                first = false;
            }

            yield return update;
        }
    }
}
