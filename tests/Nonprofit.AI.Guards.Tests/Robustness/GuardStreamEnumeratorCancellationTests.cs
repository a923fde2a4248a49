using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>
/// Session 29, review finding 9: a streamed request whose enumerator token (<c>WithCancellation</c>) is already
/// cancelled costs no detection work in the injection guard (the token of the method call is checked elsewhere).
/// </summary>
public sealed class GuardStreamEnumeratorCancellationTests
{
    [Fact]
    public async Task Injection_EnumeratorTokenCancelled_NoDetectionNoVerdictNoModelCall()
    {
        var detector = new CountingDetector();
        var inner = new DeafClient();
        using IChatClient client = new PromptInjectionShieldChatClient(inner, detector);
        var cancelled = new CancellationToken(true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("When should I plant maize?").WithCancellation(cancelled))
            {
            }
        });

        Assert.Equal(0, detector.Calls);
        Assert.Equal(0, inner.Calls);
    }

    private sealed class CountingDetector : IPromptInjectionDetector
    {
        public int Calls;

        public GuardDetection Detect(ReadOnlySpan<char> text, PromptInjectionSource source)
        {
            Calls++;
            return GuardDetection.None;
        }
    }
}
