using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Pseudonymises personal data in user and tool messages (and, by default, earlier assistant messages) with
/// Nonprofit.Privacy before they reach the inner client, and restores the pseudonyms in the reply for the user, also
/// when the reply streams and a pseudonym is split across updates.
/// </summary>
/// <remarks>
/// <para>
/// The caller's messages are never changed: messages with personal data are copied. Text contents and function results
/// are pseudonymised (a non-string function result is serialised to JSON first and passed on as that redacted string),
/// and so are the strings in function calls' arguments (also inside nested JSON), so that real values a tool loop put
/// back into an earlier call never reach the model; other contents (images, audio) pass unchanged, and system
/// messages (the app's own) are not redacted.
/// </para>
/// <para>
/// Pseudonyms come from an <see cref="IPseudonymVault"/>, scoped per conversation (see
/// <see cref="PiiRedactionOptions.ConversationIdKey"/>); the vault holds the original values in memory, so call
/// <see cref="ForgetConversation"/> when a conversation ends. Nothing this client logs or reports contains text.
/// </para>
/// <para>
/// Every value the conversation's vault scope already holds is pseudonymised wherever it appears again verbatim (whole
/// words, ignoring case; numbers without letters by their digits), so a value found once in its context ("my name is
/// ...") does not reach the model when it comes back alone in a later turn, a tool's result, the history or a call's
/// arguments, also earlier in the same request. Only a verbatim repeat is protected (any run of white space may stand
/// between a multi-word value's words): not the value without its accents, reordered or in part. Ages, values with letters under three characters
/// and numbers under six digits are not looked for. This needs a vault that lists its values
/// (<see cref="IPseudonymVault.GetKnownValues"/>); with one that cannot, each text is redacted by detection alone. A
/// function-call argument found again only this way is not restored for the tool (see
/// <see cref="PiiRedactionOptions.RestoreInReply"/>).
/// </para>
/// </remarks>
public sealed class PiiRedactionChatClient : DelegatingChatClient
{
    /// <summary>The name this guard puts in its verdicts.</summary>
    public const string GuardName = "pii_redaction";

    private const string ScopePrefix = "nonprofit.guards.conversation:";
    private const string RequestScopePrefix = "nonprofit.guards.request:";

    private readonly PiiDetector _detector;
    private readonly PiiRedactor _redactor;
    private readonly IPseudonymVault _vault;
    private readonly PiiRedactionOptions _options;
    private readonly VerdictPublisher _publisher;

    /// <summary>Creates the guard.</summary>
    /// <param name="innerClient">The client that receives the pseudonymised messages.</param>
    /// <param name="detector">Finds the personal data.</param>
    /// <param name="vault">Keeps the pseudonyms and their values, per conversation.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="observers">Observers of this guard's verdicts.</param>
    /// <param name="timeProvider">Times the guard's work; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/>, <paramref name="detector"/> or <paramref name="vault"/> is <see langword="null"/>.</exception>
    public PiiRedactionChatClient(
        IChatClient innerClient,
        PiiDetector detector,
        IPseudonymVault vault,
        PiiRedactionOptions? options = null,
        IEnumerable<IGuardObserver>? observers = null,
        TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(vault);
        _detector = detector;
        _vault = vault;
        _options = options ?? new PiiRedactionOptions();
        var redactorOptions = new PiiRedactorOptions { DefaultOperator = RedactionOperator.Pseudonym };
        _redactor = new PiiRedactor(detector, redactorOptions, vault);
        _publisher = new VerdictPublisher(GuardName, observers, timeProvider);
    }

