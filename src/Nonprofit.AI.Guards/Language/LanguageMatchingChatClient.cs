using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Asks the model to reply in the user's language, and checks that it did. The language of the latest user message
/// (or, when that is too short to tell, of the one before, up to <see cref="LanguageMatchingOptions.UserMessagesToRead"/>)
/// comes from an <see cref="ILanguageIdentifier"/>; when it is known, an instruction in
/// <see cref="LanguageMatchingOptions.Instructions"/> goes to the model (see
/// <see cref="LanguageMatchingOptions.InstructionPlacement"/>), and the reply's language is compared with it: the start
/// of the text (what the identifier reads) when not streaming, the first <see cref="LanguageMatchingOptions.StreamingCheckCharacters"/> characters (more
/// while unsure) when streaming, without holding updates back.
/// </summary>
/// <remarks>
/// <para>
/// One verdict per request: <see cref="GuardAction.Allow"/> with <see cref="GuardCategories.None"/> (score: the user
/// language's confidence), <see cref="GuardAction.Allow"/> with <see cref="GuardCategories.LanguageMismatch"/>
/// (<see cref="LanguageMismatchAction.Flag"/>; score: the reply language's confidence) or <see cref="GuardAction.Modify"/>
/// with <see cref="GuardCategories.LanguageMismatch"/> (<see cref="LanguageMismatchAction.Replace"/>). When streaming,
/// the verdict rides on the update where the check decided, or on an extra empty update at the end.
/// </para>
/// <para>
/// The user's <see cref="LanguageIdentification"/> is published under <see cref="LanguageKey"/> in the forwarded
/// request's <c>ChatOptions.AdditionalProperties</c> (for the guards inside this one), in the response's (or first
/// update's) <c>AdditionalProperties</c>; read it with <see cref="LanguageMatchingExtensions"/>. Same language in another
/// script (Devanagari reply to romanised Hindi) is not a mismatch.
/// </para>
/// </remarks>
public sealed class LanguageMatchingChatClient : DelegatingChatClient
{
    /// <summary>The name this guard puts in its verdicts.</summary>
    public const string GuardName = "language_matching";

    /// <summary>
    /// The <c>AdditionalProperties</c> key under which the user's <see cref="LanguageIdentification"/> is published
    /// (request options, response, first streamed update).
    /// </summary>
    public const string LanguageKey = "nonprofit.guards.language";

    private readonly ILanguageIdentifier _identifier;
    private readonly LanguageMatchingOptions _options;
    private readonly VerdictPublisher _publisher;

