using Microsoft.Extensions.Compliance.Classification;

namespace ChatbotBackend.Chat;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Conversation {ConversationId} started ({Turns} turns)")]
    public static partial void ConversationStarted(ILogger logger, Guid conversationId, int turns);

    [LoggerMessage(2, LogLevel.Information, "Escalated a conversation for {Email}")]
    public static partial void Escalated(ILogger logger, [PrivateData] string email); // LEAK: NP1007

    [LoggerMessage(3, LogLevel.Warning, "Caller {PhoneNumber} hung up")]
    public static partial void HungUp(ILogger logger, string phoneNumber); // LEAK: NP1001
}

/// <summary>The organisation's taxonomy for caller data.</summary>
public sealed class PrivateDataAttribute : DataClassificationAttribute
{
    public PrivateDataAttribute()
        : base(new DataClassification("Helpline", "Private"))
    {
    }
}
