using System.Security.Cryptography;
using System.Text;
using Fetosense.Monitor.Alerts;
using Fetosense.Monitor.Session;
using Nonprofit.Impact;
using Nonprofit.Impact.Export;
using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Indicators;

/// <summary>
/// The programme's impact indicators, recorded durably per visit in a <see cref="SqliteImpactStore"/> (idempotent by
/// event id, so recording a visit twice counts it once) and exported as DHIS2 <c>dataValueSets</c>.
/// </summary>
internal static class FetosenseIndicators
{
    /// <summary>Pregnancies whose first CTG was done with the device.</summary>
    public const string PregnanciesMonitored = "pregnancies-monitored";

    /// <summary>CTG tests completed.</summary>
    public const string TestsCompleted = "tests-completed";

    /// <summary>Visits that ended with an urgent referral.</summary>
    public const string UrgentReferrals = "urgent-referrals";

    /// <summary>Episodes of suspected false signal (maternal pulse) caught during tests.</summary>
    public const string FalseSignalEpisodes = "false-signal-episodes";

    /// <summary>The four indicators.</summary>
    public static IReadOnlyList<string> All { get; } = [PregnanciesMonitored, TestsCompleted, UrgentReferrals, FalseSignalEpisodes];

    /// <summary>The measurements of one visit.</summary>
    public static IReadOnlyList<ImpactMeasurement> Measurements(string visitId, bool firstVisitOfPregnancy, SessionResult result, DateTimeOffset at)
    {
        var list = new List<ImpactMeasurement>
        {
            new(EventId(visitId, TestsCompleted), TestsCompleted, 1, [], at),
        };
        if (firstVisitOfPregnancy)
        {
            list.Add(new(EventId(visitId, PregnanciesMonitored), PregnanciesMonitored, 1, [], at));
        }

        if (result.WorstAction == RecommendedAction.ReferUrgently)
        {
            list.Add(new(EventId(visitId, UrgentReferrals), UrgentReferrals, 1, [], at));
        }

        var episodes = result.Alerts.Count(a => a.Event.Kind == CtgMonitorEventKind.SuspectedFalseSignal && a.Event.Phase == CtgMonitorEventPhase.Started);
        if (episodes > 0)
        {
            list.Add(new(EventId(visitId, FalseSignalEpisodes), FalseSignalEpisodes, episodes, [], at));
        }

        return list;
    }

    /// <summary>The results framework with one monthly period per month from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static ResultsFramework Framework(DateOnly from, DateOnly to)
    {
        var framework = new ResultsFramework { Name = "Fetosense.Monitor" };
        framework.Activities.Add(new ActivityInfo { Identifier = "XM-FETOSENSE-1", ReportingOrg = new OrganisationInfo { Ref = "XM-FETOSENSE" } });
        var result = new Result { Title = "Antenatal fetal monitoring in rural clinics" };
        foreach (var id in All)
        {
            var indicator = new IndicatorDefinition { Id = id, Name = id, Unit = "{" + id.Split('-')[^1].TrimEnd('s') + "}", Aggregation = IndicatorAggregation.Sum, Direction = IndicatorDirection.Increase };
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            {
                indicator.Periods.Add(new IndicatorPeriod { Start = month, End = month.AddMonths(1).AddDays(-1) });
            }

            result.Indicators.Add(indicator);
        }

        framework.Results.Add(result);
        return framework;
    }

    /// <summary>Writes every measurement of <paramref name="store"/> as a DHIS2 dataValueSet (codes: data element = indicator id).</summary>
    public static async Task ExportDhis2Async(SqliteImpactStore store, string orgUnit, DateOnly from, DateOnly to, Stream destination, CancellationToken cancellationToken)
    {
        var framework = await FrameworkActuals.FromStoreAsync(Framework(from, to), store, cancellationToken).ConfigureAwait(false);
        var mapping = new Dhis2Mapping { DefaultOrgUnit = orgUnit, DefaultCategoryOptionCombo = "default" };
        foreach (var id in All)
        {
            mapping.DataElements[id] = id;
        }

        await new Dhis2Exporter(mapping).ExportAsync(framework, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A deterministic GUID per visit and indicator (an event id the store's personal-data check accepts).</summary>
    private static string EventId(string visitId, string indicator)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(visitId + "/" + indicator));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
