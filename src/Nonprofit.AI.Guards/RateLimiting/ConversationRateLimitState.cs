using System;
using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The rate limiters of every <see cref="ConversationRateLimitChatClient"/> built from one service provider, shared by
/// limit values: <c>AddNonprofitGuards</c> registers it as a singleton, so that a pipeline built per scope or per request
/// (<c>AddChatClient(..., ServiceLifetime.Scoped)</c>) still counts one conversation's requests together. Without it each
/// built pipeline had fresh limiters and the limit was silently off.
/// </summary>
internal sealed class ConversationRateLimitState : IDisposable
{
    private readonly ConcurrentDictionary<(string Kind, int Permits, TimeSpan Window), Lazy<PartitionedRateLimiter<string>>> _limiters = new();

    /// <summary>The shared limiter of one kind ("conversation" or "user") for these values.</summary>
    public PartitionedRateLimiter<string> Limiter(string kind, int permits, TimeSpan window) =>
        _limiters.GetOrAdd((kind, permits, window), key => new(() => ConversationRateLimitChatClient.Limiter(key.Permits, key.Window))).Value;

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            if (limiter.IsValueCreated)
            {
                limiter.Value.Dispose();
            }
        }

        _limiters.Clear();
    }
}
