using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Nonprofit.Monitoring;

/// <summary>
/// Parses a single-segment PhysioNet WFDB record whose signals are interleaved in one format-16 file (16-bit two's
/// complement, little-endian), as in the CTU-UHB intrapartum CTG database: signals FHR and UC at 4 Hz, gain 100.
/// Header syntax: https://physionet.org/physiotools/wag/header-5.htm; format 16: https://physionet.org/physiotools/wag/signal-5.htm.
/// </summary>
internal static class WfdbParser
{
    internal const string HeaderPart = "WFDB header";
    internal const string DataPart = "WFDB data";

    /// <summary>The WFDB default when a header gives no sampling frequency.</summary>
    private const double DefaultFrequency = 250;

    /// <summary>The WFDB default when a header gives no gain, or a gain of 0.</summary>
    private const double DefaultGain = 200;

    /// <summary>The format-16 value WFDB uses for an invalid (missing) sample.</summary>
    private const short InvalidSample = short.MinValue;

    public static CtgRecording Parse(ReadOnlySpan<byte> header, ReadOnlySpan<byte> data) => Decode(ParseHeader(header), data);

    public static WfdbHeader ParseHeader(ReadOnlySpan<byte> header)
    {
        if (header.IsEmpty)
        {
            throw new CtgFormatException("The WFDB header is empty", 0, HeaderPart);
        }

        if (header[^1] != (byte)'\n')
        {
            throw new CtgFormatException("The WFDB header ends inside a line (a header ends with a newline)", header.Length, HeaderPart);
        }

        var lines = SignificantLines(header);
        if (lines.Count == 0)
        {
            throw new CtgFormatException("The WFDB header has no record line", header.Length, HeaderPart, CountLines(header));
        }

        var (recordLine, recordLineNumber) = lines[0];
        var record = Tokens(header, recordLine);
        if (record.Count < 2)
        {
            throw Error(recordLine.Start, recordLineNumber, "The WFDB record line needs a record name and a number of signals");
        }

        if (header.Slice(record[0].Start, record[0].Length).Contains((byte)'/'))
        {
            throw Error(record[0].Start, recordLineNumber, "Multi-segment WFDB records are not supported");
        }

        var signalCount = ParseInt(header, record[1], recordLineNumber, "number of signals");
        if (signalCount < 1)
        {
            throw Error(record[1].Start, recordLineNumber, "The WFDB record declares no signals");
        }

        var frequency = DefaultFrequency;
        if (record.Count > 2)
        {
            var token = record[2];
            var text = header.Slice(token.Start, token.Length);
            var end = text.IndexOfAny((byte)'/', (byte)'(');
            var number = new Range(token.Start, token.Start + (end < 0 ? token.Length : end));
            frequency = ParseDouble(header, number, recordLineNumber, "sampling frequency");
            if (!(frequency > 0) || !double.IsFinite(frequency))
            {
                throw Error(token.Start, recordLineNumber, "The WFDB sampling frequency must be positive");
            }
        }

        long? samples = null;
        if (record.Count > 3)
        {
            var declared = ParseLong(header, record[3], recordLineNumber, "number of samples");
            if (declared < 0)
            {
                throw Error(record[3].Start, recordLineNumber, "The WFDB number of samples must not be negative");
            }

            samples = declared == 0 ? null : declared;
        }

        if (lines.Count - 1 < signalCount)
        {
            throw new CtgFormatException(
                string.Create(CultureInfo.InvariantCulture, $"The WFDB header declares {signalCount} signals but has {lines.Count - 1} signal lines"),
                header.Length,
                HeaderPart,
                CountLines(header));
        }

        var signals = new List<WfdbSignal>(signalCount);
        for (var s = 0; s < signalCount; s++)
        {
            signals.Add(ParseSignal(header, lines[s + 1].Line, lines[s + 1].Number));
            if (!signals[s].FileName.Equals(signals[0].FileName, StringComparison.Ordinal))
            {
                throw Error(lines[s + 1].Line.Start, lines[s + 1].Number, "Every signal must be in the same format-16 file");
            }
        }

        return new WfdbHeader(frequency, samples, signals);
    }

    public static CtgRecording Decode(WfdbHeader header, ReadOnlySpan<byte> data)
    {
        var signalCount = header.Signals.Count;
        var frame = 2L * signalCount;
        if (data.IsEmpty)
        {
            throw new CtgFormatException("The WFDB data file holds no samples", 0, DataPart);
        }

        long count;
        if (header.Samples is { } declared)
        {
            var expected = declared * frame;
            if (data.Length < expected)
            {
                throw new CtgFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"The WFDB data ends before the {declared} samples its header declares"),
                    data.Length,
                    DataPart);
            }