    /// <summary>Forgets the pseudonyms (and the values behind them) of one conversation.</summary>
    /// <param name="conversationId">The conversation id the requests carried.</param>
    /// <exception cref="ArgumentException"><paramref name="conversationId"/> is null or empty.</exception>
    public void ForgetConversation(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        _vault.ClearScope(ScopePrefix + conversationId);
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested(); // a cancelled request costs no detection work
        var conversationId = ConversationKeys.ConversationId(options, _options.ConversationIdKey);
        var (scope, ephemeral) = ScopeOf(conversationId);
        try
        {
            var (redacted, verdict) = RedactAll(messages, scope, conversationId);
            var response = await base.GetResponseAsync(redacted, options, cancellationToken).ConfigureAwait(false);
            VerdictPublisher.Attach(response, verdict);
            if (_options.RestoreInReply)
            {
                var start = _publisher.Start();
                var restored = 0;
                foreach (var message in response.Messages)
                {
                    RestoreContents(message.Contents, scope, ref restored);
                }

                if (restored > 0)
                {
                    VerdictPublisher.Attach(response, _publisher.Publish(GuardAction.Modify, GuardCategories.PiiRestored, 1, _publisher.Elapsed(start), conversationId));
                }
            }

            return response;
        }
        finally
        {
            if (ephemeral)
            {
                _vault.ClearScope(scope);
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Redaction runs when the enumeration starts, as an async iterator would. The reply joins the stack's one iterator
    /// (see docs/guards.md, "How a guard streams cheaply"); an update with no '&lt;' while nothing is held back is
    /// passed on after one vectorised search.
    /// </remarks>
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GuardStream.Defer(() =>
        {
            ArgumentNullException.ThrowIfNull(messages);
            cancellationToken.ThrowIfCancellationRequested(); // a cancelled request costs no detection work
            var conversationId = ConversationKeys.ConversationId(options, _options.ConversationIdKey);
            var (scope, ephemeral) = ScopeOf(conversationId);
            try
            {
                var (redacted, verdict) = RedactAll(messages, scope, conversationId);
                var stage = _options.RestoreInReply || ephemeral ? new RestoreStage(this, scope, ephemeral, conversationId) : null;
                return GuardStreamStart.Continue(base.GetStreamingResponseAsync(redacted, options, cancellationToken), verdict, stage);
            }
            catch when (ephemeral)
            {
                _vault.ClearScope(scope);
                throw;
            }
        });

    private static (string Scope, bool Ephemeral) ScopeOf(string? conversationId) =>
        conversationId is null
            ? (RequestScopePrefix + Guid.NewGuid().ToString("N"), true)
            : (ScopePrefix + conversationId, false);

    private (List<ChatMessage> Messages, GuardVerdict Verdict) RedactAll(IEnumerable<ChatMessage> messages, string scope, string? conversationId)
    {
        var start = _publisher.Start();
        var result = messages is ICollection<ChatMessage> c ? new List<ChatMessage>(c.Count) : new List<ChatMessage>();
        var found = 0;
        var score = 0.0;
        var originals = messages as IList<ChatMessage> ?? [.. messages];
        var known = _vault.GetKnownValues(scope);
        var lastChange = -1; // the last message after which the scope held new values
        for (var i = 0; i < originals.Count; i++)
        {
            var message = originals[i];
            result.Add(ShouldRedact(message.Role) ? Redact(message, scope, ref found, ref score) : message);
            if (found > 0 && _vault.GetKnownValues(scope) is { } now && !ReferenceEquals(now, known))
            {
                known = now;
                lastChange = i;
            }
        }

        // A value first found in context after a bare mention of it (an assistant greeting "Is this Koffi?" before the
        // user's "my name is Koffi"), in a request whose scope did not yet hold it (the first request, every request
        // without a conversation id, a scope forgotten or evicted): redact the messages before the last change once more.
        for (var i = 0; i < lastChange; i++)
        {
            if (ShouldRedact(originals[i].Role))
            {
                result[i] = Redact(originals[i], scope, ref found, ref score);
            }
        }

        var verdict = found > 0
            ? _publisher.Publish(GuardAction.Modify, GuardCategories.PiiRedacted, score, _publisher.Elapsed(start), conversationId)
            : _publisher.Publish(GuardAction.Allow, GuardCategories.None, 0, _publisher.Elapsed(start), conversationId);
        return (result, verdict);
    }

    private bool ShouldRedact(ChatRole role) =>
        role == ChatRole.User || role == ChatRole.Tool || (role == ChatRole.Assistant && _options.RedactAssistantHistory);

    private ChatMessage Redact(ChatMessage message, string scope, ref int found, ref double score)
    {
        List<AIContent>? contents = null;
        for (var i = 0; i < message.Contents.Count; i++)
        {
            var content = message.Contents[i];
            AIContent? replacement = content switch
            {
                TextContent t when t.Text is { Length: > 0 } text && RedactText(text, scope, ref found, ref score) is { } r =>
                    new TextContent(r) { AdditionalProperties = t.AdditionalProperties },
                FunctionResultContent f when f.Result is not null && RedactText(FunctionResultText.Of(f.Result), scope, ref found, ref score) is { } r =>
                    new FunctionResultContent(f.CallId, r) { AdditionalProperties = f.AdditionalProperties },
                FunctionCallContent call when call.Arguments is { Count: > 0 } => RedactArguments(call, scope, ref found, ref score),
                _ => null,
            };
            if (replacement is not null)
            {
                contents ??= [.. message.Contents];
                contents[i] = replacement;
            }
        }

        return contents is null
            ? message
            : new ChatMessage(message.Role, contents)
            {
                AuthorName = message.AuthorName,
                MessageId = message.MessageId,
                CreatedAt = message.CreatedAt,
                AdditionalProperties = message.AdditionalProperties,
            };
    }

    /// <summary>
    /// A copy of the call with the personal data in its arguments pseudonymised (every string, also inside nested JSON
    /// or dictionaries, and objects the app built, serialised to JSON), or null when the arguments have none.
    /// </summary>
    private FunctionCallContent? RedactArguments(FunctionCallContent call, string scope, ref int found, ref double score)
    {
        var tally = new Tally();
        var redacted = FunctionCallArguments.Rewrite(call, text => RedactText(text, scope, ref tally.Found, ref tally.Score), redacting: true);
        found += tally.Found;
        score = Math.Max(score, tally.Score);
        return redacted;
    }

    /// <summary>The redacted text, or null when <paramref name="text"/> has no personal data.</summary>
    /// <remarks>
    /// Besides what the detector finds, every value the scope's vault already holds is pseudonymised wherever it occurs
    /// again (<see cref="IPseudonymVault.GetKnownValues"/>): a name found once after "my name is" is not found alone by
    /// detection, in a later turn, a tool's result or the restored history. A second, bare occurrence of a value found
    /// in this same text is caught too (<see cref="KnownPiiValues.CompleteRepeats"/>).
    /// </remarks>
    private string? RedactText(string text, string scope, ref int found, ref double score) =>
        RedactText(text, scope, ref found, ref score, out _);

    /// <param name="text">The text.</param>
    /// <param name="scope">The pseudonym scope.</param>
    /// <param name="found">Incremented by the number of values found.</param>
    /// <param name="score">Raised to the highest match score.</param>
    /// <param name="knownValue">Whether a value was found only as a known value (not by detection in this text).</param>
    private string? RedactText(string text, string scope, ref int found, ref double score, out bool knownValue)
    {
        knownValue = false;
        IReadOnlyList<PiiMatch> matches = _detector.Detect(text);
        if (matches.Count > 0)
        {
            matches = KnownPiiValues.CompleteRepeats(text, matches);
        }

        if (_vault.GetKnownValues(scope) is { } known)
        {
            matches = known.Complete(text, matches);
        }

        if (matches.Count == 0)
        {
            return null;
        }

        found += matches.Count;
        for (var i = 0; i < matches.Count; i++)
        {
            score = Math.Max(score, Math.Clamp(matches[i].Score, 0, 1));
            knownValue |= matches[i].Recognizer == KnownPiiValues.RecognizerName;
        }

        var sb = new System.Text.StringBuilder(text.Length + 16);
        _redactor.Apply(text, matches, scope, sb);
        return sb.ToString();
    }

    private void RestoreContents(IList<AIContent> contents, string scope, ref int restored)
    {
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is TextContent { Text: { Length: > 0 } text } t)
            {
                t.Text = PseudonymRestorer.Restore(text, _vault, scope, ref restored);
            }
            else if (contents[i] is FunctionCallContent call && RestoreArguments(call, scope, ref restored) is { } real)
            {
                contents[i] = real;
            }
        }
    }

    /// <summary>
    /// A copy of the call with the pseudonyms in its arguments restored (every string, also inside nested JSON), so
    /// that a tool invoked outside the guard acts on the user's real values; null when there is none to restore, or
    /// when <see cref="PiiRedactionOptions.RedactAssistantHistory"/> is off (the call, with the real values, would go
    /// back to the model unredacted in the tool loop's next request).
    /// </summary>
    private FunctionCallContent? RestoreArguments(FunctionCallContent call, string scope, ref int restored)
    {
        if (!_options.RedactAssistantHistory || call.Arguments is not { Count: > 0 })
        {
            return null;
        }

        var tally = new Tally();
        var real = FunctionCallArguments.Rewrite(call, text => RestoreText(text, scope, tally), redacting: false);
        restored += tally.Found;
        return real;
    }

    private string? RestoreText(string text, string scope, Tally tally)
    {
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return null;
        }

        var found = 0;
        var restored = PseudonymRestorer.Restore(text, _vault, scope, ref found);
        if (found == 0)
        {
            return null;
        }

        // The restored call goes back to the model in the tool loop's next request, where this guard pseudonymises its
        // arguments again by detection. A value the detector finds only in context (a name after "my name is") would
        // not be found alone and would reach the model: restore an argument only when redacting it gives back exactly
        // what the model sent. A value found again only as a known value (the vault's list) is not restored either:
        // the list finds a verbatim repeat only, so a tool that returned it split, reordered or in part (a surname
        // field) would send that part to the model in clear. The tool gets the pseudonym, as with a vault that cannot list.
        int again = 0;
        double score = 0;
        if (!string.Equals(RedactText(restored, scope, ref again, ref score, out var knownValue) ?? restored, text, StringComparison.Ordinal)
            || knownValue)
        {
            return null;
        }

        tally.Found += found;
        return restored;
    }

