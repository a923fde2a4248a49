using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Limits requests per conversation and per user with System.Threading.RateLimiting (partitioned fixed-window
/// limiters, no queueing). A limited request never reaches the inner client: it gets
/// <see cref="ConversationRateLimitOptions.BlockedMessage"/> and a <see cref="GuardAction.Block"/> verdict with
/// category <see cref="GuardCategories.RateLimit"/>.
/// </summary>
/// <remarks>
/// The conversation's permit is taken before the user's; when the user's limit then refuses, the conversation's permit
/// stays used (fixed-window permits are not returned). The windows run on the system clock: System.Threading.RateLimiting
/// takes no <see cref="TimeProvider"/>. The limiters live in the guard, unless it is built by <c>UseNonprofitGuards</c> or
/// <c>UseConversationRateLimit</c> over a service provider where <c>AddNonprofitGuards</c> ran: there every guard built
/// with the same limits shares one pair, so a pipeline built per scope or per request still limits.
/// </remarks>
public sealed class ConversationRateLimitChatClient : DelegatingChatClient
{
    /// <summary>The name this guard puts in its verdicts.</summary>
    public const string GuardName = "rate_limit";

    private readonly ConversationRateLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _conversations;
    private readonly PartitionedRateLimiter<string> _users;
    private readonly VerdictPublisher _publisher;
    private readonly bool _ownsLimiters;

    /// <summary>Creates the guard.</summary>
    /// <param name="innerClient">The inner client.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="observers">Observers of this guard's verdicts.</param>
    /// <param name="timeProvider">Times the guard's work; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ConversationRateLimitChatClient(
        IChatClient innerClient,
        ConversationRateLimitOptions? options = null,
        IEnumerable<IGuardObserver>? observers = null,
        TimeProvider? timeProvider = null)
        : this(innerClient, options, observers, timeProvider, state: null)
    {
    }

    /// <summary>Creates the guard on shared limiters (<paramref name="state"/>), or on its own when it is null.</summary>
    internal ConversationRateLimitChatClient(
        IChatClient innerClient,
        ConversationRateLimitOptions? options,
        IEnumerable<IGuardObserver>? observers,
        TimeProvider? timeProvider,
        ConversationRateLimitState? state)
        : base(innerClient)
    {
        _options = options ?? new ConversationRateLimitOptions();
        if (_options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _ownsLimiters = state is null;
        _conversations = state?.Limiter("conversation", _options.ConversationPermitLimit, _options.ConversationWindow)
            ?? Limiter(_options.ConversationPermitLimit, _options.ConversationWindow);
        _users = state?.Limiter("user", _options.UserPermitLimit, _options.UserWindow) ?? Limiter(_options.UserPermitLimit, _options.UserWindow);
        _publisher = new VerdictPublisher(GuardName, observers, timeProvider);
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested(); // a cancelled request costs no detection work
        var verdict = Decide(options);
        ChatResponse response = verdict.Action == GuardAction.Block
            ? new ChatResponse(new ChatMessage(ChatRole.Assistant, _options.BlockedMessage)) { FinishReason = ChatFinishReason.Stop }
            : await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        VerdictPublisher.Attach(response, verdict);
        return response;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The decision is taken when the enumeration starts, as an async iterator would; the reply is not wrapped (see
    /// docs/guards.md, "How a guard streams cheaply"): the verdict goes on the first update at no cost per update.
    /// </remarks>
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GuardStream.Defer(() =>
        {
            cancellationToken.ThrowIfCancellationRequested(); // a cancelled request costs no detection work
            var verdict = Decide(options);
            return verdict.Action == GuardAction.Block
                ? GuardStreamStart.Replace(new ChatResponseUpdate(ChatRole.Assistant, _options.BlockedMessage) { FinishReason = ChatFinishReason.Stop }, verdict)
                : GuardStreamStart.Continue(base.GetStreamingResponseAsync(messages, options, cancellationToken), verdict);
        });

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsLimiters)
        {
            _conversations.Dispose();
            _users.Dispose();
        }

        base.Dispose(disposing);
    }

    private GuardVerdict Decide(ChatOptions? options)
    {
        var start = _publisher.Start();
        var conversationId = ConversationKeys.ConversationId(options, _options.ConversationIdKey);
        var userId = ConversationKeys.Property(options, _options.UserIdKey);
        var allowed = Acquire(_conversations, conversationId) && Acquire(_users, userId);
        return allowed
            ? _publisher.Publish(GuardAction.Allow, GuardCategories.None, 0, _publisher.Elapsed(start), conversationId)
            : _publisher.Publish(GuardAction.Block, GuardCategories.RateLimit, 1, _publisher.Elapsed(start), conversationId);
    }

    private static bool Acquire(PartitionedRateLimiter<string> limiter, string? key)
    {
        if (key is null)
        {
            return true;
        }

        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    internal static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(
            key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }),
            StringComparer.Ordinal);
}
