using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Nonprofit.Monitoring;

/// <summary>
/// Writes a <see cref="CtgAssessment"/> in the JSON contract of <c>nonprofit ctg analyze</c>, which other tools read:
/// <c>{"samples":N,"signal_loss_pct":x,"baseline_bpm":x,"stv_ms":x,"ltv_bpm":x,"accelerations":[{"start_s":x,"end_s":x}],
/// "decelerations":[{"start_s":x,"end_s":x,"type":"late"}],"figo":{"category":"suspicious","reasons":["…"]}}</c>, keys
/// in that order. Numbers are rounded half away from zero (percentages, seconds and STV to 2 decimals, bpm to 1) and
/// written as <c>null</c> when not finite; a deceleration whose type is unknown has <c>"type":null</c>. The reasons are
/// the FIGO reasons' messages. A device app that writes this produces the same report as the command line.
/// </summary>
public static class CtgAssessmentJson
{
    /// <summary>Writes the contract's properties into the JSON object <paramref name="json"/> has open.</summary>
    /// <param name="json">A writer positioned inside an object.</param>
    /// <param name="assessment">The assessment.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteProperties(Utf8JsonWriter json, CtgAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(assessment);
        var analysis = assessment.Analysis;
        json.WriteNumber("samples", analysis.Length);
        WriteNumber(json, "signal_loss_pct", analysis.SignalLossPercent, 2);
        WriteNumber(json, "baseline_bpm", analysis.BaselineBpm, 1);
        WriteNumber(json, "stv_ms", assessment.Variation.ShortTermVariationMs, 2);
        WriteNumber(json, "ltv_bpm", assessment.Variation.LongTermVariationBpm, 1);
        json.WriteStartArray("accelerations");
        foreach (var a in analysis.Accelerations)
        {
            json.WriteStartObject();
            WriteNumber(json, "start_s", a.StartSeconds, 2);
            WriteNumber(json, "end_s", a.EndSeconds, 2);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("decelerations");
        foreach (var d in analysis.Decelerations)
        {
            json.WriteStartObject();
            WriteNumber(json, "start_s", d.StartSeconds, 2);
            WriteNumber(json, "end_s", d.EndSeconds, 2);
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
    }

    /// <summary>The whole JSON object, on one line, without a trailing newline.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public static string ToJson(CtgAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteProperties(json, assessment);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The contract's lower-case name of a deceleration type, or <see langword="null"/> when it is not classified.</summary>
    /// <param name="type">The type.</param>
    /// <returns><c>early</c>, <c>late</c>, <c>variable</c>, <c>prolonged</c> or <see langword="null"/>.</returns>
    public static string? TypeName(DecelerationType type) => type switch
    {
        DecelerationType.Early => "early",
        DecelerationType.Late => "late",
        DecelerationType.Variable => "variable",
        DecelerationType.Prolonged => "prolonged",
        _ => null,
    };

    /// <summary>The contract's lower-case name of a FIGO category.</summary>
    /// <param name="category">The category.</param>
    /// <returns><c>normal</c>, <c>suspicious</c> or <c>pathological</c>.</returns>
    public static string CategoryName(FigoCategory category) => category switch
    {
        FigoCategory.Normal => "normal",
        FigoCategory.Suspicious => "suspicious",
        _ => "pathological",
    };

    private static void WriteNumber(Utf8JsonWriter json, string name, double value, int decimals)
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
