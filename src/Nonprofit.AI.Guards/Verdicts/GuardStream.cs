using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>
/// What a guard decided when a streamed request starts: either go on with the inner stream (with an optional verdict
/// for the first update and an optional <see cref="GuardStreamStage"/> for the reply), or replace the reply with one
/// update (the guard blocked; the inner client is not called).
/// </summary>
internal readonly struct GuardStreamStart
{
    private GuardStreamStart(IAsyncEnumerable<ChatResponseUpdate>? inner, ChatResponseUpdate? replacement, GuardVerdict? firstVerdict, GuardStreamStage? stage)
    {
        Inner = inner;
        Replacement = replacement;
        FirstVerdict = firstVerdict;
        Stage = stage;
    }

    public IAsyncEnumerable<ChatResponseUpdate>? Inner { get; }

    public ChatResponseUpdate? Replacement { get; }

    public GuardVerdict? FirstVerdict { get; }

    public GuardStreamStage? Stage { get; }

    /// <summary>Streams <paramref name="inner"/>; <paramref name="firstVerdict"/> goes on its first update.</summary>
    public static GuardStreamStart Continue(IAsyncEnumerable<ChatResponseUpdate> inner, GuardVerdict? firstVerdict = null, GuardStreamStage? stage = null) =>
        new(inner ?? throw new InvalidOperationException("The inner client returned a null stream."), null, firstVerdict, stage);

    /// <summary>Replaces the reply with <paramref name="reply"/>, which gets <paramref name="verdict"/>; the inner client is not called.</summary>
    public static GuardStreamStart Replace(ChatResponseUpdate reply, GuardVerdict verdict) => new(null, reply, verdict, null);
}

/// <summary>
/// The reply-side work of one guard in a <see cref="GuardStream"/>. A guard with nothing to do on the reply has no
/// stage at all (only, perhaps, a verdict for the first update), and costs nothing per update.
/// </summary>
internal abstract class GuardStreamStage
{
    /// <summary>Gets a value indicating whether <see cref="OnUpdate"/> must see every update.</summary>
    public virtual bool InspectsUpdates => true;

    /// <summary>Called for each update of the reply (after the stages nearer the model), before it is yielded.</summary>
    /// <param name="update">The update; the stage may change it.</param>
    /// <returns>
    /// Null (the usual answer), or an update to yield just before <paramref name="update"/>: text the stage held back
    /// that belongs to the previous message. It goes through the stages outside this one (before they see
    /// <paramref name="update"/>), not through those inside it.
    /// </returns>
    public virtual ChatResponseUpdate? OnUpdate(ChatResponseUpdate update) => null;

    /// <summary>Called once when the inner stream ends; returns an extra last update, or null.</summary>
    /// <param name="last">The last update the inner stream produced, or null when it produced none.</param>
    public virtual ChatResponseUpdate? OnCompleted(ChatResponseUpdate? last) => null;

    /// <summary>Called once when the enumeration ends, however it ends (the guard's <c>finally</c>).</summary>
    public virtual void OnDisposed()
    {
    }
}

/// <summary>
/// One iterator for a whole stack of guards. Each guard returns a <see cref="GuardStream"/> whose start runs its
/// request-side work (lazily, on the first <c>MoveNextAsync</c>, as an async iterator would); when the inner client's
/// stream is itself a <see cref="GuardStream"/>, it is not wrapped but absorbed: its start runs in the same loop, so a
/// stack of N guards costs one enumerator, not N. Updates pass through with a synchronous fast path when the inner
/// stream completes synchronously, and guards without reply-side work cost nothing per update.
/// </summary>
/// <remarks>
/// Semantics of the async iterators it replaces: starts run outermost first (a guard that blocks stops the guards inside
/// it); per update, the stages run innermost first, each attaching its first-update verdict then doing its work, so the
/// verdict list stays innermost first; completions run innermost first and an extra update goes through the stages
/// outside the one that produced it; when the reply had no update at all, one empty update carries the verdicts; every
/// stage's <see cref="GuardStreamStage.OnDisposed"/> runs on dispose, also after an exception or an early stop. A stage
/// may put an update before the one it is given (text it held back that ends the previous message): that update goes
/// through the stages outside it, then is yielded, before the stages outside see the current one; a stream where no
/// stage does so pays one null check per update.
/// </remarks>
internal sealed class GuardStream(Func<ValueTask<GuardStreamStart>> start) : IAsyncEnumerable<ChatResponseUpdate>
{
    /// <summary>A stream that runs <paramref name="start"/> synchronously when enumeration begins.</summary>
    public static GuardStream Defer(Func<GuardStreamStart> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return new GuardStream(() => new ValueTask<GuardStreamStart>(start()));
    }

