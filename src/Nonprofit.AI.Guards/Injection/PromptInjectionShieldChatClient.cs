using System;
using Nonprofit.AI.Guards.Detection;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Checks the user's message, tool and function results and retrieved documents for prompt injection before the inner
/// client sees them, and blocks or neutralises per source (<see cref="PromptInjectionShieldOptions"/>).
/// </summary>
/// <remarks>
/// <para>
/// Sources: a message with role <c>User</c> is the user's (only the latest unless
/// <see cref="PromptInjectionShieldOptions.CheckAllUserMessages"/>); a <see cref="FunctionResultContent"/> or a message
/// with role <c>Tool</c> is a tool result; a message or content whose
/// <c>AdditionalProperties[<see cref="PromptInjectionShieldOptions.SourceKey"/>]</c> is
/// <see cref="PromptInjectionShieldOptions.RetrievedSource"/> (<c>"retrieved"</c>) is a retrieved document, whatever
/// its role. System and assistant messages are the app's and the model's, and are not checked.
/// </para>
/// <para>
/// A block answers with the refusal in the user's language (from the <see cref="ILanguageIdentifier"/> when given) and
/// <see cref="ChatFinishReason.ContentFilter"/>; the inner client is not called. Neutralising copies the message (the
/// caller's messages are never changed). Verdicts carry the category (<see cref="GuardCategories.InjectionDirect"/> or
/// <see cref="GuardCategories.InjectionIndirect"/>) and score, never text.
/// </para>
/// <para>
/// A text of at least <see cref="MinCachedLength"/> characters (a large tool result or document, which the conversation
/// sends again on every turn) is read whole once: its detection is kept in a bounded cache of this client, keyed on a
/// SHA-256 hash of the text and its source (never the text), so the detector must answer the same for the same text
/// and source. The cache holds at most <see cref="VerdictCacheCapacity"/> detections, the oldest going first.
/// </para>
/// </remarks>
public sealed partial class PromptInjectionShieldChatClient : DelegatingChatClient
{
    /// <summary>The name this guard puts in its verdicts.</summary>
    public const string GuardName = "prompt_injection";

    private const string WrapOpen = "<<<untrusted";
    private const string WrapClose = "untrusted>>>";

    private readonly IPromptInjectionDetector _detector;
    private readonly ILanguageIdentifier? _languages;
    private readonly PromptInjectionShieldOptions _options;
    private readonly VerdictPublisher _publisher;
    private readonly VerdictCache _cache = new();

