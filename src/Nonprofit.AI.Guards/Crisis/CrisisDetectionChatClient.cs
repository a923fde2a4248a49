using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Checks the latest user message (or the last <see cref="CrisisDetectionOptions.UserMessagesToCheck"/>) of every request
/// with an <see cref="ICrisisDetector"/>. On a detection it calls the app's <see cref="ICrisisEscalation"/>, answers with
/// the configured safe message in the user's language followed by local help from the app's
/// <see cref="IHelplineDirectory"/>, and reports a <see cref="GuardAction.Escalate"/> verdict with the strongest category.
/// By default the model is not called (<see cref="CrisisDetectionOptions.CallModel"/>). With
/// <see cref="CrisisDetectionOptions.CheckConversationRisk"/>, a request without an acute crisis is also scored over the
/// latest user messages by an <see cref="IConversationRiskAssessor"/>, and a high score is reported (category
/// <see cref="GuardCategories.CrisisRiskHistory"/>, observe only by default, or escalated).
/// </summary>
/// <remarks>
/// <para>
/// The user's language comes from the <see cref="ILanguageIdentifier"/> when one is given, else from the language of the
/// lexicon rule that fired (<see cref="CrisisDetector"/>), else English. The escalation context never holds message text
/// unless <see cref="CrisisDetectionOptions.IncludeTextInEscalation"/> is set. A failing or slow escalation or helpline
/// directory never withholds the safe reply: the failure is logged (exception type only, no text).
/// </para>
/// <para>Messages are not changed, and nothing this client logs or reports contains text.</para>
/// </remarks>
public sealed partial class CrisisDetectionChatClient : DelegatingChatClient
{
    /// <summary>The name this guard puts in its verdicts.</summary>
    public const string GuardName = "crisis_detection";

    private readonly ICrisisDetector _detector;
    private readonly ICrisisEscalation? _escalation;
    private readonly IHelplineDirectory? _helplines;
    private readonly ILanguageIdentifier? _languageIdentifier;
    private IConversationRiskAssessor? _conversationRisk;
    private readonly CrisisDetectionOptions _options;
    private readonly VerdictPublisher _publisher;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>How long past the timeout the reply waits for an escalation to return once its token is cancelled.</summary>
    private static readonly TimeSpan s_escalationGrace = TimeSpan.FromMilliseconds(100);

