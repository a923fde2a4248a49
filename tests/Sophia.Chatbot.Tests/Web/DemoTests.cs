namespace Sophia.Chatbot.Tests.Web;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_Scripted_MultilingualWithACrisisThatEscalatesAndExitsZero()
    {
        using var output = new StringWriter();

        var exit = await Demo.SophiaDemo.RunAsync(output, ["--Sophia:EvidenceKdfIterations=1000"], CancellationToken.None);

        var text = output.ToString();
        Assert.True(exit == 0, text);
        foreach (var language in new[] { "[en", "[fr", "[es", "[pt", "[sw" })
        {
            Assert.Contains(language, text, StringComparison.Ordinal);
        }

        Assert.Contains("handed over", text, StringComparison.Ordinal);
        Assert.Contains("crisis.violence", text, StringComparison.Ordinal);
        Assert.Contains("bundle for a lawyer verifies", text, StringComparison.Ordinal);
        Assert.Contains("open conversations now: 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_Demo_ExitsZero()
    {
        Assert.Equal(0, await Program.Main(["--demo", "--Sophia:EvidenceKdfIterations=1000"]));
    }
}
