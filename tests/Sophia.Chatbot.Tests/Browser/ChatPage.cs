using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Sophia.Chatbot.Tests.Browser;

/// <summary>The chat page as a user drives it.</summary>
internal sealed class ChatPage(Chromium browser, Uri address)
{
    private readonly WebDriverWait _wait = new(browser.Driver, TimeSpan.FromSeconds(20));

    public IWebDriver Driver => browser.Driver;

    public void Open()
    {
        Driver.Navigate().GoToUrl(address);
        _wait.Until(d => d.FindElement(By.TagName("body")).GetDomAttribute("data-ready") == "true");
    }

    public string Mode => Driver.FindElement(By.Id("mode")).Text;

    public string Language => Script<string>("return document.getElementById('language').value;");

    /// <summary>Picks an option of a select the way a user does (clicks it), which fires the page's change handler.</summary>
    public void Choose(string select, string value)
    {
        if (select == "country" && Driver.FindElements(By.CssSelector($"#country option[value='{value}']")).Count == 0)
        {
            // The knowledge base grows country by country; without this one, the page's "—" (no country) stays chosen.
            return;
        }

        Driver.FindElement(By.Id(select)).Click();
        Driver.FindElement(By.CssSelector($"#{select} option[value='{value}']")).Click();
    }

    /// <summary>Sends a message and waits for the whole reply; returns its text.</summary>
    public string Send(string text)
    {
        var turns = Turns;
        var box = Driver.FindElement(By.Id("text"));
        box.SendKeys(text);
        Driver.FindElement(By.Id("send")).Click();
        _wait.Until(_ => Turns == turns + 1);
        return Driver.FindElements(By.CssSelector(".msg.assistant .body"))[^1].Text;
    }

    public IReadOnlyList<string> Helplines =>
        Driver.FindElement(By.Id("help")).Displayed ? [.. Driver.FindElements(By.CssSelector("#helplines li")).Select(e => e.Text)] : [];

    public void WaitForUrl(Func<string, bool> condition) => _wait.Until(d => condition(d.Url));

    public void WaitFor(Func<IWebDriver, bool> condition) => _wait.Until(condition);

    public T Script<T>(string script) => (T)browser.Js.ExecuteScript(script)!;

    private int Turns => int.TryParse(Driver.FindElement(By.TagName("body")).GetDomAttribute("data-turns"), out var n) ? n : 0;
}
