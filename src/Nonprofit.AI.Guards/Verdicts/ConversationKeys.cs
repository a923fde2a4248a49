using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>Reads the conversation and user ids a request carries.</summary>
internal static class ConversationKeys
{
    /// <summary>
    /// The conversation id: <c>ChatOptions.AdditionalProperties[key]</c> when <paramref name="key"/> is set, else
    /// <see cref="ChatOptions.ConversationId"/>; null or empty means none.
    /// </summary>
    public static string? ConversationId(ChatOptions? options, string? key) =>
        key is null ? NullIfEmpty(options?.ConversationId) : Property(options, key);

    public static string? Property(ChatOptions? options, string key) =>
        options?.AdditionalProperties is { } p && p.TryGetValue(key, out var v) && v is not null ? NullIfEmpty(v.ToString()) : null;

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
