namespace Nonprofit.AI.Guards;

/// <summary>Options of <see cref="GuardAuditChatClient"/>.</summary>
public sealed class GuardAuditOptions
{
    /// <summary>The shortest <see cref="HashKey"/> accepted, in bytes.</summary>
    public const int MinimumHashKeyLength = 32;

    /// <summary>
    /// Gets or sets the secret key of the HMAC-SHA256 that hashes conversation ids (at least 32 bytes). Keep it out of
    /// the audit trail's storage: with it, a hash can be checked against a known id; without it, it cannot.
    /// </summary>
    /// <value>The default is <see langword="null"/>, which is invalid: a key must be configured.</value>
#pragma warning disable CA1819 // A key is naturally a byte array; it is copied when the client is built.
    public byte[]? HashKey { get; set; }
#pragma warning restore CA1819

    /// <summary>
    /// Gets or sets the key of <c>ChatOptions.AdditionalProperties</c> that holds the conversation id. When
    /// <see langword="null"/>, <c>ChatOptions.ConversationId</c> is used.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? ConversationIdKey { get; set; }
}
