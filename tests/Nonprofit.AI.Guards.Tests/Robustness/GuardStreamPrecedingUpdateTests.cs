using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>
/// Session 28: a stage may put an update before the one it is given (<see cref="GuardStreamStage.OnUpdate"/> returns it);
/// it is yielded first, and the stages outside see it first too, so every stage sees the updates in the order the
/// caller gets them.
/// </summary>
public sealed class GuardStreamPrecedingUpdateTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PrecedingUpdate_YieldedFirst_OuterStageSeesTheSameOrder(bool asynchronous)
    {
        var inner = new InsertingStage("b", "inserted");
        var outer = new RecordingStage();
        var stream = GuardStream.Defer(() => GuardStreamStart.Continue(
            GuardStream.Defer(() => GuardStreamStart.Continue(Source(asynchronous, "a", "b", "c"), stage: inner)),
            stage: outer));

        var yielded = (await stream.ToListAsync()).Select(u => u.Text).ToList();

        Assert.Equal(["a", "inserted", "b", "c"], yielded);
        Assert.Equal(yielded, outer.Seen);
        Assert.Equal(["a", "b", "c"], inner.Seen); // the stage that inserted it does not see it
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Source(bool asynchronous, params string[] texts)
    {
        foreach (var text in texts)
        {
            if (asynchronous)
            {
                await Task.Yield();
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, text);
        }
    }

    private class RecordingStage : GuardStreamStage
    {
        public List<string> Seen { get; } = [];

        public override ChatResponseUpdate? OnUpdate(ChatResponseUpdate update)
        {
            Seen.Add(update.Text);
            return null;
        }
    }

    private sealed class InsertingStage(string before, string inserted) : RecordingStage
    {
        public override ChatResponseUpdate? OnUpdate(ChatResponseUpdate update)
        {
            base.OnUpdate(update);
            return update.Text == before ? new ChatResponseUpdate(ChatRole.Assistant, inserted) : null;
        }
    }
}
