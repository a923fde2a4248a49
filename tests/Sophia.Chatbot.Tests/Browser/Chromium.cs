using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Sophia.Chatbot.Tests.Browser;

/// <summary>
/// Debian's chromium and chromium-driver, headless, with a fresh profile. A missing browser or driver is a test
/// failure with the command that installs them, never a skip.
/// </summary>
internal sealed class Chromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly DirectoryInfo _profile = Directory.CreateTempSubdirectory("sophia-chromium-");

    public Chromium()
    {
        if (!File.Exists(BrowserPath) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium ({BrowserPath}) and chromium-driver ({DriverPath}): " +
                "run `apt-get update && apt-get install -y chromium chromium-driver`.");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--lang=en-US", "--window-size=420,860",
            "--user-data-dir=" + _profile.FullName);
        options.AddUserProfilePreference("intl.accept_languages", "en-US,en");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    public IJavaScriptExecutor Js => Driver;

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; the folder is in the temporary directory.
        }
    }
}
