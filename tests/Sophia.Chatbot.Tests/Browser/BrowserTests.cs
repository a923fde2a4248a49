using Nonprofit.AI.Guards;
using OpenQA.Selenium;
using Sophia.Chatbot.Conversations;
using Sophia.Chatbot.Tests.Support;

namespace Sophia.Chatbot.Tests.Browser;

/// <summary>End-to-end in Debian's headless Chromium against the app on a free loopback port (in-process Kestrel).</summary>
[Collection(nameof(BrowserTests))]
public sealed class BrowserTests
{
    [Fact]
    public async Task Chat_TwoLanguages_RepliesInEachAndScreenshotSaved()
    {
        await using var server = await SophiaServer.StartAsync(useStandIn: false);
        using var browser = new Chromium();
        var page = new ChatPage(browser, server.Address);
        page.Open();

        Assert.Equal("en", page.Language);
        Assert.Equal("offline assistant", page.Mode);
        page.Choose("country", "GB");
        var english = page.Send("How can I get a protection order?");
        page.Choose("language", "fr");
        page.Choose("country", "FR");
        var french = page.Send("Comment porter plainte à la police ?");

        Assert.Equal("en", LanguageIdentifier.Default.Identify(english).Language);
        Assert.Equal("fr", LanguageIdentifier.Default.Identify(french).Language);
        Assert.Equal("assistant hors ligne", page.Mode);
        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "sophia-chat.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        browser.Driver.GetScreenshot().SaveAsFile(screenshot);
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Equal(0, page.Script<long>("return localStorage.length + sessionStorage.length;"));
        Assert.Empty(browser.Driver.Manage().Cookies.AllCookies);
    }

    [Fact]
    public async Task Chat_CrisisMessage_EscalatesToTheQueueAndShowsHelplines()
    {
        await using var server = await SophiaServer.StartAsync(useStandIn: false);
        using var browser = new Chromium();
        var page = new ChatPage(browser, server.Address);
        page.Open();
        page.Choose("country", "GB");

        var reply = page.Send("He said he will kill me tonight, I am so scared");

        Assert.Contains("worried", reply, StringComparison.Ordinal);
        Assert.NotEmpty(page.Helplines);
        var queue = await server.AdminJsonAsync("/admin/handover");
        var ticket = queue.EnumerateArray().Single();
        Assert.Equal("en", ticket.GetProperty("language").GetString());
        Assert.Contains("crisis.violence", ticket.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain("kill", queue.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_PhoneNumber_NeverReachesTheFakeModel()
    {
        await using var model = FakeModel.Start();
        await using var server = await SophiaServer.StartAsync(["--NONPROFIT_CHAT_ENDPOINT=" + model.Endpoint, "--NONPROFIT_CHAT_MODEL=fake-model"], useStandIn: false);
        using var browser = new Chromium();
        var page = new ChatPage(browser, server.Address);
        page.Open();

        var reply = page.Send("You can reach me on +44 20 7946 0958, how do I get a protection order?");

        Assert.Equal(FakeModel.Reply, reply.Trim());
        Assert.Equal("assistant", page.Mode);
        var body = Assert.Single(model.Bodies);
        Assert.Contains("protection order", body, StringComparison.Ordinal);
        Assert.DoesNotContain("7946", body, StringComparison.Ordinal);
        Assert.DoesNotContain("0958", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("button")]
    [InlineData("escape")]
    public async Task QuickExit_LeavesNoTrace(string how)
    {
        await using var server = await SophiaServer.StartAsync(useStandIn: false);
        using var browser = new Chromium();
        var page = new ChatPage(browser, server.Address);
        page.Open();
        page.Send("How do I keep evidence safely?");
        var historyBefore = page.Script<long>("return history.length;");
        Assert.Equal(1, server.Get<ConversationStore>().Count);

        if (how == "button")
        {
            browser.Driver.FindElement(By.Id("quick-exit")).Click();
        }
        else
        {
            new OpenQA.Selenium.Interactions.Actions(browser.Driver).SendKeys(Keys.Escape).SendKeys(Keys.Escape).Perform();
        }

        page.WaitForUrl(url => url.EndsWith("/neutral.html", StringComparison.Ordinal));
        Assert.Equal(historyBefore, page.Script<long>("return history.length;"));
        Assert.Equal(0, page.Script<long>("return localStorage.length + sessionStorage.length;"));
        Assert.Empty(browser.Driver.FindElements(By.Id("log")));
        Assert.NotEmpty(browser.Driver.FindElements(By.Id("neutral")));
        Assert.Empty(browser.Driver.Manage().Cookies.AllCookies);
        await WaitUntilAsync(() => server.Get<ConversationStore>().Count == 0);
    }

    [Fact]
    public async Task Evidence_CreateSafeAndAddNote_InThePage()
    {
        var folder = Directory.CreateTempSubdirectory("sophia-browser-evidence-");
        try
        {
            await using var server = await SophiaServer.StartAsync(["--Sophia:EvidenceKdfIterations=1000", "--Sophia:EvidenceFolder=" + folder.FullName], useStandIn: false);
            using var browser = new Chromium();
            var page = new ChatPage(browser, server.Address);
            page.Open();
            browser.Driver.FindElement(By.Id("evidence-title")).Click();
            browser.Driver.FindElement(By.Id("evidence-passphrase")).SendKeys("a long enough passphrase");

            browser.Driver.FindElement(By.Id("evidence-create")).Click();
            page.WaitFor(d => d.FindElement(By.Id("evidence-status")).Text.StartsWith("Safe created", StringComparison.Ordinal));
            browser.Driver.FindElement(By.Id("evidence-note")).SendKeys("Monday night: threats by text message.");
            browser.Driver.FindElement(By.Id("evidence-add")).Click();
            page.WaitFor(d => d.FindElement(By.Id("evidence-status")).Text == "1 item(s) in the safe.");

            var safe = Assert.Single(Directory.GetFiles(folder.FullName));
            Assert.DoesNotContain("threats", await File.ReadAllTextAsync(safe), StringComparison.Ordinal);
            Assert.Equal(0, page.Script<long>("return localStorage.length + sessionStorage.length;"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Waits for the server to see the quick exit's beacon (bounded; the assertion is the condition, not the time).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
