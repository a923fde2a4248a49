using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Nonprofit.Monitoring;

/// <summary>
/// The CSV layout of a <see cref="CtgRecording"/>: a header line, then one line a sample, comma-separated, '.' decimals,
/// an empty field for a missing value. Columns (any order; unknown ones are ignored when reading):
/// <c>time_s</c> (optional), <c>fhr_bpm</c> (required), <c>fhr2_bpm</c>, <c>mhr_bpm</c>, <c>ua</c>, <c>quality</c>
/// (<c>unknown</c>, <c>good</c>, <c>poor</c>, <c>lost</c>).
/// </summary>
internal static class CtgCsv
{
    internal const string Time = "time_s";
    internal const string Fhr = "fhr_bpm";
    internal const string Fhr2 = "fhr2_bpm";
    internal const string Mhr = "mhr_bpm";
    internal const string Ua = "ua";
    internal const string QualityColumn = "quality";

    private static readonly string[] s_known = [Time, Fhr, Fhr2, Mhr, Ua, QualityColumn];

    public static byte[] Format(CtgRecording recording)
    {
        var builder = new StringBuilder(recording.Length * 24);
        builder.Append(Time).Append(',').Append(Fhr);
        AppendIf(builder, recording.HasSecondFetalHeartRate, Fhr2);
        AppendIf(builder, recording.HasMaternalHeartRate, Mhr);
        AppendIf(builder, recording.HasUterineActivity, Ua);
        builder.Append(',').Append(QualityColumn).Append('\n');
        var fhr = recording.FetalHeartRate.Span;
        var fhr2 = recording.SecondFetalHeartRate.Span;
        var mhr = recording.MaternalHeartRate.Span;
        var ua = recording.UterineActivity.Span;
        var quality = recording.Quality.Span;
        for (var i = 0; i < recording.Length; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{i / recording.SampleRateHz}");
            AppendValue(builder, fhr[i]);
            if (recording.HasSecondFetalHeartRate)
            {
                AppendValue(builder, fhr2[i]);
            }

            if (recording.HasMaternalHeartRate)
            {
                AppendValue(builder, mhr[i]);
            }

            if (recording.HasUterineActivity)
            {
                AppendValue(builder, ua[i]);
            }

            builder.Append(',').Append(QualityName(quality[i])).Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    public static CtgRecording Parse(ReadOnlySpan<byte> bytes, double sampleRateHz)
    {
        var start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        if (bytes.Length > start && bytes[^1] != (byte)'\n')
        {
            throw new CtgFormatException(
                "The CSV input ends inside a line (every line, the last included, ends with a newline)",
                bytes.Length,
                lineNumber: bytes[start..].Count((byte)'\n') + 1);
        }

        var lineNumber = 1;
        var headerEnd = LineEnd(bytes, start);
        var columns = ParseHeader(bytes, start, headerEnd);
        var fhr = new List<float>();
        var fhr2 = columns[2] >= 0 ? new List<float>() : null;
        var mhr = columns[3] >= 0 ? new List<float>() : null;
        var ua = columns[4] >= 0 ? new List<float>() : null;
        var quality = new List<SignalQuality>();
        double firstTime = 0;
        var fieldStarts = new int[columns.Width + 1];
        var position = NextLine(bytes, headerEnd);
        while (position < bytes.Length)
        {
            lineNumber++;
            var end = LineEnd(bytes, position);
            var count = SplitFields(bytes, position, end, fieldStarts);
            if (count != columns.Width)
            {
                throw new CtgFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"The CSV line has {count} fields; the header has {columns.Width}"),
                    position,
                    lineNumber: lineNumber);
            }

            var row = fhr.Count;
            if (columns[0] >= 0)
            {
                var field = Field(bytes, fieldStarts, columns[0], end, out var offset);
                if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var time) || !double.IsFinite(time))
                {
                    throw new CtgFormatException($"The CSV field '{Time}' is not a number", offset, lineNumber: lineNumber);
                }

                if (row == 0)
                {
                    firstTime = time;
                }
                else if (Math.Abs(time - (firstTime + (row / sampleRateHz))) > 1e-3 + (1e-9 * Math.Abs(time)))
                {
                    throw new CtgFormatException(
                        string.Create(CultureInfo.InvariantCulture, $"The CSV field '{Time}' is not one sample period (1/{sampleRateHz} s) after the previous line"),
                        offset,
                        lineNumber: lineNumber);
                }
            }