    public IAsyncEnumerator<ChatResponseUpdate> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(this, cancellationToken);

    private sealed class Enumerator(GuardStream stream, CancellationToken cancellationToken) : IAsyncEnumerator<ChatResponseUpdate>
    {
        private const int NotStarted = 0;
        private const int Streaming = 1;
        private const int Draining = 2;
        private const int Done = 3;
        private const int Preceding = 4; // yielding _tail (updates a stage put before the current one), then streaming again

        // Outermost first while starting; reversed (innermost first) once the source is known.
        private readonly List<(GuardVerdict? First, GuardStreamStage? Stage)> _guards = new(4);
        private GuardStreamStage[] _inspecting = [];
        private IAsyncEnumerator<ChatResponseUpdate>? _source;
        private List<ChatResponseUpdate>? _tail;
        private List<ChatResponseUpdate>? _preceding;
        private int _tailIndex;
        private int _state;
        private bool _firstPending;
        private bool _perUpdateWork;
        private bool _disposed;
        private ChatResponseUpdate? _last;

        public ChatResponseUpdate Current { get; private set; } = null!;

        public ValueTask<bool> MoveNextAsync()
        {
            if (_state == Streaming)
            {
#pragma warning disable CA2012 // Each ValueTask is consumed once: Result when it completed synchronously, else one await.
                var next = _source!.MoveNextAsync();
                if (!next.IsCompletedSuccessfully)
                {
                    return AwaitNextAsync(next);
                }

                if (!next.Result)
                {
                    return new ValueTask<bool>(DrainNext(true));
                }
#pragma warning restore CA2012

                var update = _source.Current;
                _last = update;
                if (_perUpdateWork)
                {
                    Process(update, -1);
                    if (_preceding is not null)
                    {
                        return new ValueTask<bool>(YieldPreceding(update));
                    }
                }

                Current = update;
                return new ValueTask<bool>(true);
            }

            return _state switch
            {
                NotStarted => StartAsync(),
                Preceding => NextPreceding(),
                _ => new ValueTask<bool>(NextOfTail()),
            };
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _state = Done;
            try
            {
                if (_source is not null)
                {
                    await _source.DisposeAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                // Innermost first once started; a start that threw leaves them outermost first: dispose all anyway.
                for (var i = 0; i < _guards.Count; i++)
                {
                    _guards[i].Stage?.OnDisposed();
                }
            }
        }

        private async ValueTask<bool> AwaitNextAsync(ValueTask<bool> next)
        {
            if (await next.ConfigureAwait(false))
            {
                var update = _source!.Current;
                _last = update;
                if (_perUpdateWork)
                {
                    Process(update, -1);
                    if (_preceding is not null)
                    {
                        return YieldPreceding(update);
                    }
                }

                Current = update;
                return true;
            }

            return DrainNext(true);
        }

        private async ValueTask<bool> StartAsync()
        {
            var current = stream;
            ChatResponseUpdate? replacement = null;
            while (true)
            {
                // No token check here: a crisis guard's start must run (and escalate) even when the enumeration was
                // cancelled through WithCancellation; cancellation is observed by the stages and the inner stream.
                var start = await current.Start().ConfigureAwait(false);
                _guards.Add((start.FirstVerdict, start.Stage));
                if (start.Replacement is { } r)
                {
                    replacement = r;
                    break;
                }

                if (start.Inner is GuardStream inner)
                {
                    current = inner;
                    continue;
                }

                _source = start.Inner!.GetAsyncEnumerator(cancellationToken);
                break;
            }

            _guards.Reverse();
            var inspecting = new List<GuardStreamStage>();
            foreach (var (first, stage) in _guards)
            {
                _firstPending |= first is not null;
                if (stage is { InspectsUpdates: true })
                {
                    inspecting.Add(stage);
                }
            }

            _inspecting = [.. inspecting];
            _perUpdateWork = _firstPending || _inspecting.Length > 0;
            if (replacement is not null)
            {
                // The blocking guard is the innermost one started: the reply goes through the guards outside it.
                _tail = [];
                Process(replacement, -1);
                AddToTail(replacement);
                _state = Draining;
                return NextOfTail();
            }

            _state = Streaming;
            return await MoveNextAsync().ConfigureAwait(false);
        }

        /// <summary>Attaches pending first-update verdicts and runs the stages outside <paramref name="producer"/>.</summary>
        private void Process(ChatResponseUpdate update, int producer)
        {
            if (_firstPending)
            {
                _firstPending = false;
                for (var i = 0; i < _guards.Count; i++)
                {
                    var (first, stage) = _guards[i];
                    if (first is not null)
                    {
                        VerdictPublisher.Attach(update, first);
                    }

                    if (i > producer && stage is { InspectsUpdates: true } && stage.OnUpdate(update) is { } before)
                    {
                        Precede(before, i);
                    }
                }

                _perUpdateWork = _inspecting.Length > 0;
                return;
            }

            var inspecting = _inspecting;
            for (var i = 0; i < inspecting.Length; i++)
            {
                if ((producer < 0 || IndexOf(inspecting[i]) > producer) && inspecting[i].OnUpdate(update) is { } before)
                {
                    Precede(before, IndexOf(inspecting[i]));
                }
            }
        }

        /// <summary>
        /// A stage (at <paramref name="producer"/>) put <paramref name="before"/> ahead of the update being processed:
        /// the stages outside it see it now, before they see that update, and it is yielded first.
        /// </summary>
        private void Precede(ChatResponseUpdate before, int producer)
        {
            var preceding = _preceding;
            _preceding = null; // stages outside may add their own, ahead of this one
            Process(before, producer);
            (_preceding ??= []).Add(before);
            if (preceding is not null)
            {
                _preceding.InsertRange(0, preceding);
            }
        }

        /// <summary>Yields the updates the stages put before <paramref name="update"/>, then it, then streams again.</summary>
        private bool YieldPreceding(ChatResponseUpdate update)
        {
            _tail = _preceding!;
            _preceding = null;
            _tail.Add(update);
            _tailIndex = 0;
            _state = Preceding;
            Current = _tail[_tailIndex++];
            return true;
        }

        private ValueTask<bool> NextPreceding()
        {
            if (_tailIndex < _tail!.Count)
            {
                Current = _tail[_tailIndex++];
                return new ValueTask<bool>(true);
            }

            _tail = null;
            _tailIndex = 0;
            _state = Streaming;
            return MoveNextAsync();
        }

        /// <summary>Adds <paramref name="update"/> to the tail, after what the stages put before it.</summary>
        private void AddToTail(ChatResponseUpdate update)
        {
            if (_preceding is not null)
            {
                _tail!.AddRange(_preceding);
                _preceding = null;
            }

            _tail!.Add(update);
        }

        private int IndexOf(GuardStreamStage stage)
        {
            for (var i = 0; i < _guards.Count; i++)
            {
                if (ReferenceEquals(_guards[i].Stage, stage))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The inner stream ended: runs the completions, innermost first, and yields what they add.</summary>
        private bool DrainNext(bool sourceEnded)
        {
            if (sourceEnded)
            {
                _state = Draining;
                _tail = [];
                _tailIndex = 0;
                for (var i = 0; i < _guards.Count; i++)
                {
                    if (_guards[i].Stage?.OnCompleted(_last) is { } extra)
                    {
                        Process(extra, i);
                        AddToTail(extra);
                        _last = extra;
                    }
                }

                if (_firstPending)
                {
                    // No update at all: one empty update carries the verdicts, as the guards always report.
                    var empty = new ChatResponseUpdate(ChatRole.Assistant, "");
                    Process(empty, -1);
                    AddToTail(empty);
                }
            }

            return NextOfTail();
        }

        private bool NextOfTail()
        {
            if (_state == Draining && _tail is not null && _tailIndex < _tail.Count)
            {
                Current = _tail[_tailIndex++];
                return true;
            }

            _state = Done;
            return false;
        }
    }

    private ValueTask<GuardStreamStart> Start() => start();
}