    /// <summary>Creates the guard.</summary>
    /// <param name="innerClient">The inner client.</param>
    /// <param name="identifier">The language identifier; <see cref="LanguageIdentifier.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="observers">Observers of this guard's verdicts.</param>
    /// <param name="timeProvider">Times the guard's work; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public LanguageMatchingChatClient(
        IChatClient innerClient,
        ILanguageIdentifier? identifier = null,
        LanguageMatchingOptions? options = null,
        IEnumerable<IGuardObserver>? observers = null,
        TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        _options = options ?? new LanguageMatchingOptions();
        if (_options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _identifier = identifier ?? LanguageIdentifier.Default;
        _publisher = new VerdictPublisher(GuardName, observers, timeProvider);
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested(); // a cancelled request costs no detection work
        var start = _publisher.Start();
        var user = UserLanguage(messages);
        var (forwardMessages, forwardOptions) = Prepare(messages, options, user);
        var own = _publisher.Elapsed(start);

        var response = await base.GetResponseAsync(forwardMessages, forwardOptions, cancellationToken).ConfigureAwait(false);

        start = _publisher.Start();
        var reply = user.IsKnown ? _identifier.Identify(response.Text) : LanguageIdentification.Unknown;
        var mismatch = IsMismatch(user, reply);
        if (mismatch && _options.OnMismatch == LanguageMismatchAction.Replace)
        {
            response.Messages = [new ChatMessage(ChatRole.Assistant, MismatchMessage(user))];
        }

        var verdict = Publish(user, reply, mismatch, own + _publisher.Elapsed(start), options);
        VerdictPublisher.Attach(response, verdict);
        response.AdditionalProperties![LanguageKey] = user;
        return response;
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested(); // a cancelled request costs no detection work
        var start = _publisher.Start();
        var user = UserLanguage(messages);
        var (forwardMessages, forwardOptions) = Prepare(messages, options, user);
        var check = user.IsKnown ? new ReplyCheck(_options.StreamingCheckCharacters) : null;
        var own = _publisher.Elapsed(start);
        GuardVerdict? verdict = user.IsKnown ? null : Publish(user, LanguageIdentification.Unknown, false, own, options);
        var first = true;
        var replace = false;
        ChatResponseUpdate? last = null;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(forwardMessages, forwardOptions, cancellationToken).ConfigureAwait(false))
            {
                if (first)
                {
                    update.AdditionalProperties ??= [];
                    update.AdditionalProperties[LanguageKey] = user;
                    if (verdict is not null)
                    {
                        VerdictPublisher.Attach(update, verdict);
                    }

                    first = false;
                }

                if (verdict is null && check is not null)
                {
                    start = _publisher.Start();
                    if (check.Append(update, _identifier) is { } reply && (IsConclusive(user, reply) || check.Full))
                    {
                        var mismatch = IsMismatch(user, reply);
                        replace = mismatch && _options.OnMismatch == LanguageMismatchAction.Replace;
                        verdict = Publish(user, reply, mismatch, own + check.Elapsed + _publisher.Elapsed(start), options);
                        if (!replace)
                        {
                            VerdictPublisher.Attach(update, verdict);
                        }
                    }
                    else
                    {
                        check.Elapsed += _publisher.Elapsed(start);
                    }
                }

                last = update;
                yield return update;
                if (replace)
                {
                    // The reply is in another language: end it here (the inner stream is disposed, so the model stops)
                    // and send the message in the user's language.
                    var message = new ChatResponseUpdate(ChatRole.Assistant, "\n\n" + MismatchMessage(user))
                    {
                        MessageId = update.MessageId,
                        ResponseId = update.ResponseId,
                        ConversationId = update.ConversationId,
                        FinishReason = ChatFinishReason.Stop,
                    };
                    VerdictPublisher.Attach(message, verdict!);
                    yield return message;
                    yield break;
                }
            }

