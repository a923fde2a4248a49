using System.Text.Json;
using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Reports;

/// <summary>
/// The report's JSON in exactly the <c>nonprofit ctg analyze</c> contract (keys, order, rounding, nulls), so tools that
/// read the CLI's output read the sample's report too. The CLI's writer is internal to the tool, so it is written again
/// here and a test compares the two on the same recording.
/// </summary>
internal static class AnalyzeJson
{
    /// <summary>The JSON object (one line, no trailing newline).</summary>
    public static string Write(CtgAssessment assessment)
    {
        var analysis = assessment.Analysis;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("samples", analysis.Length);
            Number(json, "signal_loss_pct", analysis.SignalLossPercent, 2);
            Number(json, "baseline_bpm", analysis.BaselineBpm, 1);
            Number(json, "stv_ms", assessment.Variation.ShortTermVariationMs, 2);
            Number(json, "ltv_bpm", assessment.Variation.LongTermVariationBpm, 1);
            json.WriteStartArray("accelerations");
            foreach (var a in analysis.Accelerations)
            {
                json.WriteStartObject();
                Number(json, "start_s", a.StartSeconds, 2);
                Number(json, "end_s", a.EndSeconds, 2);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("decelerations");
            foreach (var d in analysis.Decelerations)
            {
                json.WriteStartObject();
                Number(json, "start_s", d.StartSeconds, 2);
                Number(json, "end_s", d.EndSeconds, 2);
                if (TypeName(d.Type) is { } type)
                {
                    json.WriteString("type", type);
                }
                else
                {
                    json.WriteNull("type");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("figo");
            json.WriteString("category", CategoryName(assessment.Figo.Category));
            json.WriteStartArray("reasons");
            foreach (var reason in assessment.Figo.Reasons)
            {
                json.WriteStringValue(reason.Message);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The contract's deceleration type, or null when the analyzer could not type it.</summary>
    public static string? TypeName(DecelerationType type) => type switch
    {
        DecelerationType.Early => "early",
        DecelerationType.Late => "late",
        DecelerationType.Variable => "variable",
        DecelerationType.Prolonged => "prolonged",
        _ => null,
    };

    /// <summary>The contract's category name.</summary>
    public static string CategoryName(FigoCategory category) => category switch
    {
        FigoCategory.Normal => "normal",
        FigoCategory.Suspicious => "suspicious",
        _ => "pathological",
    };

    private static void Number(Utf8JsonWriter json, string name, double value, int decimals)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, Math.Round(value, decimals, MidpointRounding.AwayFromZero));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
