using System;
using System.IO;
using System.Text.Json;

namespace Nonprofit.Monitoring;

/// <summary>
/// The JSON layout of a <see cref="CtgRecording"/>: <c>{"sampleRateHz":4,"startTime":...,"length":N,"fhrBpm":[...],
/// "fhr2Bpm":[...],"mhrBpm":[...],"ua":[...],"quality":["unknown",...]}</c>; absent channels are left out, a missing
/// value is <c>null</c>.
/// </summary>
internal static class CtgJson
{
    public static byte[] Format(CtgRecording recording)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("sampleRateHz", recording.SampleRateHz);
            if (recording.StartTime is { } start)
            {
                writer.WriteString("startTime", start);
            }

            writer.WriteNumber("length", recording.Length);
            WriteChannel(writer, "fhrBpm", recording.FetalHeartRate.Span);
            if (recording.HasSecondFetalHeartRate)
            {
                WriteChannel(writer, "fhr2Bpm", recording.SecondFetalHeartRate.Span);
            }

            if (recording.HasMaternalHeartRate)
            {
                WriteChannel(writer, "mhrBpm", recording.MaternalHeartRate.Span);
            }

            if (recording.HasUterineActivity)
            {
                WriteChannel(writer, "ua", recording.UterineActivity.Span);
            }

            writer.WriteStartArray("quality");
            foreach (var quality in recording.Quality.Span)
            {
                writer.WriteStringValue(CtgCsv.QualityName(quality));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteChannel(Utf8JsonWriter writer, string name, ReadOnlySpan<float> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            if (float.IsNaN(value))
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteNumberValue(value);
            }
        }

        writer.WriteEndArray();
    }
}
