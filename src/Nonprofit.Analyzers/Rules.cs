using Microsoft.CodeAnalysis;

namespace Nonprofit.Analyzers;

/// <summary>The NP1xxx rules: one descriptor each, category <c>Privacy</c>, help page under <c>docs/rules/</c>.</summary>
internal static class Rules
{
    public const string Category = "Privacy";

    public const string LogId = "NP1001";
    public const string ExceptionId = "NP1002";
    public const string ChatId = "NP1003";
    public const string SerializationId = "NP1004";
    public const string ToStringId = "NP1005";
    public const string UrlId = "NP1006";
    public const string RedactionNotEnabledId = "NP1007";

    private const string HelpBase = "https://github.com/nonprofit-sdk/Nonprofit.Sdk/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor Log = Create(
        LogId,
        "Personal data written to a log",
        "'{0}' is personal data and is written to {1}; redact it, or log a non-personal id instead",
        "Personal data reaches a log sink (ILogger, a [LoggerMessage] method, Console, Debug, Trace or a configured sink) without redaction. Logs are copied, shipped and kept far longer than the data they describe.");

    public static readonly DiagnosticDescriptor ExceptionMessage = Create(
        ExceptionId,
        "Personal data in an exception message",
        "'{0}' is personal data and is put into the message of {1}; exception messages end up in logs, crash reports and HTTP error pages",
        "Exception messages are logged, reported to error trackers and sometimes shown to users. They must name what went wrong, never the person it went wrong for.");

    public static readonly DiagnosticDescriptor Chat = Create(
        ChatId,
        "Personal data sent to a chat model without PII redaction",
        "'{0}' is personal data and is sent to a chat model through {1}, and no UsePiiRedaction() is configured in this method or in a client registration",
        "Prompts sent to a language model leave the organisation's control: they are processed, and often kept, by a third party. Build the client with UsePiiRedaction() or redact the value first.");

    public static readonly DiagnosticDescriptor Serialization = Create(
        SerializationId,
        "Personal member serialized without [JsonIgnore] or a redacting converter",
        "'{0}' is personal data and {1} serializes it; mark it [JsonIgnore] or give it a redacting [JsonConverter]",
        "Serialized JSON goes to caches, queues, HTTP responses and logs. A member holding personal data must be excluded or redacted by a converter.");

    public static readonly DiagnosticDescriptor ToStringExposure = Create(
        ToStringId,
        "ToString exposes personal members",
        "'{0}' is personal data and {1} prints it; override PrintMembers (records) or leave it out of ToString",
        "A record's compiler-generated ToString prints every property, and ToString output lands in logs, exception messages and debugger displays. Personal members must be left out.");

    public static readonly DiagnosticDescriptor Url = Create(
        UrlId,
        "Personal data in a URL, query string, route template or file path",
        "'{0}' is personal data and is put into {1}; URLs and file names are logged by proxies, servers and backups",
        "URLs, query strings and route values are written to access logs, proxies, browser history and analytics; file names appear in directory listings and backups. Send personal data in a request body and name files by opaque ids.");

    public static readonly DiagnosticDescriptor RedactionNotEnabled = new(
        RedactionNotEnabledId,
        "Classified data logged but log redaction is not enabled",
        "'{0}' carries a data classification and is logged by '{1}', but nothing in this compilation calls EnableRedaction(); the classification alone does not redact",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The logging source generator redacts classified parameters only when the logging pipeline was built with EnableRedaction(). Without it the values are written as they are.",
        helpLinkUri: HelpBase + RedactionNotEnabledId + ".md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description, HelpBase + id + ".md");
}
