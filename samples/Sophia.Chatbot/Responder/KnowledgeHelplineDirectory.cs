using Nonprofit.AI.Guards;
using Sophia.Chatbot.Knowledge;

namespace Sophia.Chatbot.Responder;

/// <summary>
/// The crisis guard's <see cref="IHelplineDirectory"/> over the knowledge base's services: the user's country (or the
/// universal entry for any other country), emergency services first, then the services for the crisis categories
/// (violence: shelters and helplines; a child at risk: children's lines; self-harm: support lines; medical: health),
/// those that answer in the user's language before the others. Names are in the user's language and carry the
/// "illustrative — check before use" notice.
/// </summary>
internal sealed class KnowledgeHelplineDirectory : IHelplineDirectory
{
    private static readonly Dictionary<string, string> s_topicByCategory = new(StringComparer.Ordinal)
    {
        [GuardCategories.CrisisViolence] = "shelters",
        [GuardCategories.CrisisChildAtRisk] = "children",
        [GuardCategories.CrisisSelfHarm] = "self_harm",
        [GuardCategories.CrisisMedical] = "health",
    };

    private readonly SophiaKnowledgeBase _knowledge;

    public KnowledgeHelplineDirectory(SophiaKnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _knowledge = knowledge;
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Helpline>> FindAsync(HelplineQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var language = SophiaLanguages.Normalize(query.Language) ?? SophiaLanguages.Fallback;
        var country = _knowledge.CountryOrDefault(query.Country);
        var topics = query.Categories.Select(c => s_topicByCategory.GetValueOrDefault(c)).OfType<string>().Distinct().ToList();
        if (topics.Count == 0)
        {
            topics.Add("shelters");
        }

        var found = country.Services
            .Select(s => (Service: s, Rank: Rank(s, topics)))
            .Where(x => x.Rank >= 0)
            .OrderBy(x => x.Rank)
            .ThenBy(x => x.Service.Languages.Contains(language, StringComparer.Ordinal) ? 0 : 1)
            .Select(x => ToHelpline(x.Service, language))
            .ToArray();
        return ValueTask.FromResult<IReadOnlyList<Helpline>>(found);
    }

    /// <summary>0 for emergency services, 1 + the index of the first crisis topic the service serves, -1 when none.</summary>
    private static int Rank(ServiceEntry service, List<string> topics)
    {
        if (service.Kind == ServiceKind.Emergency)
        {
            return 0;
        }

        var index = topics.FindIndex(t => service.Topics.Contains(t, StringComparer.Ordinal));
        return index < 0 ? -1 : index + 1;
    }

    private Helpline ToHelpline(ServiceEntry service, string language) =>
        new($"{service.Name[language]} ({_knowledge.Texts["notice"][language]})")
        {
            Phone = service.Phone,
            Text = service.Sms is null ? null : "SMS " + service.Sms,
            Url = service.Url?.AbsoluteUri,
            Hours = service.Hours,
        };
}
