using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Checks the model's reply with an <see cref="IOutputSafetyDetector"/> before the user sees it. A reply with a finding
/// is replaced by <see cref="OutputSafetyOptions.SafeMessages"/> in the user's language, with
/// <see cref="ChatFinishReason.ContentFilter"/> and a <see cref="GuardAction.Block"/> verdict naming the strongest
/// category; other replies pass unchanged with an <see cref="GuardAction.Allow"/> verdict.
/// </summary>
/// <remarks>
/// <para>
/// The detector sees the reply, the texts of the user's messages (personal data the user gave is allowed back) and the
/// app's sources, passed in <c>ChatOptions.AdditionalProperties[<see cref="OutputSafetyOptions.SourcesKey"/>]</c> (a
/// string or strings) for the groundedness check.
/// </para>
/// <para>
/// Streaming holds back each sentence until it ends, checks it, then releases it: an unsafe sentence never reaches the
/// user, at the cost of showing text a sentence at a time (a run without a sentence end is released every
/// <see cref="OutputSafetyOptions.MaxHoldBackChars"/> characters, at a space). When a sentence is unsafe, the stream
/// stops there (the model's stream is disposed) with one last update that carries the safe text,
/// <see cref="ChatFinishReason.ContentFilter"/> and the verdict; the sentences already released stay shown, so an app
/// should replace the whole bubble when it sees that finish reason. Groundedness needs the whole reply, so when
/// streaming it is checked at the end, after the text was shown: an ungrounded reply ends with the same last update.
/// A phrase split across a forced release (no sentence end within the hold-back) is checked in two parts.
/// </para>
/// </remarks>
public sealed class OutputSafetyChatClient : DelegatingChatClient
{
    /// <summary>The name this guard puts in its verdicts.</summary>
    public const string GuardName = "output_safety";

    private readonly IOutputSafetyDetector _detector;
    private readonly OutputSafetyOptions _options;
    private readonly ILanguageIdentifier? _languages;
    private readonly VerdictPublisher _publisher;

    /// <summary>Creates the guard.</summary>
    /// <param name="innerClient">The client whose replies are checked.</param>
    /// <param name="detector">The detector; <see cref="OutputSafetyDetector.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="languageIdentifier">Picks the safe text's language from the last user message; English when <see langword="null"/>.</param>
    /// <param name="observers">Observers of this guard's verdicts.</param>
    /// <param name="timeProvider">Times the guard's work; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public OutputSafetyChatClient(
        IChatClient innerClient,
        IOutputSafetyDetector? detector = null,
        OutputSafetyOptions? options = null,
        ILanguageIdentifier? languageIdentifier = null,
        IEnumerable<IGuardObserver>? observers = null,
        TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        _options = options ?? new OutputSafetyOptions();
        if (_options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _detector = detector ?? OutputSafetyDetector.Default;
        _languages = languageIdentifier;
        _publisher = new VerdictPublisher(GuardName, observers, timeProvider);
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested(); // a cancelled request costs no detection work
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        var start = _publisher.Start();
        var detection = _detector.Detect(response.Text, Context(list, options, withSources: true));
        var conversationId = ConversationKeys.ConversationId(options, _options.ConversationIdKey);
        if (detection.IsEmpty)
        {
            VerdictPublisher.Attach(response, _publisher.Publish(GuardAction.Allow, GuardCategories.None, 0, _publisher.Elapsed(start), conversationId));
            return response;
        }

        response.Messages = [new ChatMessage(ChatRole.Assistant, SafeText(list)) { MessageId = response.Messages.LastOrDefault()?.MessageId }];
        response.FinishReason = ChatFinishReason.ContentFilter;
        VerdictPublisher.Attach(response, _publisher.Publish(GuardAction.Block, detection.Category, detection.Score, _publisher.Elapsed(start), conversationId));
        return response;
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested(); // a cancelled request costs no detection work
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var context = Context(list, options, withSources: false);
        var sources = Sources(options);
        var whole = sources.Count > 0 ? new StringBuilder() : null;
        var gate = new StreamingSentenceGate(_options.MaxHoldBackChars);
        var elapsed = TimeSpan.Zero;
        var released = false;
        ChatResponseUpdate? last = null;
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            if (last is not null && gate.PendingLength > 0 && update.MessageId is { } id && last.MessageId is { } previous && id != previous)
            {
                // A new message starts: the text held back belongs to the previous one, so it is checked and released
                // there, as its own update (nothing moves into the next message).
                var flushStart = _publisher.Start();
                var held = gate.Flush();
                var heldBlocked = Check(held, context, whole);
                elapsed += _publisher.Elapsed(flushStart);
                if (!heldBlocked.IsEmpty)
                {
                    yield return Blocked(last, heldBlocked, list, options, released, elapsed);
                    yield break;
                }

                released = true;
                yield return new ChatResponseUpdate(last.Role ?? ChatRole.Assistant, held)
                {
                    ResponseId = last.ResponseId,
                    MessageId = previous,
                    ConversationId = last.ConversationId,
                };
            }

            last = update;
            var start = _publisher.Start();
            var blocked = GuardDetection.None;
            var contents = update.Contents;
            for (var i = 0; i < contents.Count && blocked.IsEmpty; i++)
            {
                if (contents[i] is TextContent t)
                {
                    var ready = gate.Append(t.Text ?? "");
                    blocked = Check(ready, context, whole);
                    t.Text = ready;
                    released |= ready.Length > 0;
                }
                else if (gate.PendingLength > 0)
                {
                    // Held-back text must not move behind other content: check it and put it in front.
                    var ready = gate.Flush();
                    blocked = Check(ready, context, whole);
                    contents.Insert(i++, new TextContent(ready));
                    released = true;
                }
            }

            elapsed += _publisher.Elapsed(start);
            if (!blocked.IsEmpty)
            {
                yield return Blocked(update, blocked, list, options, released, elapsed);
                yield break;
            }

            yield return update;
        }

