using Nonprofit.Analyzers.Logging;

namespace Nonprofit.Analyzers.Tests.Logging;

public sealed class RedactionNotEnabledAnalyzerTests
{
    private const string LogMethods = """
        using Microsoft.Extensions.Logging;
        using Nonprofit.Privacy.Compliance;
        static partial class Log
        {
            [LoggerMessage(1, LogLevel.Information, "Registered {Email}")]
            public static partial void Registered(ILogger logger, [PersonalData] string {|#0:email|});
            public static partial void Registered(ILogger logger, string email) { }
        }
        """;

    [Fact]
    public Task ClassifiedParameter_NoEnableRedaction_Reports() => Verify<RedactionNotEnabledAnalyzer>.AnalyzerAsync(
        LogMethods.Replace("{|#0:email|}", "{|NP1007:email|}", StringComparison.Ordinal));

    [Fact]
    public Task ClassifiedParameter_EnableRedactionCalled_DoesNotReport() => Verify<RedactionNotEnabledAnalyzer>.AnalyzerAsync(
        LogMethods.Replace("{|#0:email|}", "email", StringComparison.Ordinal) + """

        class Startup
        {
            void Configure(Microsoft.Extensions.DependencyInjection.ILoggingBuilder logging) =>
                Microsoft.Extensions.DependencyInjection.RedactionExtensions.EnableRedaction(logging);
        }
        """);
}
