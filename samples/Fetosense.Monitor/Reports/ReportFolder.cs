using System.Globalization;
using System.Text;
using Fetosense.Monitor.Alerts;
using Fetosense.Monitor.Session;
using Fetosense.Monitor.View;
using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Reports;

/// <summary>
/// The report folder of a visit: <c>ctg.png</c> (the clinical chart), <c>analysis.json</c> (the <c>nonprofit ctg
/// analyze</c> contract) and <c>summary.md</c> (for the doctor). No patient data: the visit is named by its id only.
/// </summary>
internal static class ReportFolder
{
    /// <summary>The file names inside the folder.</summary>
    public const string Chart = "ctg.png";

    /// <inheritdoc cref="Chart"/>
    public const string Json = "analysis.json";

    /// <inheritdoc cref="Chart"/>
    public const string Summary = "summary.md";

    /// <summary>Writes the three files into <paramref name="folder"/> (created if needed).</summary>
    public static async Task WriteAsync(string folder, string visitId, string source, SessionResult result, string language, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var overlay = result.Assessment.ToChartOverlay();
        var events = result.Alerts
            .Where(a => a.Event.Phase is CtgMonitorEventPhase.Started or CtgMonitorEventPhase.Escalated)
            .Select(a => new CtgChartEvent(a.Event.SampleIndex / result.Recording.SampleRateHz, a.Event.Kind.ToString()))
            .ToList();
        overlay = overlay with { Events = [.. overlay.Events, .. events] };
        CtgChart.Render(result.Recording, overlay, Path.Combine(folder, Chart));
        await File.WriteAllTextAsync(Path.Combine(folder, Json), CtgAssessmentJson.ToJson(result.Assessment) + "\n", cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, Summary), Markdown(visitId, source, result, language), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The doctor's summary.</summary>
    public static string Markdown(string visitId, string source, SessionResult result, string language)
    {
        var fr = language == "fr";
        var a = result.Assessment;
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.Append(c, $"# {(fr ? "Rapport CTG" : "CTG report")} — {visitId}\n\n");
        s.Append(c, $"- {(fr ? "Source" : "Source")}: {source}\n");
        s.Append(c, $"- {(fr ? "Durée" : "Duration")}: {result.Recording.Duration.TotalMinutes:0.0} min\n");
        s.Append(c, $"- FIGO: **{AlertCatalog.CategoryText(a.Figo.Category, language)}**\n");
        s.Append(c, $"- {(fr ? "Action recommandée" : "Recommended action")}: **{AlertCatalog.ActionText(result.WorstAction, language)}**\n");
        s.Append(c, $"- {(fr ? "Rythme de base" : "Baseline")}: {Fmt(a.Analysis.BaselineBpm, "0")} bpm; STV {Fmt(a.Variation.ShortTermVariationMs, "0.0")} ms; LTV {Fmt(a.Variation.LongTermVariationBpm, "0.0")} bpm\n");
        s.Append(c, $"- {(fr ? "Accélérations" : "Accelerations")}: {a.Analysis.Accelerations.Count}; {(fr ? "décélérations" : "decelerations")}: {a.Analysis.Decelerations.Count} ({string.Join(", ", a.Analysis.Decelerations.Select(d => CtgAssessmentJson.TypeName(d.Type) ?? "?"))})\n");
        s.Append(c, $"- {(fr ? "Contractions" : "Contractions")}: {a.Analysis.Contractions.Count}; {(fr ? "perte de signal" : "signal loss")}: {a.Analysis.SignalLossPercent:0.0} %\n");
        if (a.DawesRedman is { } dr)
        {
            s.Append(c, $"- Dawes-Redman-style criteria ({dr.AnalysedMinutes:0} min): {(dr.CriteriaMet ? "met" : "not met")}\n");
        }

        s.Append(c, $"\n## {(fr ? "Raisons FIGO" : "FIGO reasons")}\n\n");
        foreach (var r in a.Figo.Reasons)
        {
            s.Append(c, $"- {r.Severity}: {r.Message}\n");
        }

        s.Append(c, $"\n## {(fr ? "Alertes pendant l'examen" : "Alerts during the test")}\n\n");
        if (result.Alerts.Count == 0)
        {
            s.Append(fr ? "Aucune.\n" : "None.\n");
        }

        foreach (var alert in result.Alerts)
        {
            s.Append(c, $"- {PlainView.Format(alert, alert.ElapsedSeconds(result.Recording.SampleRateHz))}\n");
        }

        s.Append(c, $"\n![CTG]({Chart})\n\n");
        s.Append(fr
            ? "Interprétation automatique (FIGO 2015, critères de type Dawes-Redman) : une aide, pas un diagnostic.\n"
            : "Automatic interpretation (FIGO 2015, Dawes-Redman-style criteria): an aid, not a diagnosis.\n");
        return s.ToString();
    }

    private static string Fmt(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";
}
