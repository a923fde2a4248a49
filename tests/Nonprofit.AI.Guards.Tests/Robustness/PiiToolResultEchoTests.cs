namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>
/// Session 29, review finding 2: the opt-in round trip of function-call arguments (<c>RestoreAllFunctionCallArguments</c>)
/// handed the tool a context-only value that came back in the tool's result and reached the model (detection alone
/// does not find it there). The option is removed; this pins that it does not come back unnoticed.
/// </summary>
public sealed class PiiToolResultEchoTests
{
    [Fact]
    public void RestoreAllFunctionCallArguments_IsNotOffered()
    {
        Assert.Null(typeof(PiiRedactionOptions).GetProperty("RestoreAllFunctionCallArguments"));
        Assert.Null(typeof(PiiRedactionChatClient).GetField("ModelArgumentsKey"));
    }
}
