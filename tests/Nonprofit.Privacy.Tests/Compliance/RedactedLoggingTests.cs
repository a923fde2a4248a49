using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nonprofit.Privacy.Compliance;

namespace Nonprofit.Privacy.Tests.Compliance;

public sealed partial class RedactedLoggingTests
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Message received: {Text}")]
    private static partial void LogMessageReceived(ILogger logger, [FreeTextData] string text);

    private static ServiceProvider BuildProvider(Action<LoggerRedactionOptions>? configure = null) =>
        new ServiceCollection()
            .AddNonprofitPrivacy()
            .AddRedaction(b => b.SetRedactor<FreeTextRedactor>(NonprofitTaxonomy.FreeText))
            .AddLogging(b =>
            {
                if (configure is null)
                {
                    b.EnableRedaction();
                }
                else
                {
                    b.EnableRedaction(configure);
                }

                b.AddFakeLogging();
            })
            .BuildServiceProvider();

    private static (string Value, string Message) LogAndCollect(ServiceProvider provider, string text)
    {
        var logger = provider.GetRequiredService<ILogger<RedactedLoggingTests>>();
        LogMessageReceived(logger, text);
        var record = Assert.Single(provider.GetFakeLogCollector().GetSnapshot());
        return (Assert.Single(record.StructuredState!, p => p.Key == "Text").Value!, record.Message);
    }

    [Fact]
    public void LoggerMessage_FreeTextParameter_HasThePhoneRedacted()
    {
        using var provider = BuildProvider();

        var (value, message) = LogAndCollect(provider, "call me at +254 712 345 678 please");

        Assert.StartsWith("call me at <PHONE_NUMBER> please", value, StringComparison.Ordinal);
        Assert.DoesNotContain("712", value, StringComparison.Ordinal);
        Assert.DoesNotContain("712", message, StringComparison.Ordinal);
        Assert.Contains("<PHONE_NUMBER>", message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoggerMessage_WithoutDiscriminator_KeepsTheRestOfTheTextExactly()
    {
        using var provider = BuildProvider(o => o.ApplyDiscriminator = false);

        var (value, message) = LogAndCollect(provider, "call me at +254 712 345 678 please");

        Assert.Equal("call me at <PHONE_NUMBER> please", value);
        Assert.Equal("Message received: call me at <PHONE_NUMBER> please", message);
    }

    // Documented behaviour: the default discriminator (":TagName") is the logging framework's; it is kept as is.
    [Fact]
    public void LoggerMessage_DefaultRedactionOptions_RedactsTheValueAndKeepsTheDiscriminator()
    {
        using var provider = BuildProvider();

        var (value, _) = LogAndCollect(provider, "call me at +254 712 345 678 please");

        Assert.Equal("call me at <PHONE_NUMBER> please:Text", value);
    }

    [Theory]
    [InlineData("server 2001:db8::8a2e:370:7334", "2001:db8::8a2e:370:7334")]
    [InlineData("device 01:23:45:67:89:ab", "01:23:45:67:89:ab")]
    public void LoggerMessage_DefaultRedactionOptions_RedactsAddressAtTheEnd(string text, string address)
    {
        using var provider = BuildProvider();

        var (value, message) = LogAndCollect(provider, text);

        Assert.DoesNotContain(address, value, StringComparison.Ordinal);
        Assert.DoesNotContain(address, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("server 2001:db8::8a2e:370:7334", "2001:db8::8a2e:370:7334")]
    [InlineData("device 01:23:45:67:89:ab", "01:23:45:67:89:ab")]
    [InlineData("mail jane.doe@example.org", "jane.doe@example.org")]
    [InlineData("call +254 712 345 678", "712 345 678")]
    public void LoggerMessage_WithoutDiscriminator_RedactsValueAtTheEnd(string text, string value)
    {
        using var provider = BuildProvider(o => o.ApplyDiscriminator = false);

        var (logged, message) = LogAndCollect(provider, text);

        Assert.DoesNotContain(value, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(value, message, StringComparison.Ordinal);
    }
}
