using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards.Tests.OutputSafety;

/// <summary>Session 26, review findings 3 and 9: output-safety options that passed validation and then crashed.</summary>
public sealed class OutputSafetyOptionBoundsTests
{
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(100_001)]
    public void Validate_HoldBackAboveTheLimit_IsRejected(int chars)
    {
        Assert.Throws<ArgumentException>(() => new OutputSafetyChatClient(
            new RecordingChatClient(), options: new OutputSafetyOptions { MaxHoldBackChars = chars }));
    }

    [Fact]
    public async Task Streaming_HoldBackAtTheLimit_StreamsTheReplyUnchanged()
    {
        const string reply = "Plant the beans after the first rains. Keep the soil moist for a week";
        using var client = new OutputSafetyChatClient(
            new RecordingChatClient { Reply = _ => [.. reply.Chunk(5).Select(c => new string(c))] },
            options: new OutputSafetyOptions { MaxHoldBackChars = 100_000 });

        var response = await client.GetStreamingResponseAsync("When do I plant beans?").ToChatResponseAsync();

        Assert.Equal(reply, response.Text);
    }

    [Fact]
    public void Gate_LargeHoldBack_HoldsALongRunWithoutASentenceEnd()
    {
        var gate = new StreamingSentenceGate(100_000);
        var run = new string('a', 5_000);

        Assert.Equal("", gate.Append(run));
        Assert.Equal("", gate.Append(run));
        Assert.Equal(10_000, gate.PendingLength);
        Assert.Equal(run + run, gate.Flush());
    }

    [Fact]
    public void Validate_NullInAllowedPersonalData_IsRejected()
    {
        var options = new OutputSafetyDetectorOptions { AllowedPersonalData = ["Helpdesk", null!] };

        var error = Assert.Throws<ArgumentException>(() => new OutputSafetyDetector(options));
        Assert.Contains("AllowedPersonalData", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullInPersonalDataTypes_IsRejected()
    {
        var options = new OutputSafetyDetectorOptions();
        options.PersonalDataTypes.Add(null!);

        var error = Assert.Throws<ArgumentException>(() => new OutputSafetyDetector(options));
        Assert.Contains("PersonalDataTypes", error.Message, StringComparison.Ordinal);
    }
}
