using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>
/// Session 27: the helpline lookup runs alongside the escalation (the safe reply waits about one timeout, not two), and
/// a scoped <see cref="ICrisisEscalation"/> is not disposed under an escalation that outlives the reply.
/// </summary>
public sealed class CrisisEscalationTimingTests
{
    private const string SelfHarm = "I want to kill myself tonight";

    [Fact]
    public async Task SlowEscalationAndSlowDirectory_RunAlongside_ReplyWithinAboutOneTimeout()
    {
        // Generous margins: under a loaded test run, starting work on the thread pool can take a few hundred ms.
        var timeout = TimeSpan.FromSeconds(2);
        using var guard = new CrisisDetectionChatClient(
            new RecordingChatClient(),
            escalation: new EscalationUntilCancelled(),
            helplines: new SlowDirectory(timeout * 0.5),
            options: new CrisisDetectionOptions { EscalationTimeout = timeout });

        var clock = Stopwatch.StartNew();
        var reply = await guard.GetResponseAsync(SelfHarm);
        clock.Stop();

        Assert.Contains(SlowDirectory.Line.Name, reply.Text, StringComparison.Ordinal); // the lookup had its full time
        Assert.True(clock.Elapsed < timeout * 1.4, $"the safe reply took {clock.Elapsed.TotalMilliseconds:0} ms"); // one after the other: ≥ 3 s
    }

    [Fact]
    public async Task ScopedEscalation_OutlivesTheReply_RunsInItsOwnScopeAndIsDisposedAfter()
    {
        var finished = new TaskCompletionSource<ScopedEscalation>(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new ServiceCollection()
            .AddSingleton(finished)
            .AddScoped<ICrisisEscalation, ScopedEscalation>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using (services)
        {
            ChatResponse reply;
            await using (var request = services.CreateAsyncScope())
            {
                using var client = new ChatClientBuilder(new RecordingChatClient())
                    .UseCrisisDetection(new CrisisDetectionOptions { EscalationTimeout = TimeSpan.FromMilliseconds(50) })
                    .Build(request.ServiceProvider);
                reply = await client.GetResponseAsync(SelfHarm);
            } // the request's scope ends while the escalation still runs

            var escalation = await finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(new CrisisDetectionOptions().SafeMessages["en"], reply.Text);
            Assert.False(escalation.DisposedWhileRunning);
            await escalation.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(10)); // its own scope is disposed when it ends
        }
    }

    [Fact]
    public void ScopedEscalation_ThatCannotBeResolved_FailsWhenThePipelineIsBuilt()
    {
        // Resolved per crisis in its own scope, a broken registration would only fail (logged, no human paged) during a
        // real crisis; it must fail at start, as it did when the escalation was resolved with the pipeline.
        var services = new ServiceCollection()
            .AddScoped<ICrisisEscalation>(_ => throw new InvalidOperationException("misconfigured"))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = services.CreateScope();

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ChatClientBuilder(new RecordingChatClient()).UseCrisisDetection().Build(scope.ServiceProvider));
        Assert.Equal("misconfigured", error.Message);
    }

    /// <summary>Pages a counsellor: returns only when its token is cancelled (the timeout), honouring it.</summary>
    private sealed class EscalationUntilCancelled : ICrisisEscalation
    {
        public async ValueTask EscalateAsync(CrisisEscalationContext context, CancellationToken cancellationToken) =>
            await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    private sealed class SlowDirectory(TimeSpan delay) : IHelplineDirectory
    {
        public static readonly Helpline Line = new("Night line of the test") { Phone = "000" };

        public async ValueTask<IReadOnlyList<Helpline>> FindAsync(HelplineQuery query, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            return [Line];
        }
    }

    /// <summary>An escalation with a scoped dependency: works 300 ms (ignoring the timeout), records whether it was disposed meanwhile.</summary>
    private sealed class ScopedEscalation(TaskCompletionSource<ScopedEscalation> finished) : ICrisisEscalation, IDisposable
    {
        private volatile bool _running;

        public bool DisposedWhileRunning { get; private set; }

        public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask EscalateAsync(CrisisEscalationContext context, CancellationToken cancellationToken)
        {
            _running = true;
            await Task.Delay(300, CancellationToken.None);
            _running = false;
            finished.TrySetResult(this);
        }

        public void Dispose()
        {
            DisposedWhileRunning |= _running;
            Disposed.TrySetResult();
        }
    }
}
