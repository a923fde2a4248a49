using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>
/// Session 26, review finding 8: a request whose token is already cancelled costs no detection work in the scope,
/// language, output-safety, injection, PII and rate-limit guards (the crisis guard still detects: a crisis must still
/// escalate).
/// </summary>
public sealed class CancelledRequestTests
{
    private const string Question = "When should I plant maize after the first rains?";

    public static TheoryData<string, bool> Guards => new()
    {
        { "scope", false }, { "scope", true },
        { "language", false }, { "language", true },
        { "output", false }, { "output", true },
        { "injection", false }, { "injection", true },
    };

    [Theory]
    [MemberData(nameof(Guards))]
    public async Task CancelledToken_NoDetectionWork(string guard, bool streaming)
    {
        var counter = new Counter();
        var inner = new DeafClient();
        using IChatClient client = guard switch
        {
            "scope" => new ScopeChatClient(inner, new ScopeOptions { Topics = [new ScopeTopic { Name = "crops", Description = "planting maize" }] }, counter),
            "language" => new LanguageMatchingChatClient(inner, counter),
            "injection" => new PromptInjectionShieldChatClient(inner, counter),
            _ => new OutputSafetyChatClient(inner, counter),
        };
        var cancelled = new CancellationToken(true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            if (streaming)
            {
                await client.GetStreamingResponseAsync(Question, cancellationToken: cancelled).ToListAsync();
            }
            else
            {
                await client.GetResponseAsync(Question, cancellationToken: cancelled);
            }
        });

        Assert.Equal(0, counter.Calls);
        Assert.Equal(0, inner.Calls);
    }

    [Fact]
    public async Task CancelledToken_RateLimitSpendsNoPermit()
    {
        using var client = new ConversationRateLimitChatClient(new DeafClient(), new ConversationRateLimitOptions { ConversationPermitLimit = 1 });
        var conversation = new ChatOptions { ConversationId = "conversation-1" };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(Question, conversation, new CancellationToken(true)));
        var response = await client.GetResponseAsync(Question, conversation);

        Assert.Contains(response.GetGuardVerdicts(), v => v.Guard == ConversationRateLimitChatClient.GuardName && v.Action == GuardAction.Allow);
    }

    [Fact]
    public async Task CancelledToken_CrisisGuardStillAnswersAndEscalates()
    {
        using var guard = new CrisisDetectionChatClient(new DeafClient());

        var response = await guard.GetResponseAsync("I want to kill myself tonight", cancellationToken: new CancellationToken(true));

        Assert.Equal(new CrisisDetectionOptions().SafeMessages["en"], response.Text);
    }

    private sealed class Counter : IScopeClassifier, ILanguageIdentifier, IOutputSafetyDetector, IPromptInjectionDetector
    {
        public int Calls;

        public GuardDetection Detect(ReadOnlySpan<char> text)
        {
            Calls++;
            return GuardDetection.None;
        }

        public LanguageIdentification Identify(ReadOnlySpan<char> text)
        {
            Calls++;
            return new("en", "Latn", 0.9);
        }

        public GuardDetection Detect(ReadOnlySpan<char> text, PromptInjectionSource source)
        {
            Calls++;
            return GuardDetection.None;
        }

        public GuardDetection Detect(string reply, OutputSafetyContext? context = null)
        {
            Calls++;
            return GuardDetection.None;
        }
    }
}