    /// <summary>Creates the guard.</summary>
    /// <param name="innerClient">The inner client.</param>
    /// <param name="detector">The detector; <see cref="CrisisDetector.Instance"/> when <see langword="null"/>.</param>
    /// <param name="escalation">The app's escalation path; when <see langword="null"/>, detections are only logged and answered.</param>
    /// <param name="helplines">The app's helplines; when <see langword="null"/>, the safe reply has no helplines.</param>
    /// <param name="languageIdentifier">Identifies the user's language for the safe reply; optional.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="observers">Observers of this guard's verdicts.</param>
    /// <param name="logger">Logs detections and failures, never text; none when <see langword="null"/>.</param>
    /// <param name="timeProvider">Times the guard's work and the escalation timeout; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="conversationRisk">
    /// Scores the conversation when <see cref="CrisisDetectionOptions.CheckConversationRisk"/> is set;
    /// <see cref="ConversationRiskAssessor.Default"/> when <see langword="null"/> (loaded only if the check is on).
    /// </param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public CrisisDetectionChatClient(
        IChatClient innerClient,
        ICrisisDetector? detector = null,
        ICrisisEscalation? escalation = null,
        IHelplineDirectory? helplines = null,
        ILanguageIdentifier? languageIdentifier = null,
        CrisisDetectionOptions? options = null,
        IEnumerable<IGuardObserver>? observers = null,
        ILogger<CrisisDetectionChatClient>? logger = null,
        TimeProvider? timeProvider = null,
        IConversationRiskAssessor? conversationRisk = null)
        : base(innerClient)
    {
        _options = options ?? new CrisisDetectionOptions();
        if (_options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _detector = detector ?? CrisisDetector.Instance;
        _escalation = escalation;
        _helplines = helplines;
        _languageIdentifier = languageIdentifier;
        // Resolved on first use too (the check may be turned on after construction: the options are kept by reference).
        _conversationRisk = _options.CheckConversationRisk ? conversationRisk ?? ConversationRiskAssessor.Default : conversationRisk;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _publisher = new VerdictPublisher(GuardName, observers, _time, logger);
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var (verdict, crisis) = Decide(messages, options);
        if (crisis is null)
        {
            var passed = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            VerdictPublisher.Attach(passed, verdict);
            return passed;
        }

        var safeText = await EscalateAsync(crisis, cancellationToken).ConfigureAwait(false);
        var safeMessage = new ChatMessage(ChatRole.Assistant, safeText);
        ChatResponse response;
        if (_options.CallModel)
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            response.Messages.Insert(0, safeMessage);
        }
        else
        {
            response = new ChatResponse(safeMessage) { FinishReason = ChatFinishReason.Stop };
        }

        VerdictPublisher.Attach(response, verdict);
        return response;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The decision is taken when the enumeration starts, as an async iterator would. Without a crisis the reply is not
    /// wrapped (see docs/guards.md, "How a guard streams cheaply"): the verdict goes on the first update at no cost per
    /// update. In a crisis, the safe reply (after the escalation) comes first, then the model's reply when
    /// <see cref="CrisisDetectionOptions.CallModel"/> is on.
    /// </remarks>
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GuardStream.Defer(() =>
        {
            ArgumentNullException.ThrowIfNull(messages);
            var (verdict, crisis) = Decide(messages, options);
            return crisis is null
                ? GuardStreamStart.Continue(base.GetStreamingResponseAsync(messages, options, cancellationToken), verdict)
                : GuardStreamStart.Continue(CrisisReplyAsync(messages, options, verdict, crisis, cancellationToken));
        });

    /// <summary>The streamed reply in a crisis: the safe reply after the escalation, then the model's when it is called.</summary>
    private async IAsyncEnumerable<ChatResponseUpdate> CrisisReplyAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, GuardVerdict verdict, Crisis crisis, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var safeText = await EscalateAsync(crisis, cancellationToken).ConfigureAwait(false);
        var safe = new ChatResponseUpdate(ChatRole.Assistant, safeText) { MessageId = "nonprofit-crisis-safe-reply" };
        if (!_options.CallModel)
        {
            safe.FinishReason = ChatFinishReason.Stop;
        }

        VerdictPublisher.Attach(safe, verdict);
        yield return safe;
        if (_options.CallModel)
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }
        }
    }

    /// <summary>Detects, and publishes the verdict; returns the crisis to escalate, or null.</summary>
    private (GuardVerdict Verdict, Crisis? Crisis) Decide(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var start = _publisher.Start();
        var conversationId = ConversationKeys.ConversationId(options, _options.ConversationIdKey);
        // One walk over the messages serves both checks: the detector reads the newest UserMessagesToCheck texts, the
        // conversation-risk check (when on) the newest ConversationRiskMessages.
        var latest = LatestUserTexts(
            messages,
            _options.CheckConversationRisk ? Math.Max(_options.UserMessagesToCheck, _options.ConversationRiskMessages) : _options.UserMessagesToCheck);
        var texts = latest.Count > _options.UserMessagesToCheck ? latest.GetRange(0, _options.UserMessagesToCheck) : latest;
        Span<double> scores = stackalloc double[CrisisLexicon.Categories.Length];
        string? categoryOutsideLexicon = null;
        double scoreOutsideLexicon = 0;
        string? hint = null;
        var hintScore = 0.0;
        foreach (var text in texts)
        {
            string? language = null;
            var detection = _detector is CrisisDetector rules ? rules.Detect(text, out language) : _detector.Detect(text);
            foreach (var finding in detection.Findings)
            {
                var index = Array.IndexOf(CrisisLexicon.Categories, finding.Category);
                if (index >= 0)
                {
                    scores[index] = Math.Max(scores[index], finding.Score);
                }
                else if (finding.Score > scoreOutsideLexicon)
                {
                    (categoryOutsideLexicon, scoreOutsideLexicon) = (finding.Category, finding.Score);
                }
            }

            if (language is not null && detection.Score > hintScore)
            {
                (hint, hintScore) = (language, detection.Score);
            }
        }

        var categories = new List<(string Category, double Score)>();
        for (var c = 0; c < scores.Length; c++)
        {
            if (scores[c] >= _options.Threshold)
            {
                categories.Add((CrisisLexicon.Categories[c], scores[c]));
            }
        }

        if (categoryOutsideLexicon is not null && scoreOutsideLexicon >= _options.Threshold)
        {
            categories.Add((categoryOutsideLexicon, scoreOutsideLexicon));
        }

        if (categories.Count == 0 && _options.CheckConversationRisk && ConversationRisk(latest) is { } risk)
        {
            LogConversationRisk(_logger, risk.Score, risk.Texts.Count);
            if (_options.ConversationRiskAction != GuardAction.Escalate)
            {
                return (_publisher.Publish(_options.ConversationRiskAction, GuardCategories.CrisisRiskHistory, risk.Score, _publisher.Elapsed(start), conversationId), null);
            }

            // Escalated like an acute crisis; the assessor reads English, so the reply is in English unless the language
            // identifier says otherwise (a rule's language below its threshold is no evidence for this verdict).
            categories.Add((GuardCategories.CrisisRiskHistory, risk.Score));
            texts = risk.Texts;
            hint = "en";
        }

        if (categories.Count == 0)
        {
            var top = Math.Max(scoreOutsideLexicon, scores.Length == 0 ? 0 : Max(scores));
            return (_publisher.Publish(GuardAction.Allow, GuardCategories.None, Math.Clamp(top, 0, 1), _publisher.Elapsed(start), conversationId), null);
        }

        categories.Sort((a, b) => b.Score.CompareTo(a.Score));
        var (language2, script) = Language(texts, hint);
        var verdict = _publisher.Publish(GuardAction.Escalate, categories[0].Category, categories[0].Score, _publisher.Elapsed(start), conversationId);
        var crisis = new Crisis(
            [.. categories.Select(c => c.Category)],
            categories[0].Score,
            language2,
            script,
            conversationId,
            ConversationKeys.Property(options, _options.CountryKey),
            _options.IncludeTextInEscalation ? string.Join("\n", texts) : null);
        return (verdict, crisis);
    }

    /// <summary>
    /// The conversation-risk check on the latest user texts (newest first; the first ConversationRiskMessages are read,
    /// newest first in the result, oldest first to the assessor)
    /// and their score when the assessor read enough of them and the score reaches the threshold; else null (also when the
    /// assessor throws: logged by exception type, the request goes on without the verdict).
    /// </summary>
    private (double Score, List<string> Texts)? ConversationRisk(List<string> latest)
    {
        var texts = latest.Count > _options.ConversationRiskMessages ? latest.GetRange(0, _options.ConversationRiskMessages) : latest;
        if (texts.Count < _options.ConversationRiskMinimumMessages)
        {
            return null;
        }

        var oldestFirst = new string[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            oldestFirst[i] = texts[texts.Count - 1 - i];
        }

        ConversationRiskAssessment assessment;
        try
        {
            assessment = (_conversationRisk ??= ConversationRiskAssessor.Default).Assess(oldestFirst);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogConversationRiskFailed(_logger, ex.GetType().Name);
            return null;
        }

        if (assessment.MessagesScored < _options.ConversationRiskMinimumMessages)
        {
            return null;
        }

        var score = Math.Clamp(assessment.Score, 0, 1);
        return score >= _options.ConversationRiskThreshold ? (score, texts) : null;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    private static List<string> LatestUserTexts(IEnumerable<ChatMessage> messages, int count)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var texts = new List<string>(Math.Min(count, 16)); // count may be large ("check them all"): no capacity from it
        for (var i = list.Count - 1; i >= 0 && texts.Count < count; i--)
        {
            if (list[i].Role == ChatRole.User)
            {
                var text = list[i].Text;
                if (!string.IsNullOrEmpty(text))
                {
                    texts.Add(text);
                }
            }
        }

        return texts;
    }

    private (string Language, string? Script) Language(List<string> texts, string? hint)
    {
        var latest = texts.Count > 0 ? texts[0] : string.Empty;
        if (_languageIdentifier is not null)
        {
            try
            {
                var identified = _languageIdentifier.Identify(latest);
                if (!string.IsNullOrEmpty(identified.Language) && identified.Language != "unknown")
                {
                    return (identified.Language, identified.Script ?? ScriptOf(latest));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogLanguageIdentificationFailed(_logger, ex.GetType().Name);
            }
        }

        return hint is null ? ("unknown", null) : (hint, ScriptOf(latest));
    }

    /// <summary>Devanagari, Arabic or Latin: enough to pick romanised or Devanagari Hindi.</summary>
    private static string? ScriptOf(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0900' and <= '\u097F')
            {
                return "Deva";
            }

            if (c is >= '\u0600' and <= '\u06FF')
            {
                return "Arab";
            }
        }

        return "Latn";
    }

    /// <summary>
    /// Starts the helpline lookup and the escalation together, waits for both (each failure logged, never thrown), each
    /// with its own <see cref="CrisisDetectionOptions.EscalationTimeout"/>, and builds the safe reply.
    /// </summary>
    /// <remarks>
    /// The escalation is given the timeout's token only, not the request's: once the verdict is Escalate, a caller that
    /// cancels (a closed tab) does not cancel the human escalation, which then finishes in the background (failures logged
    /// by exception type). Both calls start on the thread pool and are awaited with <c>WaitAsync</c>, so an implementation
    /// that ignores the token, or blocks, does not hold the safe reply past the timeout. They run alongside, so the
    /// reply waits at most about one timeout (plus the escalation's grace), not one for each.
    /// </remarks>
    private async Task<string> EscalateAsync(Crisis crisis, CancellationToken cancellationToken)
    {
        LogCrisisDetected(_logger, string.Join(",", crisis.Categories), crisis.Score, crisis.Language);
        var timeout = new CancellationTokenSource(_options.EscalationTimeout, _time);
        Task? escalation = null;
        IReadOnlyList<Helpline> helplines = [];

        // The lookup has its own timeout, started now: an escalation that uses up its time (a slow pager) must not cost
        // the person the helplines (an in-memory directory answers at once).
        using var lookupTimeout = _helplines is null ? null : new CancellationTokenSource(_options.EscalationTimeout, _time);
        using var lookup = lookupTimeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(lookupTimeout.Token, cancellationToken);
        var lookupTask = lookup is null ? null : StartLookup(_helplines!, new HelplineQuery(crisis.Country, crisis.Language, crisis.Categories), lookup.Token);
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var context = new CrisisEscalationContext
            {
                Categories = crisis.Categories,
                Score = crisis.Score,
                Language = crisis.Language,
                ConversationId = crisis.ConversationId,
                Country = crisis.Country,
                Text = crisis.Text,
            };

            if (_escalation is null)
            {
                LogNoEscalation(_logger);
            }
            else
            {
                escalation = RunEscalationAsync(_escalation, context, timeout.Token);
                try
                {
                    await escalation.WaitAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Its token was cancelled at the same moment: an escalation that honours it returns at once, and gets
                    // that moment (at most s_escalationGrace), so that its end is logged and nothing is left running.
                    await Task.WhenAny(escalation, Task.Delay(s_escalationGrace, _time, cancellationToken)).ConfigureAwait(false);
                    if (!escalation.IsCompleted)
                    {
                        LogEscalationPending(_logger);
                    }
                }
            }

            if (lookupTask is not null)
            {
                try
                {
                    helplines = await lookupTask.WaitAsync(lookup!.Token).ConfigureAwait(false) ?? [];
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
                {
                    LogHelplinesFailed(_logger, ex.GetType().Name);
                }
            }
        }
        finally
        {
            // The escalation may go on after the reply (timeout reached, or the caller cancelled): its timer must still
            // cancel it, so the source is disposed only when the escalation is done.
            if (escalation is null || escalation.IsCompleted)
            {
                timeout.Dispose();
            }
            else
            {
                _ = escalation.ContinueWith(
                    static (_, state) => ((CancellationTokenSource)state!).Dispose(),
                    timeout,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }

        var reply = new StringBuilder(CrisisDetectionOptions.Localised(_options.SafeMessages, crisis.Language, crisis.Script));
        if (helplines.Count > 0)
        {
            reply.Append("\n\n").Append(CrisisDetectionOptions.Localised(_options.HelplineHeadings, crisis.Language, crisis.Script));
            foreach (var helpline in helplines)
            {
                reply.Append("\n- ").Append(helpline);
            }
        }

        return reply.ToString();
    }

    /// <summary>Starts the directory's lookup on the thread pool (a directory that blocks does not hold the caller).</summary>
    private static Task<IReadOnlyList<Helpline>> StartLookup(IHelplineDirectory directory, HelplineQuery query, CancellationToken token) =>
        Task.Run(() => directory.FindAsync(query, token).AsTask(), CancellationToken.None);

    /// <summary>Runs the app's escalation on the thread pool with the timeout's token; never throws (failures logged by type).</summary>
    private async Task RunEscalationAsync(ICrisisEscalation escalation, CrisisEscalationContext context, CancellationToken timeout)
    {
        try
        {
            await Task.Run(() => escalation.EscalateAsync(context, timeout).AsTask(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogEscalationFailed(_logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Crisis detected: {Categories} score {Score}, language {Language}; escalating")]
    private static partial void LogCrisisDetected(ILogger logger, string categories, double score, string language);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Crisis escalation failed with {ExceptionType}; the safe reply is sent anyway")]
    private static partial void LogEscalationFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Error, Message = "Helpline lookup failed with {ExceptionType}; the safe reply is sent without helplines")]
    private static partial void LogHelplinesFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "Crisis detected but no ICrisisEscalation is registered: only the safe reply is sent")]
    private static partial void LogNoEscalation(ILogger logger);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning, Message = "Language identification failed with {ExceptionType}; using the detector's language")]
    private static partial void LogLanguageIdentificationFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Information, Message = "Conversation risk {Score} over {Messages} user messages reached the threshold")]
    private static partial void LogConversationRisk(ILogger logger, double score, int messages);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Warning, Message = "Conversation risk assessment failed with {ExceptionType}; the request goes on without it")]
    private static partial void LogConversationRiskFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Warning, Message = "Crisis escalation did not finish within the timeout; the safe reply is sent, the escalation goes on in the background")]
    private static partial void LogEscalationPending(ILogger logger);

    private sealed record Crisis(
        IReadOnlyList<string> Categories, double Score, string Language, string? Script, string? ConversationId, string? Country, string? Text);
}