    /// <summary>Creates the guard.</summary>
    /// <param name="innerClient">The inner client.</param>
    /// <param name="detector">The detector; <see cref="PromptInjectionDetector.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="languageIdentifier">Picks the refusal's language; <see cref="PromptInjectionShieldOptions.DefaultLanguage"/> when <see langword="null"/>.</param>
    /// <param name="observers">Observers of this guard's verdicts.</param>
    /// <param name="timeProvider">Times the guard's work; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public PromptInjectionShieldChatClient(
        IChatClient innerClient,
        IPromptInjectionDetector? detector = null,
        PromptInjectionShieldOptions? options = null,
        ILanguageIdentifier? languageIdentifier = null,
        IEnumerable<IGuardObserver>? observers = null,
        TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        _options = options ?? new PromptInjectionShieldOptions();
        if (_options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _detector = detector ?? PromptInjectionDetector.Default;
        _languages = languageIdentifier;
        _publisher = new VerdictPublisher(GuardName, observers, timeProvider);
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested(); // a cancelled request costs no detection work
        var decision = Decide(messages, options);
        if (decision.Refusal is { } refusal)
        {
            var blocked = new ChatResponse(new ChatMessage(ChatRole.Assistant, refusal)) { FinishReason = ChatFinishReason.ContentFilter };
            VerdictPublisher.Attach(blocked, decision.Verdict);
            return blocked;
        }

        var response = await base.GetResponseAsync(decision.Messages, options, cancellationToken).ConfigureAwait(false);
        VerdictPublisher.Attach(response, decision.Verdict);
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
            ArgumentNullException.ThrowIfNull(messages);
            cancellationToken.ThrowIfCancellationRequested(); // a cancelled request costs no detection work
            var decision = Decide(messages, options);
            return decision.Refusal is { } refusal
                ? GuardStreamStart.Replace(new ChatResponseUpdate(ChatRole.Assistant, refusal) { FinishReason = ChatFinishReason.ContentFilter }, decision.Verdict)
                : GuardStreamStart.Continue(base.GetStreamingResponseAsync(decision.Messages, options, cancellationToken), decision.Verdict);
        });

    private readonly record struct Decision(IEnumerable<ChatMessage> Messages, GuardVerdict Verdict, string? Refusal);

    /// <summary>What the checks found so far: the strongest finding per action.</summary>
    private struct Findings
    {
        public GuardAction Action;
        public string? Category;
        public double Score;

        public void Add(GuardAction action, GuardDetection detection)
        {
            // Block outranks Modify, which outranks a reported Allow; within one action the higher score wins.
            if (Category is null || action > Action || (action == Action && detection.Score > Score))
            {
                Action = action;
                Category = detection.Category;
                Score = detection.Score;
            }
        }
    }

    private Decision Decide(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var start = _publisher.Start();
        var conversationId = ConversationKeys.ConversationId(options, _options.ConversationIdKey);
        var list = messages as IList<ChatMessage> ?? [.. messages];
        var latestUser = -1;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].Role == ChatRole.User && !IsRetrieved(list[i].AdditionalProperties))
            {
                latestUser = i;
                break;
            }
        }

        var findings = default(Findings);
        List<ChatMessage>? rewritten = null;
        for (var i = 0; i < list.Count; i++)
        {
            var message = list[i];
            var source = SourceOf(message);
            if (source is null || (source == PromptInjectionSource.User && i != latestUser && !_options.CheckAllUserMessages))
            {
                continue;
            }

            if (Check(message, source.Value, ref findings) is { } replacement)
            {
                rewritten ??= [.. list];
                rewritten[i] = replacement;
            }
        }

        var elapsed = _publisher.Elapsed(start);
        if (findings.Category is not { } category)
        {
            return new(list, _publisher.Publish(GuardAction.Allow, GuardCategories.None, 0, elapsed, conversationId), null);
        }

        var verdict = _publisher.Publish(findings.Action, category, findings.Score, elapsed, conversationId);
        return findings.Action == GuardAction.Block
            ? new(list, verdict, Refusal(latestUser >= 0 ? list[latestUser].Text : ""))
            : new(rewritten ?? list, verdict, null);
    }

    private PromptInjectionSource? SourceOf(ChatMessage message) =>
        IsRetrieved(message.AdditionalProperties) ? PromptInjectionSource.RetrievedDocument
        : message.Role == ChatRole.Tool ? PromptInjectionSource.ToolResult
        : message.Role == ChatRole.User ? PromptInjectionSource.User
        : null;

    private bool IsRetrieved(AdditionalPropertiesDictionary? properties) =>
        properties is not null && properties.TryGetValue(_options.SourceKey, out var value)
        && value?.ToString() is { } s && s.Equals(PromptInjectionShieldOptions.RetrievedSource, StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks a message's contents; returns a neutralised copy when one of them was neutralised.</summary>
    private ChatMessage? Check(ChatMessage message, PromptInjectionSource messageSource, ref Findings findings)
    {
        List<AIContent>? contents = null;
        for (var i = 0; i < message.Contents.Count; i++)
        {
            var content = message.Contents[i];
            string? text;
            PromptInjectionSource source;
            switch (content)
            {
                case TextContent t:
                    text = t.Text;
                    source = IsRetrieved(t.AdditionalProperties) ? PromptInjectionSource.RetrievedDocument : messageSource;
                    break;
                case FunctionResultContent f:
                    text = f.Result is null ? null : FunctionResultText.Of(f.Result);
                    source = IsRetrieved(f.AdditionalProperties) ? PromptInjectionSource.RetrievedDocument : PromptInjectionSource.ToolResult;
                    break;
                default:
                    continue;
            }

            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var detection = Detect(text, source);
            if (detection.IsEmpty)
            {
                continue;
            }

            var policy = _options.PolicyFor(source);
            findings.Add(policy switch
            {
                PromptInjectionPolicy.Block => GuardAction.Block,
                PromptInjectionPolicy.Neutralise => GuardAction.Modify,
                _ => GuardAction.Allow,
            }, detection);
            if (policy == PromptInjectionPolicy.Neutralise)
            {
                contents ??= [.. message.Contents];
                contents[i] = Neutralise(content, text, source);
            }
        }

        return contents is null
            ? null
            : new ChatMessage(message.Role, contents)
            {
                AuthorName = message.AuthorName,
                MessageId = message.MessageId,
                CreatedAt = message.CreatedAt,
                AdditionalProperties = message.AdditionalProperties,
            };
    }

    private AIContent Neutralise(AIContent content, string text, PromptInjectionSource source)
    {
        var mode = source == PromptInjectionSource.User ? _options.UserNeutralisation : _options.IndirectNeutralisation;
        var replacement = mode == PromptInjectionNeutralisation.Remove
            ? _options.RemovedNotice
            : string.Concat(_options.WrapNotice, "\n", WrapOpen, "\n", Defang(text), "\n", WrapClose);
        return content is FunctionResultContent f
            ? new FunctionResultContent(f.CallId, replacement) { AdditionalProperties = f.AdditionalProperties }
            : new TextContent(replacement) { AdditionalProperties = content.AdditionalProperties };
    }

    /// <summary>Keeps the wrapped text from closing the wrapper or opening a chat-template turn.</summary>
    private static string Defang(string text) =>
        text.Replace(WrapClose, "untrusted> >", StringComparison.Ordinal)
            .Replace("<|", "< |", StringComparison.Ordinal)
            .Replace("|>", "| >", StringComparison.Ordinal);

    private string Refusal(string userText)
    {
        if (_languages is null || string.IsNullOrEmpty(userText))
        {
            return _options.RefusalFor(null, null);
        }

        var language = _languages.Identify(userText);
        return language.IsKnown ? _options.RefusalFor(language.Language, language.Script) : _options.RefusalFor(null, null);
    }
}
