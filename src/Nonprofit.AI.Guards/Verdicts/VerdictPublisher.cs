using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Nonprofit.AI.Guards;

/// <summary>Times a guard's own work and hands its verdicts to the observers and to the response.</summary>
/// <remarks>
/// An observer that throws (against its contract) is skipped for that verdict: it never withholds a guard's verdict or
/// reply (above all the crisis guard's safe reply). The first failure of each observer instance in each publisher (one per
/// guard instance, so each pipeline and its logger) is logged with the observer's and the exception's type names only,
/// when the guard has a logger: its own (the crisis guard's), else the one DI provides, which <see cref="ObserversIn"/>
/// passes along with the observers.
/// </remarks>
internal sealed partial class VerdictPublisher(string guard, IReadOnlyList<IGuardObserver> observers, TimeProvider timeProvider, ILogger? logger = null)
{
    /// <summary>The logger category of observer failures when the logger comes from DI.</summary>
    public const string ObserverLogCategory = "Nonprofit.AI.Guards.Observers";

    /// <summary>The observer instances whose failure this publisher (this guard instance) logged; created on the first failure.</summary>
    private HashSet<IGuardObserver>? _logged;

    /// <summary>Creates a publisher for <paramref name="observers"/>, logging failures to <paramref name="logger"/>,
    /// else to the logger <see cref="ObserversIn"/> found in DI.</summary>
    public VerdictPublisher(string guard, IEnumerable<IGuardObserver>? observers, TimeProvider? timeProvider, ILogger? logger = null)
        : this(guard, [.. observers ?? []], timeProvider ?? TimeProvider.System, logger ?? (observers as ObserverList)?.Logger)
    {
    }

    public string Guard { get; } = guard;

    /// <summary>
    /// The observers registered in <paramref name="services"/> (none when it is not a DI container), carrying the
    /// logger of <see cref="ObserverLogCategory"/> when DI has an <see cref="ILoggerFactory"/>.
    /// </summary>
    public static IEnumerable<IGuardObserver> ObserversIn(IServiceProvider services) =>
        new ObserverList(
            services.GetService(typeof(IEnumerable<IGuardObserver>)) as IEnumerable<IGuardObserver> ?? [],
            (services.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger(ObserverLogCategory));

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
        var observer = observers[index];
        if (logger is null)
        {
            return;
        }

        bool first;
        var logged = Volatile.Read(ref _logged) ?? Interlocked.CompareExchange(ref _logged, new HashSet<IGuardObserver>(ReferenceEqualityComparer.Instance), null) ?? _logged;
        lock (logged)
        {
            first = logged.Add(observer);
        }

        if (first)
        {
            LogObserverFailed(logger, Guard, observer.GetType().Name, ex.GetType().Name);
        }
    }

    /// <summary>DI's observers with the logger their failures go to.</summary>
    private sealed class ObserverList(IEnumerable<IGuardObserver> observers, ILogger? logger) : IEnumerable<IGuardObserver>
    {
        public ILogger? Logger { get; } = logger;

        public IEnumerator<IGuardObserver> GetEnumerator() => observers.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [LoggerMessage(EventId = 7901, Level = LogLevel.Warning, Message = "Guard observer {Observer} threw {ExceptionType} on a {Guard} verdict; it is skipped (logged once per observer and guard instance)")]
    private static partial void LogObserverFailed(ILogger logger, string guard, string observer, string exceptionType);
}
