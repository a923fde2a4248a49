using Nonprofit.Impact;
using Nonprofit.Impact.Iati;

namespace Sophia.Chatbot.Indicators;

/// <summary>
/// The anonymous indicators Sophia records with Nonprofit.Impact: conversations (by language), crisis escalations
/// (by category) and referrals (by type). Only counts and allowed dimension values: nothing that identifies a person,
/// no conversation id, no text.
/// </summary>
internal sealed class SophiaIndicators : IDisposable
{
    /// <summary>Conversations started.</summary>
    public const string Conversations = "conversations";

    /// <summary>Crisis escalations.</summary>
    public const string Escalations = "escalations";

    /// <summary>Referrals to help.</summary>
    public const string Referrals = "referrals";

    /// <summary>A referral to the helplines shown after a crisis (also a helpline the offline responder listed).</summary>
    public const string ReferralHelpline = "helpline";

    /// <summary>A hand-over to a (simulated) counsellor.</summary>
    public const string ReferralCounsellor = "counsellor";

    /// <summary>An evidence bundle exported for a lawyer.</summary>
    public const string ReferralLegal = "legal";

    /// <summary>The languages of the language dimension.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "fr", "es", "pt", "sw", "hi"];

    private static readonly string[] s_categories = ["violence", "self_harm", "child_at_risk", "medical", "other"];
    private static readonly string[] s_referrals = ["emergency", ReferralHelpline, "shelter", ReferralLegal, "counselling", ReferralCounsellor];

    private readonly TimeProvider _time;
    private readonly ImpactRecorder _recorder;

    public SophiaIndicators(TimeProvider time)
    {
        _time = time;
        _recorder = new ImpactRecorder(Definitions(), time);
    }

    /// <summary>Records a conversation started in <paramref name="language"/>.</summary>
    public void ConversationStarted(string language) =>
        _recorder.Record(Conversations, 1, [new("language", Languages.Contains(language) ? language : "other")]);

    /// <summary>Records one escalation per crisis category (e.g. <c>crisis.violence</c>).</summary>
    public void Escalation(IEnumerable<string> categories)
    {
        foreach (var category in categories)
        {
            var name = category.StartsWith("crisis.", StringComparison.Ordinal) ? category["crisis.".Length..] : category;
            _recorder.Record(Escalations, 1, [new("category", s_categories.Contains(name) ? name : "other")]);
        }
    }

    /// <summary>Records a referral of a known type (a service kind of the knowledge base, or a hand-over to a counsellor); others are ignored.</summary>
    public void Referral(string type)
    {
        if (s_referrals.Contains(type))
        {
            _recorder.Record(Referrals, 1, [new("type", type)]);
        }
    }

    /// <summary>The total of an indicator over the current year, or of one dimension value.</summary>
    public double Total(string indicator, string? dimension = null, string? value = null)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        return _recorder.Aggregate(indicator, PeriodLength.Year, new DateOnly(today.Year, 1, 1), today)
            .Where(a => dimension is null || a.Dimensions.Any(d => d.Name == dimension && d.Value == value))
            .Sum(a => a.Value);
    }

    /// <summary>The totals per indicator and dimension value, for the admin page.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Totals()
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var definition in Definitions())
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal) { ["total"] = Total(definition.Id) };
            foreach (var dimension in definition.Dimensions)
            {
                foreach (var value in dimension.AllowedValues)
                {
                    values[dimension.Name + "=" + value] = Total(definition.Id, dimension.Name, value);
                }
            }

            result[definition.Id] = values;
        }

        return result;
    }

    /// <summary>Writes the IATI 2.03 activity file with this year's monthly actuals.</summary>
    public Task ExportIatiAsync(Stream destination, CancellationToken cancellationToken)
    {
        var framework = Framework(_time.GetUtcNow().Year);
        return new IatiExporter(_time).ExportAsync(FrameworkActuals.FromRecorder(framework, _recorder), destination, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => _recorder.Dispose();

    /// <summary>The results framework: one activity, one output, the three indicators with a monthly period each month of <paramref name="year"/>.</summary>
    internal static ResultsFramework Framework(int year)
    {
        var framework = new ResultsFramework { Name = "Sophia.Chatbot" };
        var activity = new ActivityInfo
        {
            Identifier = "XM-SOPHIA-1",
            ReportingOrg = new OrganisationInfo { Ref = "XM-SOPHIA", Type = "22", Name = "Sophia sample organisation" },
            Title = "Sophia: anonymous support for people facing domestic violence",
            Description = "An anonymous, multilingual chatbot that helps people facing domestic violence gather evidence, assess their rights and learn their options, and hands over to humans. Anonymous counts only.",
        };
        activity.ParticipatingOrgs.Add(new OrganisationInfo { Ref = "XM-SOPHIA", Type = "22", Role = "4", Name = "Sophia sample organisation" });
        activity.Dates.Add(new ActivityDate { Type = "1", Date = new DateOnly(year, 1, 1) });
        framework.Activities.Add(activity);
        var result = new Result { Title = "Survivors reach information and human help safely" };
        foreach (var indicator in Definitions())
        {
            for (var month = 1; month <= 12; month++)
            {
                var start = new DateOnly(year, month, 1);
                indicator.Periods.Add(new IndicatorPeriod { Start = start, End = start.AddMonths(1).AddDays(-1) });
            }

            result.Indicators.Add(indicator);
        }

        framework.Results.Add(result);
        return framework;
    }

    private static List<IndicatorDefinition> Definitions() =>
    [
        Indicator(Conversations, "Anonymous conversations started", "{conversation}", "language", [.. Languages, "other"]),
        Indicator(Escalations, "Crisis escalations to a human", "{escalation}", "category", s_categories),
        Indicator(Referrals, "Referrals to help", "{referral}", "type", s_referrals),
    ];

    private static IndicatorDefinition Indicator(string id, string name, string unit, string dimension, IEnumerable<string> values)
    {
        var indicator = new IndicatorDefinition { Id = id, Name = name, Unit = unit, Aggregation = IndicatorAggregation.Sum, Direction = IndicatorDirection.Increase };
        var definition = new DimensionDefinition { Name = dimension };
        foreach (var value in values)
        {
            definition.AllowedValues.Add(value);
        }

        indicator.Dimensions.Add(definition);
        return indicator;
    }
}