            if (data.Length > expected)
            {
                throw new CtgFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"The WFDB data is longer than the {declared} samples its header declares"),
                    expected,
                    DataPart);
            }

            count = declared;
        }
        else
        {
            count = data.Length / frame;
            if (data.Length % frame != 0)
            {
                throw new CtgFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"The WFDB data ends inside a frame ({frame} bytes a frame)"),
                    count * frame,
                    DataPart);
            }
        }

        if (count > Array.MaxLength)
        {
            throw new CtgFormatException("The WFDB record has more samples than a recording can hold", 0, DataPart);
        }

        var channels = new float[signalCount][];
        var sums = new short[signalCount];
        for (var s = 0; s < signalCount; s++)
        {
            channels[s] = new float[count];
        }

        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            for (var s = 0; s < signalCount; s++, offset += 2)
            {
                var adc = BinaryPrimitives.ReadInt16LittleEndian(data[offset..]);
                sums[s] = unchecked((short)(sums[s] + adc));
                var signal = header.Signals[s];
                channels[s][i] = adc == InvalidSample ? float.NaN : (float)((adc - signal.Baseline) / signal.Gain);
            }
        }

        for (var s = 0; s < signalCount; s++)
        {
            var signal = header.Signals[s];
            if (signal.Checksum is { } checksum && checksum != sums[s])
            {
                throw new CtgFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"The WFDB data does not match the checksum of signal {s + 1}"),
                    signal.ChecksumOffset,
                    HeaderPart,
                    signal.LineNumber);
            }
        }

        return Assemble(header, channels);
    }

    private static CtgRecording Assemble(WfdbHeader header, float[][] channels)
    {
        int? fhr = null, ua = null, mhr = null;
        for (var s = 0; s < header.Signals.Count; s++)
        {
            var description = header.Signals[s].Description;
            if (fhr is null && description.Equals("FHR", StringComparison.OrdinalIgnoreCase))
            {
                fhr = s;
            }
            else if (ua is null && (description.Equals("UC", StringComparison.OrdinalIgnoreCase)
                || description.Equals("TOCO", StringComparison.OrdinalIgnoreCase)
                || description.Equals("UA", StringComparison.OrdinalIgnoreCase)))
            {
                ua = s;
            }
            else if (mhr is null && description.Equals("MHR", StringComparison.OrdinalIgnoreCase))
            {
                mhr = s;
            }
        }

        // CTU-UHB order when the descriptions say nothing: FHR first, then uterine contractions.
        fhr ??= 0;
        if (ua is null)
        {
            for (var s = 0; s < header.Signals.Count; s++)
            {
                if (s != fhr && s != mhr)
                {
                    ua = s;
                    break;
                }
            }
        }

        // CTU-UHB marks signal loss in FHR with 0.
        ZeroIsLoss(channels[fhr.Value]);
        if (mhr is not null)
        {
            ZeroIsLoss(channels[mhr.Value]);
        }

        return new CtgRecording(
            channels[fhr.Value],
            header.SamplingFrequency,
            secondFetalHeartRate: null,
            maternalHeartRate: mhr is null ? null : channels[mhr.Value],
            uterineActivity: ua is null ? null : channels[ua.Value],
            quality: null,
            startTime: null,
            validate: false);
    }

    private static void ZeroIsLoss(float[] channel)
    {
        for (var i = 0; i < channel.Length; i++)
        {
            if (channel[i] == 0)
            {
                channel[i] = float.NaN;
            }
        }
    }

    private static WfdbSignal ParseSignal(ReadOnlySpan<byte> header, LineSpan line, int lineNumber)
    {
        var tokens = Tokens(header, line);
        if (tokens.Count < 2)
        {
            throw Error(line.Start, lineNumber, "A WFDB signal line needs a file name and a format");
        }

        var fileName = Encoding.ASCII.GetString(header.Slice(tokens[0].Start, tokens[0].Length));
        if (!header.Slice(tokens[1].Start, tokens[1].Length).SequenceEqual("16"u8))
        {
            throw Error(tokens[1].Start, lineNumber, "Only WFDB format 16 without skew, offset or multiple samples per frame is supported");
        }

        var gain = DefaultGain;
        int? baseline = null;
        if (tokens.Count > 2)
        {
            var token = tokens[2];
            var text = header.Slice(token.Start, token.Length);
            var open = text.IndexOf((byte)'(');
            var slash = text.IndexOf((byte)'/');
            var gainEnd = open >= 0 ? open : slash >= 0 ? slash : token.Length;
            var parsedGain = ParseDouble(header, new Range(token.Start, token.Start + gainEnd), lineNumber, "gain");
            if (parsedGain < 0 || !double.IsFinite(parsedGain))
            {
                throw Error(token.Start, lineNumber, "A WFDB gain must not be negative");
            }

            gain = parsedGain == 0 ? DefaultGain : parsedGain;
            if (open >= 0)
            {
                var close = text.IndexOf((byte)')');
                if (close < open)
                {
                    throw Error(token.Start + open, lineNumber, "A WFDB baseline must be closed with ')'");
                }

                baseline = ParseInt(header, new Range(token.Start + open + 1, token.Start + close), lineNumber, "baseline");
            }
        }

        var adcZero = tokens.Count > 4 ? ParseInt(header, tokens[4], lineNumber, "ADC zero") : 0;
        short? checksum = null;
        var checksumOffset = -1;
        if (tokens.Count > 6)
        {
            var value = ParseInt(header, tokens[6], lineNumber, "checksum");
            checksum = unchecked((short)value);
            checksumOffset = tokens[6].Start;
        }

        var description = tokens.Count > 8
            ? Encoding.ASCII.GetString(header[tokens[8].Start..line.End]).Trim()
            : string.Empty;
        return new WfdbSignal(fileName, tokens[0].Start, gain, baseline ?? adcZero, checksum, checksumOffset, lineNumber, description);
    }

    private static List<(LineSpan Line, int Number)> SignificantLines(ReadOnlySpan<byte> header)
    {
        var lines = new List<(LineSpan, int)>();
        var start = 0;
        var number = 0;
        while (start < header.Length)
        {
            number++;
            var length = header[start..].IndexOf((byte)'\n');
            var end = start + length;
            var contentEnd = end > start && header[end - 1] == (byte)'\r' ? end - 1 : end;
            var content = header[start..contentEnd].Trim(" \t"u8);
            if (!content.IsEmpty && content[0] != (byte)'#')
            {
                lines.Add((new LineSpan(start, contentEnd), number));
            }

            start = end + 1;
        }

        return lines;
    }

    private static List<(int Start, int Length)> Tokens(ReadOnlySpan<byte> header, LineSpan line)
    {
        var tokens = new List<(int, int)>();
        var i = line.Start;
        var end = line.End;
        while (i < end)
        {
            while (i < end && (header[i] == (byte)' ' || header[i] == (byte)'\t'))
            {
                i++;
            }

            var tokenStart = i;
            while (i < end && header[i] != (byte)' ' && header[i] != (byte)'\t')
            {
                i++;
            }

            if (i > tokenStart)
            {
                tokens.Add((tokenStart, i - tokenStart));
            }
        }

        return tokens;
    }

    private static int ParseInt(ReadOnlySpan<byte> header, (int Start, int Length) token, int lineNumber, string field) =>
        ParseInteger<int>(header, token, lineNumber, field);

    private static int ParseInt(ReadOnlySpan<byte> header, Range range, int lineNumber, string field)
    {
        var (start, length) = range.GetOffsetAndLength(header.Length);
        return ParseInt(header, (start, length), lineNumber, field);
    }

    private static long ParseLong(ReadOnlySpan<byte> header, (int Start, int Length) token, int lineNumber, string field) =>
        ParseInteger<long>(header, token, lineNumber, field);

    private static T ParseInteger<T>(ReadOnlySpan<byte> header, (int Start, int Length) token, int lineNumber, string field)
        where T : IBinaryInteger<T> =>
        T.TryParse(header.Slice(token.Start, token.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(token.Start, lineNumber, $"The WFDB {field} is not an integer");

    private static double ParseDouble(ReadOnlySpan<byte> header, Range range, int lineNumber, string field)
    {
        var (start, length) = range.GetOffsetAndLength(header.Length);
        return double.TryParse(header.Slice(start, length), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(start, lineNumber, $"The WFDB {field} is not a number");
    }

    private static CtgFormatException Error(int offset, int lineNumber, string message) =>
        new(message, offset, HeaderPart, lineNumber);

    private static int CountLines(ReadOnlySpan<byte> header) => header.Count((byte)'\n');
}

/// <summary>A line of a header, from its first byte to its end (before any "\r\n").</summary>
internal readonly record struct LineSpan(int Start, int End);

/// <summary>A parsed WFDB header: sampling frequency, declared samples per signal, and the signals.</summary>
internal sealed record WfdbHeader(double SamplingFrequency, long? Samples, IReadOnlyList<WfdbSignal> Signals);

/// <summary>One WFDB signal line: file, gain (ADC units per physical unit), baseline, checksum and description.</summary>
internal sealed record WfdbSignal(string FileName, int FileNameOffset, double Gain, int Baseline, short? Checksum, int ChecksumOffset, int LineNumber, string Description);