        var end = _publisher.Start();
        var tail = gate.Flush();
        var detection = Check(tail, context, whole);
        if (detection.IsEmpty && whole is not null)
        {
            detection = _detector.Detect(whole.ToString(), new OutputSafetyContext(context.UserTexts, sources));
        }

        elapsed += _publisher.Elapsed(end);
        if (!detection.IsEmpty)
        {
            yield return Blocked(last, detection, list, options, released || tail.Length > 0, elapsed);
            yield break;
        }

        var final = new ChatResponseUpdate(ChatRole.Assistant, tail) { ResponseId = last?.ResponseId, MessageId = last?.MessageId, ConversationId = last?.ConversationId };
        VerdictPublisher.Attach(final, _publisher.Publish(GuardAction.Allow, GuardCategories.None, 0, elapsed, ConversationKeys.ConversationId(options, _options.ConversationIdKey)));
        yield return final;
    }

    private GuardDetection Check(string text, OutputSafetyContext context, StringBuilder? whole)
    {
        if (text.Length == 0)
        {
            return GuardDetection.None;
        }

        whole?.Append(text);
        return _detector.Detect(text, context);
    }

    private ChatResponseUpdate Blocked(ChatResponseUpdate? last, GuardDetection detection, IReadOnlyList<ChatMessage> messages, ChatOptions? options, bool afterText, TimeSpan elapsed)
    {
        var update = new ChatResponseUpdate(ChatRole.Assistant, (afterText ? "\n\n" : "") + SafeText(messages))
        {
            FinishReason = ChatFinishReason.ContentFilter,
            ResponseId = last?.ResponseId,
            MessageId = last?.MessageId,
            ConversationId = last?.ConversationId,
        };
        var conversationId = ConversationKeys.ConversationId(options, _options.ConversationIdKey);
        VerdictPublisher.Attach(update, _publisher.Publish(GuardAction.Block, detection.Category, detection.Score, elapsed, conversationId));
        return update;
    }

    private OutputSafetyContext Context(IReadOnlyList<ChatMessage> messages, ChatOptions? options, bool withSources)
    {
        var users = new List<string>();
        foreach (var m in messages)
        {
            if (m.Role == ChatRole.User && m.Text is { Length: > 0 } text)
            {
                users.Add(text);
            }
        }

        return new OutputSafetyContext(users, withSources ? Sources(options) : null);
    }

    private IReadOnlyList<string> Sources(ChatOptions? options) =>
        options?.AdditionalProperties is { } p && p.TryGetValue(_options.SourcesKey, out var value)
            ? value switch
            {
                string s => [s],
                IEnumerable<string> many => [.. many],
                IEnumerable many => [.. many.Cast<object?>().Select(o => o?.ToString() ?? "")],
                _ => [],
            }
            : [];

    private string SafeText(IReadOnlyList<ChatMessage> messages)
    {
        if (_languages is null)
        {
            return _options.SafeMessageFor(LanguageIdentification.Unknown);
        }

        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User && messages[i].Text is { Length: > 0 } text)
            {
                return _options.SafeMessageFor(_languages.Identify(text));
            }
        }

        return _options.SafeMessageFor(LanguageIdentification.Unknown);
    }
}