    private void RestoreUpdate(ChatResponseUpdate update, StreamingPseudonymRestorer restorer, string scope, ref int restoredArguments)
    {
        var contents = update.Contents;
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is TextContent t)
            {
                t.Text = restorer.Append(t.Text ?? "");
                continue;
            }

            if (restorer.PendingLength > 0)
            {
                // Text held back must not move behind other content: flush it in front of it.
                contents.Insert(i, new TextContent(restorer.Flush()));
                i++;
            }

            if (contents[i] is FunctionCallContent call && RestoreArguments(call, scope, ref restoredArguments) is { } real)
            {
                contents[i] = real;
            }
        }
    }

    /// <summary>Whether an update can change: text is held back, or a text content has a '&lt;'.</summary>
    private static bool MayRestore(ChatResponseUpdate update, StreamingPseudonymRestorer restorer)
    {
        if (restorer.PendingLength > 0)
        {
            return true;
        }

        var contents = update.Contents;
        for (var i = 0; i < contents.Count; i++)
        {
            if ((contents[i] is TextContent { Text: { } text } && text.Contains('<', StringComparison.Ordinal))
                || contents[i] is FunctionCallContent { Arguments.Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts what a callback found (a lambda cannot write to a ref parameter).</summary>
    private sealed class Tally
    {
        public int Found;
        public double Score;
    }

    /// <summary>The reply side of one streamed request: restores pseudonyms, reports it once, ends an ephemeral scope.</summary>
    private sealed class RestoreStage(PiiRedactionChatClient owner, string scope, bool ephemeral, string? conversationId) : GuardStreamStage
    {
        private readonly StreamingPseudonymRestorer? _restorer =
            owner._options.RestoreInReply ? new StreamingPseudonymRestorer(owner._vault, scope) : null;

        private bool _reported;
        private int _restoredArguments;

        /// <summary>The update whose text the restorer holds back (its message), when it holds some.</summary>
        private ChatResponseUpdate? _heldFrom;

        public override bool InspectsUpdates => _restorer is not null;

        /// <summary>
        /// The id of the message the reply is in: the last non-empty <see cref="ChatResponseUpdate.MessageId"/> seen.
        /// An update without an id belongs to the message before it, as Microsoft.Extensions.AI's
        /// <c>ToChatResponse</c> reads it.
        /// </summary>
        private string? _messageId;

        /// <summary>The message id the held-back text belongs to (<see cref="_messageId"/> when it was held).</summary>
        private string? _heldMessageId;

        public override ChatResponseUpdate? OnUpdate(ChatResponseUpdate update)
        {
            if (_restorer is null)
            {
                return null;
            }

            // Only a change between two non-empty ids ends a message; an update without an id continues it.
            var newMessage = !string.IsNullOrEmpty(update.MessageId)
                && !string.IsNullOrEmpty(_messageId)
                && !string.Equals(update.MessageId, _messageId, StringComparison.Ordinal);
            if (!string.IsNullOrEmpty(update.MessageId))
            {
                _messageId = update.MessageId;
            }

            if (!MayRestore(update, _restorer))
            {
                return null;
            }

            var start = owner._publisher.Start();
            var before = _restorer.PendingLength > 0 && newMessage
                ? EndOfHeldMessage()
                : null;
            owner.RestoreUpdate(update, _restorer, scope, ref _restoredArguments);
            _heldFrom = _restorer.PendingLength > 0 ? update : null;
            _heldMessageId = _restorer.PendingLength > 0 ? _messageId : null;
            if (!_reported && _restorer.Restored + _restoredArguments > 0)
            {
                _reported = true;
                VerdictPublisher.Attach(update, owner._publisher.Publish(GuardAction.Modify, GuardCategories.PiiRestored, 1, owner._publisher.Elapsed(start), conversationId));
            }

            return before;
        }

        /// <summary>
        /// The reply moved on to another message while text of the previous one was held back: that text ends the
        /// previous message (restored as far as it goes), in an update of its own, yielded before the new message's.
        /// </summary>
        private ChatResponseUpdate EndOfHeldMessage() =>
            new(_heldFrom?.Role ?? ChatRole.Assistant, _restorer!.Flush())
            {
                MessageId = _heldMessageId,
                ResponseId = _heldFrom?.ResponseId,
                ConversationId = _heldFrom?.ConversationId,
                AuthorName = _heldFrom?.AuthorName,
            };

        public override ChatResponseUpdate? OnCompleted(ChatResponseUpdate? last)
        {
            var tail = _restorer?.Flush() ?? "";
            var unreported = !_reported && _restorer?.Restored + _restoredArguments > 0;
            if (tail.Length == 0 && !unreported)
            {
                return null;
            }

            var final = new ChatResponseUpdate(ChatRole.Assistant, tail)
            {
                ResponseId = last?.ResponseId,
                MessageId = last?.MessageId,
                ConversationId = last?.ConversationId,
            };
            if (unreported)
            {
                _reported = true;
                VerdictPublisher.Attach(final, owner._publisher.Publish(GuardAction.Modify, GuardCategories.PiiRestored, 1, TimeSpan.Zero, conversationId));
            }

            return final;
        }

        public override void OnDisposed()
        {
            if (ephemeral)
            {
                owner._vault.ClearScope(scope);
            }
        }
    }
}
