using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Keeps the conversation on the app's topics. The last user message is classified by an
/// <see cref="IScopeClassifier"/> (by default a <see cref="SimilarityScopeClassifier"/> built from the
/// <see cref="ScopeOptions"/>); greetings, thanks and requests for help, and short follow-ups to an in-scope question,
/// are in scope by default. An off-topic message gets a polite refusal in the user's language and the model is not
/// called (<see cref="GuardAction.Block"/>, category <see cref="GuardCategories.ScopeOffTopic"/>), or, in
/// <see cref="ScopeMode.Flag"/>, goes on with an <see cref="GuardAction.Allow"/> verdict of that category.
/// </summary>
/// <remarks>
/// The user's language comes from the <see cref="ILanguageIdentifier"/> given (the one <c>UseLanguageMatching</c>
/// registers); without one, the refusal is in English. Only user messages are classified: system, assistant and tool
/// messages are the app's and the model's. Nothing this guard reports contains text.
/// </remarks>
public sealed class ScopeChatClient : DelegatingChatClient
{
    /// <summary>The name this guard puts in its verdicts.</summary>
    public const string GuardName = "scope";

    private readonly ScopeOptions _options;
    private readonly IScopeClassifier _classifier;
    private readonly ILanguageIdentifier? _languages;
    private readonly VerdictPublisher _publisher;

    /// <summary>Creates the guard.</summary>
    /// <param name="innerClient">The inner client.</param>
    /// <param name="options">The topics and settings.</param>
    /// <param name="classifier">The classifier; a <see cref="SimilarityScopeClassifier"/> built from <paramref name="options"/> when <see langword="null"/>.</param>
    /// <param name="languageIdentifier">Identifies the user's language for the refusal; English when <see langword="null"/>.</param>
    /// <param name="observers">Observers of this guard's verdicts.</param>
    /// <param name="timeProvider">Times the guard's work; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public ScopeChatClient(
        IChatClient innerClient,
        ScopeOptions options,
        IScopeClassifier? classifier = null,
        ILanguageIdentifier? languageIdentifier = null,
        IEnumerable<IGuardObserver>? observers = null,
        TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _options = options;
        _classifier = classifier ?? new SimilarityScopeClassifier(options);
        _languages = languageIdentifier;
        _publisher = new VerdictPublisher(GuardName, observers, timeProvider);
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested(); // a cancelled request costs no detection work
        var (verdict, refusal) = Decide(messages, options);
        var response = refusal is not null
            ? new ChatResponse(new ChatMessage(ChatRole.Assistant, refusal)) { FinishReason = ChatFinishReason.Stop }
            : await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        VerdictPublisher.Attach(response, verdict);
        return response;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The decision is taken when the enumeration starts; the reply is not wrapped (see docs/guards.md, "How a guard
    /// streams cheaply"): the verdict goes on the first update at no cost per update.
    /// </remarks>
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GuardStream.Defer(() =>
        {
            cancellationToken.ThrowIfCancellationRequested(); // a cancelled request costs no detection work
            var (verdict, refusal) = Decide(messages, options);
            return refusal is not null
                ? GuardStreamStart.Replace(new ChatResponseUpdate(ChatRole.Assistant, refusal) { FinishReason = ChatFinishReason.Stop }, verdict)
                : GuardStreamStart.Continue(base.GetStreamingResponseAsync(messages, options, cancellationToken), verdict);
        });

    /// <summary>The verdict, and the refusal when the model must not be called.</summary>
    private (GuardVerdict Verdict, string? Refusal) Decide(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var start = _publisher.Start();
        var conversationId = ConversationKeys.ConversationId(options, _options.ConversationIdKey);
        string? last = null;
        string? previous = null;
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.User && message.Text is { Length: > 0 } text)
            {
                previous = last;
                last = text;
            }
        }

        var detection = last is null ? GuardDetection.None : Classify(last, previous);
        if (detection.IsEmpty)
        {
            return (_publisher.Publish(GuardAction.Allow, GuardCategories.None, 0, _publisher.Elapsed(start), conversationId), null);
        }

        if (_options.Mode == ScopeMode.Flag)
        {
            return (_publisher.Publish(GuardAction.Allow, GuardCategories.ScopeOffTopic, detection.Score, _publisher.Elapsed(start), conversationId), null);
        }

        var refusal = _options.RefusalFor(_languages?.Identify(last) ?? LanguageIdentification.Unknown);
        return (_publisher.Publish(GuardAction.Block, GuardCategories.ScopeOffTopic, detection.Score, _publisher.Elapsed(start), conversationId), refusal);
    }

    /// <summary>Classifies the last user message; a short follow-up to an in-scope message is in scope.</summary>
    private GuardDetection Classify(string last, string? previous)
    {
        var detection = _classifier.Detect(last);
        if (detection.IsEmpty || !_options.AllowShortFollowUps || previous is null || WordCount(last) > _options.FollowUpMaxWords)
        {
            return detection;
        }

        return _classifier.Detect(previous).IsEmpty ? GuardDetection.None : detection;
    }

    private static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }
}
