namespace Nonprofit.Analyzers.Tests;

/// <summary>
/// Minimal declarations of the APIs the rules look for (same namespaces and names as the real packages), so the
/// tests compile against the .NET reference pack alone. The end-to-end test uses the real packages.
/// </summary>
internal static class Stubs
{
    public const string Logging = """
        namespace Microsoft.Extensions.Logging
        {
            public enum LogLevel { Trace, Debug, Information, Warning, Error, Critical, None }
            public interface ILogger { System.IDisposable? BeginScope<TState>(TState state) where TState : notnull; }
            public interface ILogger<out T> : ILogger { }
            public static class LoggerExtensions
            {
                public static void LogInformation(this ILogger logger, string? message, params object?[] args) { }
                public static void LogWarning(this ILogger logger, string? message, params object?[] args) { }
                public static void LogError(this ILogger logger, System.Exception? exception, string? message, params object?[] args) { }
                public static void LogDebug(this ILogger logger, string? message, params object?[] args) { }
            }
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class LoggerMessageAttribute : System.Attribute
            {
                public LoggerMessageAttribute(int eventId, LogLevel level, string message) { }
            }
        }
        namespace Microsoft.Extensions.Compliance.Classification
        {
            public abstract class DataClassificationAttribute : System.Attribute { }
        }
        namespace Nonprofit.Privacy.Compliance
        {
            [System.AttributeUsage(System.AttributeTargets.All)]
            public sealed class PersonalDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute { }
        }
        namespace Microsoft.Extensions.Compliance.Redaction
        {
            public abstract class Redactor { public string Redact(string? source) => ""; }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }
            public interface ILoggingBuilder { }
            public static class RedactionExtensions { public static ILoggingBuilder EnableRedaction(this ILoggingBuilder builder) => builder; }
        }
        """;

    public const string Chat = """
        namespace Microsoft.Extensions.AI
        {
            public enum ChatRole { User, System, Assistant }
            public sealed class ChatMessage { public ChatMessage(ChatRole role, string? content) { } }
            public sealed class ChatResponse { }
            public sealed class ChatOptions { }
            public interface IChatClient
            {
                System.Threading.Tasks.Task<ChatResponse> GetResponseAsync(System.Collections.Generic.IEnumerable<ChatMessage> messages, ChatOptions? options = null, System.Threading.CancellationToken cancellationToken = default);
            }
            public static class ChatClientExtensions
            {
                public static System.Threading.Tasks.Task<ChatResponse> GetResponseAsync(this IChatClient client, string chatMessage, ChatOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => null!;
            }
            public sealed class ChatClientBuilder
            {
                public ChatClientBuilder(IChatClient inner) { }
                public IChatClient Build() => null!;
            }
            public static class GuardExtensions { public static ChatClientBuilder UsePiiRedaction(this ChatClientBuilder builder) => builder; }
        }
        """;

    public const string Newtonsoft = """
        namespace Newtonsoft.Json
        {
            public static class JsonConvert { public static string SerializeObject(object? value) => ""; }
            [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field)]
            public sealed class JsonIgnoreAttribute : System.Attribute { }
        }
        """;
}
