using Nonprofit.AI.Guards;

namespace FarmerChat.Advisory.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task Run_ScriptedConversation_EveryTurnAsExpected()
    {
        using var test = new TestAdvisor();
        using var output = new StringWriter();

        var turns = await Demo.RunAsync(test.Advisor, output, CancellationToken.None);

        var byLabel = turns.ToDictionary(t => t.Label, t => t.Answer);
        Assert.Equal(["en", "en", "sw", "hi", "fr", "en", "en", "en"], turns.Select(t => t.Answer.Language));
        Assert.Equal("maize-fall-armyworm", byLabel["English, a pest"].DocumentId);
        Assert.False(byLabel["English, a suggested follow-up"].Declined);
        Assert.Equal("grain-hermetic-storage", byLabel["Swahili, storage"].DocumentId);
        Assert.Equal("tomato-late-blight", byLabel["Hindi, a disease"].DocumentId);
        Assert.Equal("compost-making", byLabel["French, soil"].DocumentId);
        Assert.Equal(GuardCategories.ScopeOffTopic, byLabel["Off topic"].Reason);
        Assert.Equal("dairy-cow-feeding", byLabel["A phone number in the question"].DocumentId);
        Assert.True(byLabel["Not in the knowledge base"].Declined);
        var text = output.ToString();
        Assert.Contains("crop=maize, region=Nakuru, language=sw", text, StringComparison.Ordinal);
        Assert.Contains("practices-adopted: 1", text, StringComparison.Ordinal);
        Assert.Contains("follow-ups: 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_Demo_ExitsZero() => Assert.Equal(0, await Program.Main(["--demo"]));

    [Fact]
    public async Task Main_UnknownCommand_ExitsTwo() => Assert.Equal(2, await Program.Main(["--nope"]));
}