            var value = ParseValue(bytes, fieldStarts, columns[1], end, Fhr, lineNumber);
            fhr.Add(value);
            fhr2?.Add(ParseValue(bytes, fieldStarts, columns[2], end, Fhr2, lineNumber));
            mhr?.Add(ParseValue(bytes, fieldStarts, columns[3], end, Mhr, lineNumber));
            ua?.Add(ParseValue(bytes, fieldStarts, columns[4], end, Ua, lineNumber));
            quality.Add(columns[5] >= 0
                ? ParseQuality(bytes, fieldStarts, columns[5], end, float.IsNaN(value), lineNumber)
                : float.IsNaN(value) ? SignalQuality.Lost : SignalQuality.Unknown);
            position = NextLine(bytes, end);
        }

        if (fhr.Count == 0)
        {
            throw new CtgFormatException("The CSV input has a header but no samples", bytes.Length, lineNumber: lineNumber);
        }

        return new CtgRecording(
            [.. fhr], sampleRateHz, fhr2?.ToArray(), mhr?.ToArray(), ua?.ToArray(), [.. quality], null, validate: false);
    }

    internal static string QualityName(SignalQuality quality) => quality switch
    {
        SignalQuality.Good => "good",
        SignalQuality.Poor => "poor",
        SignalQuality.Lost => "lost",
        _ => "unknown",
    };

    private static Columns ParseHeader(ReadOnlySpan<byte> bytes, int start, int end)
    {
        var columns = new Columns();
        var index = 0;
        var fieldStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && bytes[i] != (byte)',')
            {
                continue;
            }

            var name = Encoding.UTF8.GetString(bytes[fieldStart..i]).Trim();
            var known = Array.FindIndex(s_known, k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known >= 0)
            {
                if (columns[known] >= 0)
                {
                    throw new CtgFormatException($"The CSV header names the column '{s_known[known]}' twice", fieldStart, lineNumber: 1);
                }

                columns[known] = index;
            }

            index++;
            fieldStart = i + 1;
        }

        if (columns[1] < 0)
        {
            throw new CtgFormatException($"The CSV header has no '{Fhr}' column", start, lineNumber: 1);
        }

        columns.Width = index;
        return columns;
    }

    private static float ParseValue(ReadOnlySpan<byte> bytes, int[] starts, int column, int end, string name, int lineNumber)
    {
        var field = Field(bytes, starts, column, end, out var offset);
        if (field.IsEmpty)
        {
            return float.NaN;
        }

        return float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)
            ? value
            : throw new CtgFormatException($"The CSV field '{name}' is not a finite number or empty", offset, lineNumber: lineNumber);
    }

    private static SignalQuality ParseQuality(ReadOnlySpan<byte> bytes, int[] starts, int column, int end, bool lost, int lineNumber)
    {
        var field = Field(bytes, starts, column, end, out var offset);
        SignalQuality quality;
        if (field.IsEmpty)
        {
            quality = lost ? SignalQuality.Lost : SignalQuality.Unknown;
        }
        else if (!TryParseQuality(field, out quality))
        {
            throw new CtgFormatException($"The CSV field '{QualityColumn}' is not one of unknown, good, poor, lost", offset, lineNumber: lineNumber);
        }

        if (quality == SignalQuality.Lost && !lost)
        {
            throw new CtgFormatException($"The CSV field '{QualityColumn}' says lost but '{Fhr}' has a value", offset, lineNumber: lineNumber);
        }

        return lost ? SignalQuality.Lost : quality;
    }

    private static bool TryParseQuality(ReadOnlySpan<byte> field, out SignalQuality quality)
    {
        foreach (var candidate in (ReadOnlySpan<SignalQuality>)[SignalQuality.Unknown, SignalQuality.Good, SignalQuality.Poor, SignalQuality.Lost])
        {
            if (Ascii.EqualsIgnoreCase(field, QualityName(candidate)))
            {
                quality = candidate;
                return true;
            }
        }

        quality = default;
        return false;
    }

    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> bytes, int[] starts, int column, int end, out int offset)
    {
        offset = starts[column];
        var fieldEnd = column + 1 < starts.Length && starts[column + 1] > 0 ? starts[column + 1] - 1 : end;
        return bytes[offset..fieldEnd].Trim((byte)' ');
    }

    /// <summary>Records where each field starts; returns the number of fields.</summary>
    private static int SplitFields(ReadOnlySpan<byte> bytes, int start, int end, int[] starts)
    {
        Array.Clear(starts);
        var count = 0;
        var fieldStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && bytes[i] != (byte)',')
            {
                continue;
            }

            if (count < starts.Length - 1)
            {
                starts[count] = fieldStart;
            }

            count++;
            fieldStart = i + 1;
        }

        return count;
    }

    /// <summary>The end of the line at <paramref name="start"/>, before any "\r\n" or "\n".</summary>
    private static int LineEnd(ReadOnlySpan<byte> bytes, int start)
    {
        var newline = bytes[start..].IndexOf((byte)'\n');
        var end = newline < 0 ? bytes.Length : start + newline;
        return end > start && bytes[end - 1] == (byte)'\r' ? end - 1 : end;
    }

    private static int NextLine(ReadOnlySpan<byte> bytes, int lineEnd)
    {
        if (lineEnd < bytes.Length && bytes[lineEnd] == (byte)'\r')
        {
            lineEnd++;
        }

        return lineEnd + 1;
    }

    private static void AppendIf(StringBuilder builder, bool present, string column)
    {
        if (present)
        {
            builder.Append(',').Append(column);
        }
    }

    private static void AppendValue(StringBuilder builder, float value)
    {
        builder.Append(',');
        if (!float.IsNaN(value))
        {
            builder.Append(CultureInfo.InvariantCulture, $"{value}");
        }
    }

    /// <summary>Column index of each known column in <see cref="s_known"/> order (-1 when absent), and the header's width.</summary>
    private sealed class Columns
    {
        private readonly int[] _index = [-1, -1, -1, -1, -1, -1];

        public int Width { get; set; }

        public int this[int known]
        {
            get => _index[known];
            set => _index[known] = value;
        }
    }
}
