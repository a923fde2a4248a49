using System;

namespace Nonprofit.AI.Guards;

/// <summary>Options of <see cref="ConversationRateLimitChatClient"/>: a fixed window per conversation and one per user.</summary>
public sealed class ConversationRateLimitOptions
{
    /// <summary>The default key of <c>ChatOptions.AdditionalProperties</c> that holds the user id.</summary>
    public const string DefaultUserIdKey = "nonprofit.user_id";

    /// <summary>Gets or sets how many requests one conversation may make per <see cref="ConversationWindow"/>.</summary>
    /// <value>The default is 20.</value>
    public int ConversationPermitLimit { get; set; } = 20;

    /// <summary>Gets or sets the window of <see cref="ConversationPermitLimit"/>.</summary>
    /// <value>The default is one minute.</value>
    public TimeSpan ConversationWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how many requests one user may make per <see cref="UserWindow"/>, over all their conversations.</summary>
    /// <value>The default is 100.</value>
    public int UserPermitLimit { get; set; } = 100;

    /// <summary>Gets or sets the window of <see cref="UserPermitLimit"/>.</summary>
    /// <value>The default is one hour.</value>
    public TimeSpan UserWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets the key of <c>ChatOptions.AdditionalProperties</c> that holds the conversation id. When
    /// <see langword="null"/>, <c>ChatOptions.ConversationId</c> is used. A request without a conversation id is not
    /// limited per conversation.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? ConversationIdKey { get; set; }

    /// <summary>
    /// Gets or sets the key of <c>ChatOptions.AdditionalProperties</c> that holds the user id. A request without a user
    /// id is not limited per user.
    /// </summary>
    /// <value>The default is <see cref="DefaultUserIdKey"/>.</value>
    public string UserIdKey { get; set; } = DefaultUserIdKey;

    /// <summary>Gets or sets the assistant message a limited request gets instead of the model's reply.</summary>
    /// <value>The default is a short English request to wait; set it in the app's language.</value>
    public string BlockedMessage { get; set; } = "You are sending messages faster than I can answer. Please wait a moment and try again.";

    /// <summary>Returns the first problem with these options, or null when they are valid.</summary>
    internal string? Validate()
    {
        if (ConversationPermitLimit < 1 || UserPermitLimit < 1)
        {
            return "ConversationRateLimitOptions permit limits must be at least 1.";
        }

        if (ConversationWindow <= TimeSpan.Zero || UserWindow <= TimeSpan.Zero)
        {
            return "ConversationRateLimitOptions windows must be positive.";
        }

        return string.IsNullOrEmpty(UserIdKey) || string.IsNullOrEmpty(BlockedMessage)
            ? "ConversationRateLimitOptions.UserIdKey and BlockedMessage must not be empty."
            : null;
    }
}
