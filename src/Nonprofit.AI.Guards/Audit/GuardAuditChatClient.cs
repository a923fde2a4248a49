using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Appends every verdict the inner guards attached to a response (or to a streaming update) to an
/// <see cref="IGuardAuditSink"/>: guard, action, category, score, timing and a keyed hash of the conversation id. The
/// trail never contains message text, so it can be kept longer and shown to more people than the conversations.
/// </summary>
/// <remarks>
/// Put it outermost, so that it sees the verdicts of every guard, including requests another guard blocked. A sink that
/// throws (a disposed file sink at shutdown, a full disk) never loses the reply, nor the crisis guard's safe reply: the
/// records of that response are dropped and the failure is logged with its exception type only.
/// </remarks>
public sealed partial class GuardAuditChatClient : DelegatingChatClient
{
    private readonly IGuardAuditSink _sink;
    private readonly byte[] _key;
    private readonly string? _conversationIdKey;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the audit guard.</summary>
    /// <param name="innerClient">The inner client (usually the other guards).</param>
    /// <param name="sink">Where records go.</param>
    /// <param name="options">The options; <see cref="GuardAuditOptions.HashKey"/> must be set.</param>
    /// <param name="timeProvider">Gives the records' timestamps; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Logs a failing sink (exception type only); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The hash key is missing or shorter than 32 bytes.</exception>
    public GuardAuditChatClient(IChatClient innerClient, IGuardAuditSink sink, GuardAuditOptions options, TimeProvider? timeProvider = null, ILogger<GuardAuditChatClient>? logger = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        if (options.HashKey is not { Length: >= GuardAuditOptions.MinimumHashKeyLength })
        {
            throw new ArgumentException("GuardAuditOptions.HashKey must be set and have at least 32 bytes.", nameof(options));
        }

        _sink = sink;
        _key = (byte[])options.HashKey.Clone();
        _conversationIdKey = options.ConversationIdKey;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Record(response.GetGuardVerdicts(), options);
        return response;
    }

    /// <inheritdoc/>
    /// <remarks>The reply is not wrapped when the inner stream is a guard's: the audit joins the stack's one iterator.</remarks>
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GuardStream.Defer(() => GuardStreamStart.Continue(base.GetStreamingResponseAsync(messages, options, cancellationToken), stage: new AuditStage(this, options)));

    /// <summary>HMAC-SHA256 of <paramref name="conversationId"/> under <paramref name="key"/>, lower-case hex.</summary>
    internal static string HashConversation(ReadOnlySpan<byte> key, string conversationId)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(conversationId), hash);
        return Convert.ToHexStringLower(hash);
    }

    private void Record(IReadOnlyList<GuardVerdict> verdicts, ChatOptions? options)
    {
        if (verdicts.Count == 0)
        {
            return;
        }

        var conversationId = ConversationKeys.ConversationId(options, _conversationIdKey);
        var hash = conversationId is null ? null : HashConversation(_key, conversationId);
        var now = _timeProvider.GetUtcNow();
        try
        {
            for (var i = 0; i < verdicts.Count; i++)
            {
                var v = verdicts[i];
                _sink.Append(new GuardAuditRecord(now, v.Guard, v.Action, v.Category, v.Score, v.Elapsed, hash));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSinkFailed(_logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Error, Message = "Guard audit sink failed with {ExceptionType}; the reply is sent, its audit records are lost")]
    private static partial void LogSinkFailed(ILogger logger, string exceptionType);

    /// <summary>Records the verdicts of each update; an update without additional properties costs one null check.</summary>
    private sealed class AuditStage(GuardAuditChatClient owner, ChatOptions? options) : GuardStreamStage
    {
        public override ChatResponseUpdate? OnUpdate(ChatResponseUpdate update)
        {
            if (update.AdditionalProperties is not null)
            {
                owner.Record(update.GetGuardVerdicts(), options);
            }

            return null;
        }
    }
}