            if (verdict is null || first)
            {
                // Short reply (or none): decide on what arrived and send the verdict on an extra, empty update.
                if (verdict is null)
                {
                    start = _publisher.Start();
                    var reply = check!.Final(_identifier);
                    verdict = Publish(user, reply, IsMismatch(user, reply), own + check.Elapsed + _publisher.Elapsed(start), options);
                }

                var closing = new ChatResponseUpdate
                {
                    Role = ChatRole.Assistant,
                    MessageId = last?.MessageId,
                    ResponseId = last?.ResponseId,
                    ConversationId = last?.ConversationId,
                };
                if (first)
                {
                    closing.AdditionalProperties = new() { [LanguageKey] = user };
                }

                VerdictPublisher.Attach(closing, verdict);
                yield return closing;
            }
        }
        finally
        {
            check?.Dispose();
        }
    }

    /// <summary>The language of the latest user message whose language is known, reading back at most the configured number.</summary>
    private LanguageIdentification UserLanguage(IEnumerable<ChatMessage> messages)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var read = 0;
        var latest = LanguageIdentification.Unknown;
        for (var i = list.Count - 1; i >= 0 && read < _options.UserMessagesToRead; i--)
        {
            if (list[i].Role != ChatRole.User)
            {
                continue;
            }

            var identified = _identifier.Identify(list[i].Text);
            if (identified.IsKnown)
            {
                return identified;
            }

            if (read == 0)
            {
                latest = identified;
            }

            read++;
        }

        return latest;
    }

    private (IEnumerable<ChatMessage> Messages, ChatOptions Options) Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options, LanguageIdentification user)
    {
        var forward = options?.Clone() ?? new ChatOptions();
        forward.AdditionalProperties = options?.AdditionalProperties is { } properties ? new(properties) : [];
        forward.AdditionalProperties[LanguageKey] = user;
        if (!user.IsKnown)
        {
            return (messages, forward);
        }

        var instruction = LanguageMessages.Lookup(_options.Instructions, user)
            ?? string.Format(CultureInfo.InvariantCulture, _options.FallbackInstruction, user.Language);
        if (_options.InstructionPlacement == LanguageInstructionPlacement.ChatOptionsInstructions)
        {
            forward.Instructions = string.IsNullOrEmpty(forward.Instructions) ? instruction : forward.Instructions + "\n\n" + instruction;
            return (messages, forward);
        }

        var list = new List<ChatMessage>(messages);
        var at = 0;
        while (at < list.Count && list[at].Role == ChatRole.System)
        {
            at++;
        }

        list.Insert(at, new ChatMessage(ChatRole.System, instruction));
        return (list, forward);
    }

    /// <summary>Whether a streamed reply's start is enough to decide: its language is the user's, or confidently another.</summary>
    private bool IsConclusive(LanguageIdentification user, LanguageIdentification reply) =>
        reply.IsKnown && (string.Equals(user.Language, reply.Language, StringComparison.Ordinal) || reply.Confidence >= _options.MinimumReplyConfidence);

    private bool IsMismatch(LanguageIdentification user, LanguageIdentification reply) =>
        user.IsKnown && reply.IsKnown && reply.Confidence >= _options.MinimumReplyConfidence
        && !string.Equals(user.Language, reply.Language, StringComparison.Ordinal);

    private string MismatchMessage(LanguageIdentification user) =>
        LanguageMessages.Lookup(_options.MismatchMessages, user) ?? _options.MismatchMessages["en"];

    private GuardVerdict Publish(LanguageIdentification user, LanguageIdentification reply, bool mismatch, TimeSpan elapsed, ChatOptions? options)
    {
        var conversationId = ConversationKeys.ConversationId(options, _options.ConversationIdKey);
        return !mismatch
            ? _publisher.Publish(GuardAction.Allow, GuardCategories.None, Math.Clamp(user.Confidence, 0, 1), elapsed, conversationId)
            : _publisher.Publish(
                _options.OnMismatch == LanguageMismatchAction.Replace ? GuardAction.Modify : GuardAction.Allow,
                GuardCategories.LanguageMismatch,
                Math.Clamp(reply.Confidence, 0, 1),
                elapsed,
                conversationId);
    }

    /// <summary>The start of a streamed reply, checked at growing lengths until its language is known.</summary>
    private sealed class ReplyCheck(int firstCheck) : IDisposable
    {
        private char[]? _buffer = ArrayPool<char>.Shared.Rent(LanguageIdentifier.MaximumCharacters);
        private int _length;
        private int _nextCheck = Math.Min(firstCheck, LanguageIdentifier.MaximumCharacters);

        public TimeSpan Elapsed { get; set; }

        /// <summary>Whether no more text is read (the checks are over).</summary>
        public bool Full => _length >= LanguageIdentifier.MaximumCharacters;

        /// <summary>Adds the update's text; at each check point (the first, then twice as many characters), the reply's language.</summary>
        public LanguageIdentification? Append(ChatResponseUpdate update, ILanguageIdentifier identifier)
        {
            foreach (var content in update.Contents)
            {
                if (content is TextContent { Text: { Length: > 0 } text } && _buffer is not null && _length < _buffer.Length)
                {
                    var take = Math.Min(text.Length, LanguageIdentifier.MaximumCharacters - _length);
                    text.AsSpan(0, take).CopyTo(_buffer.AsSpan(_length));
                    _length += take;
                }
            }

            if (_buffer is null || _length < _nextCheck)
            {
                return null;
            }

            _nextCheck = Math.Min(Math.Max(_nextCheck, _length) * 2, LanguageIdentifier.MaximumCharacters);
            return identifier.Identify(_buffer.AsSpan(0, _length));
        }

        /// <summary>The language of whatever arrived (the stream ended before a check decided).</summary>
        public LanguageIdentification Final(ILanguageIdentifier identifier) =>
            _buffer is null || _length == 0 ? LanguageIdentification.Unknown : identifier.Identify(_buffer.AsSpan(0, _length));

        public void Dispose()
        {
            if (_buffer is not null)
            {
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = null;
            }
        }
    }
}
