using System.Collections.Concurrent;
using FarmerChat.Advisory.Guards;
using FarmerChat.Advisory.Impact;
using FarmerChat.Advisory.Profiles;
using FarmerChat.Advisory.Retrieval;
using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards;

namespace FarmerChat.Advisory.Chat;

/// <summary>
/// The assistant: identifies the question's language, retrieves the relevant documents in it, asks the model (offline
/// responder or a real one) through the Nonprofit guards, and records the impact indicators.
/// </summary>
/// <remarks>
/// The guards, outermost first (UseNonprofitGuards' order): crisis detection, rate limit, prompt-injection shield,
/// scope = agriculture (topics from the knowledge base), language matching, output safety (pesticide amounts, grounded
/// in the passages), PII redaction (the model never sees a phone number or a name). Each question is sent on its own,
/// without the earlier turns, so no conversation history is kept.
/// </remarks>
internal sealed class Advisor : IDisposable
{
    /// <summary>The reason given when nothing in the knowledge base is relevant.</summary>
    public const string NothingRelevant = "nothing_relevant";

    private readonly AdvisoryIndex _index;
    private readonly ProfileStore _profiles;
    private readonly AdvisoryImpact _impact;
    private readonly ServiceProvider _services;
    private readonly IChatClient _chat;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _suggested = new(StringComparer.Ordinal);

    public Advisor(AdvisoryIndex index, IChatClient model, ProfileStore profiles, AdvisoryImpact impact, TimeProvider time)
    {
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _profiles = profiles ?? throw new ArgumentNullException(nameof(profiles));
        _impact = impact ?? throw new ArgumentNullException(nameof(impact));
        ArgumentNullException.ThrowIfNull(model);
        var services = new ServiceCollection();
        services.AddSingleton(time ?? throw new ArgumentNullException(nameof(time)));
        services.AddNonprofitGuards(o =>
        {
            o.ScopeOptions = AgricultureScope.Create(index.Knowledge);
            o.Language = new LanguageMatchingOptions();
        });
        services.Configure<OutputSafetyDetectorOptions>(OutputSafetyPolicy.Configure);
        _services = services.BuildServiceProvider();
        _chat = new ChatClientBuilder(model).UseNonprofitGuards().Build(_services);
    }

    /// <summary>Gets the knowledge base.</summary>
    public KnowledgeBase Knowledge => _index.Knowledge;

    /// <summary>Gets the profiles.</summary>
    public ProfileStore Profiles => _profiles;

    /// <summary>Gets the impact recorder.</summary>
    public AdvisoryImpact Impact => _impact;

    /// <summary>Answers one question.</summary>
    /// <param name="question">The farmer's words.</param>
    /// <param name="profileId">The anonymous profile, if any (its language is used when the question's cannot be told).</param>
    /// <param name="language">The language the app's user interface is in, if known.</param>
    /// <param name="cancellationToken">Cancels the model call.</param>
    public async Task<AdvisoryAnswer> AskAsync(string question, string? profileId, string? language, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        var profile = _profiles.Get(profileId);
        var answerLanguage = QuestionLanguage.Resolve(question, Languages.IsSupported(language) ? language : profile?.Language);
        var passages = _index.SearchRelevant(question, answerLanguage).Select(h => h.Document).ToList();
        var isFollowUp = profile is not null && _suggested.TryGetValue(profile.Id, out var suggested)
            && suggested.Contains(question.Trim(), StringComparer.OrdinalIgnoreCase);

        var response = await _chat.GetResponseAsync([new ChatMessage(ChatRole.User, question)], AdvisoryContext.Create(passages, answerLanguage, null), cancellationToken);
        var stopped = response.GetGuardVerdicts().FirstOrDefault(v => v.Action is GuardAction.Block or GuardAction.Escalate);
        var declined = stopped is not null || passages.Count == 0;
        var cited = declined ? [] : passages.Where((_, i) => response.Text.Contains($"[{i + 1}]", StringComparison.Ordinal)).ToList();
        if (!declined && cited.Count == 0)
        {
            cited = passages;
        }

        var followUps = declined ? [] : FollowUpSuggestions.For(passages, _index.Knowledge, answerLanguage);
        if (profile is not null)
        {
            _suggested[profile.Id] = followUps;
        }

        _impact.Question(profile?.Id, answerLanguage, declined ? null : passages[0].Topic, !declined, isFollowUp);
        return new AdvisoryAnswer(
            response.Text,
            answerLanguage,
            [.. cited.Select(Citation.From)],
            followUps,
            declined,
            stopped?.Category ?? (passages.Count == 0 ? NothingRelevant : null),
            declined ? null : Phrases.AdoptionQuestion(answerLanguage),
            declined ? null : passages[0].Id);
    }

    /// <summary>Records the farmer's answer to "did you try it?"; false when the document is unknown.</summary>
    public bool ReportAdoption(string documentId, bool adopted)
    {
        var document = _index.Knowledge.Documents.FirstOrDefault(d => d.Id == documentId);
        if (document is null)
        {
            return false;
        }

        if (adopted)
        {
            _impact.PracticeAdopted(document.Topic);
        }

        return true;
    }

    /// <summary>Disposes the pipeline, the index and the impact recorder (the advisor owns them).</summary>
    public void Dispose()
    {
        _chat.Dispose();
        _services.Dispose();
        _index.Dispose();
        _impact.Dispose();
    }
}
