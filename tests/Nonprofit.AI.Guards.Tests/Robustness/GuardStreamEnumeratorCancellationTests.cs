using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>
/// Session 29, review finding 9 asked that a stream whose enumerator token (<c>WithCancellation</c>) is already cancelled
/// cost no detection work; a check at the stream's start did that for every guard, and so also skipped the crisis
/// guard's escalation. The check was taken out again: an already-cancelled crisis stream must still page a human (as
/// the non-streaming guard does, <see cref="CancelledRequestTests"/>). The other guards' starts run too (their detection
/// is a cost, not a risk) and the model's stream is enumerated with the cancelled token, which a real client honours.
/// </summary>
public sealed class GuardStreamEnumeratorCancellationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Crisis_EnumeratorTokenCancelled_TheEscalationStillRuns(bool insideTheInjectionShield)
    {
        var escalation = new SignallingEscalation();
        using IChatClient client = insideTheInjectionShield
            ? new PromptInjectionShieldChatClient(new CrisisDetectionChatClient(new DeafClient(), escalation: escalation))
            : new CrisisDetectionChatClient(new DeafClient(), escalation: escalation);

        try
        {
            await foreach (var _ in client.GetStreamingResponseAsync("I want to kill myself tonight").WithCancellation(new CancellationToken(true)))
            {
            }
        }
        catch (OperationCanceledException)
        {
        }

        Assert.True(await escalation.Called.Task.WaitAsync(TimeSpan.FromSeconds(10)), "the counsellor was not paged");
    }

    private sealed class SignallingEscalation : ICrisisEscalation
    {
        public TaskCompletionSource<bool> Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask EscalateAsync(CrisisEscalationContext context, CancellationToken cancellationToken)
        {
            Called.TrySetResult(true);
            return ValueTask.CompletedTask;
        }
    }
}
