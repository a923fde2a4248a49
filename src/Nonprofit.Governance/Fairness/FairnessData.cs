using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Governance.Fairness;

/// <summary>Reads decision logs for <see cref="FairnessAudit"/>.</summary>
public static class FairnessData
{
    /// <summary>Reads a CSV decision log (RFC 4180: header row, comma-separated, fields optionally in double quotes
    /// with doubled quotes inside, CRLF or LF line ends, UTF-8 with or without a byte order mark).</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="groupColumn">The header of the group column (matched ignoring case).</param>
    /// <param name="decisionColumn">The header of the decision column: 1/0, true/false or yes/no (any case).</param>
    /// <param name="outcomeColumn">The header of the true-outcome column, same values, empty when not known; or
    /// <see langword="null"/> when the log has no outcomes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sample, with groups numbered in ordinal order of their values.</returns>
    /// <exception cref="FormatException">The CSV is malformed or a value is invalid; the message gives the line and
    /// the column name, never a cell's content.</exception>
    public static async Task<DecisionSample> ReadCsvAsync(string path, string groupColumn, string decisionColumn, string? outcomeColumn = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadCsvAsync(stream, groupColumn, decisionColumn, outcomeColumn, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a CSV decision log from a stream (see the path overload for the format); the stream is left open.</summary>
    /// <param name="stream">The CSV bytes.</param>
    /// <param name="groupColumn">The header of the group column (matched ignoring case).</param>
    /// <param name="decisionColumn">The header of the decision column: 1/0, true/false or yes/no (any case).</param>
    /// <param name="outcomeColumn">The header of the true-outcome column, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="FormatException">The CSV is malformed or a value is invalid (line and column name given).</exception>
    public static async Task<DecisionSample> ReadCsvAsync(Stream stream, string groupColumn, string decisionColumn, string? outcomeColumn = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(groupColumn);
        ArgumentException.ThrowIfNullOrEmpty(decisionColumn);
        if (outcomeColumn is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(outcomeColumn);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var parser = new CsvDecisionParser(groupColumn, decisionColumn, outcomeColumn);
        var buffer = new char[1 << 16];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            parser.Feed(buffer.AsSpan(0, read));
        }

        return parser.Finish();
    }
}

/// <summary>An RFC 4180 state machine that keeps only the three columns an audit needs.</summary>
internal sealed class CsvDecisionParser
{
    private const string Expected = "expected 1/0, true/false or yes/no";

    private readonly string _groupName;
    private readonly string _decisionName;
    private readonly string? _outcomeName;
    private readonly Dictionary<string, int> _groupIndex = new(StringComparer.Ordinal);
    private readonly List<string> _groups = [];
    private readonly List<int> _rowGroups = [];
    private readonly List<bool> _rowDecisions = [];
    private readonly List<Outcome> _rowOutcomes = [];
    private List<string>? _header = [];
    private char[] _field = new char[256];
    private int _fieldLength;
    private State _state;
    private long _line = 1;
    private long _fieldLine = 1;
    private long _recordLine = 1;
    private int _fieldIndex;
    private long _blankLine;
    private int _columnCount;
    private int _groupColumn = -1;
    private int _decisionColumn = -1;
    private int _outcomeColumn = -1;
    private int _pendingGroup;
    private bool _pendingDecision;
    private Outcome _pendingOutcome;

    public CsvDecisionParser(string groupColumn, string decisionColumn, string? outcomeColumn)
    {
        _groupName = groupColumn;
        _decisionName = decisionColumn;
        _outcomeName = outcomeColumn;
    }

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    public void Feed(ReadOnlySpan<char> chars)
    {
        foreach (var ch in chars)
        {
            if (_blankLine > 0 && ch is not ('\n' or '\r'))
            {
                throw Error(_blankLine, string.Create(CultureInfo.InvariantCulture, $"an empty line; expected {_columnCount} fields as in the header"));
            }

            switch (_state)
            {
                case State.FieldStart:
                    if (ch == '"')
                    {
                        _state = State.Quoted;
                    }
                    else if (ch == ',')
                    {
                        EndField();
                    }
                    else if (ch == '\n')
                    {
                        if (_header is null && _fieldIndex == 0 && _columnCount > 1)
                        {
                            // A blank line: only allowed at the end of the file.
                            _blankLine = _blankLine == 0 ? _line : _blankLine;
                            _line++;
                            _fieldLine = _recordLine = _line;
                        }
                        else
                        {
                            EndField();
                            EndRecord();
                        }
                    }
                    else if (ch != '\r')
                    {
                        Append(ch);
                        _state = State.Unquoted;
                    }

                    break;
                case State.Unquoted:
                    if (ch == ',')
                    {
                        EndField();
                    }
                    else if (ch == '\n')
                    {
                        EndField();
                        EndRecord();
                    }
                    else if (ch == '"')
                    {
                        throw Error(_line, "a double quote inside an unquoted field (RFC 4180 requires the field to be quoted)");
                    }
                    else if (ch != '\r')
                    {
                        Append(ch);
                    }

                    break;
                case State.Quoted:
                    if (ch == '"')
                    {
                        _state = State.QuoteInQuoted;
                    }
                    else
                    {
                        if (ch == '\n')
                        {
                            _line++;
                        }

                        Append(ch);
                    }

                    break;
                default:
                    if (ch == '"')
                    {
                        Append('"');
                        _state = State.Quoted;
                    }
                    else if (ch == ',')
                    {
                        EndField();
                    }
                    else if (ch == '\n')
                    {
                        EndField();
                        EndRecord();
                    }
                    else if (ch != '\r')
                    {
                        throw Error(_line, "a character after the closing quote of a field");
                    }

                    break;
            }
        }
    }

    public DecisionSample Finish()
    {
        if (_state == State.Quoted)
        {
            throw Error(_fieldLine, "the file ends inside a quoted field");
        }

        if (_state != State.FieldStart || _fieldIndex > 0)
        {
            EndField();
            EndRecord();
        }

        if (_header is not null)
        {
            throw Error(1, "the file has no header row");
        }

        return DecisionSample.Ordered(_groups, [.. _rowGroups], [.. _rowDecisions], _outcomeName is null ? [] : [.. _rowOutcomes]);
    }

    private static FormatException Error(long line, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Line {line}: {message}."));

    private static bool? ParseBinary(ReadOnlySpan<char> value)
    {
        if (value.Equals("1", StringComparison.Ordinal) || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.Equals("0", StringComparison.Ordinal) || value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return null;
    }

    private void Append(char ch)
    {
        if (_fieldLength == _field.Length)
        {
            Array.Resize(ref _field, _field.Length * 2);
        }

        _field[_fieldLength++] = ch;
    }

    private void EndField()
    {
        var value = _field.AsSpan(0, _fieldLength);
        if (_header is not null)
        {
            _header.Add(value.ToString());
        }
        else if (_fieldIndex == _groupColumn)
        {
            if (value.Trim().IsEmpty)
            {
                throw Error(_fieldLine, $"column '{_groupName}' has no group value");
            }

            var lookup = _groupIndex.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(value, out var g))
            {
                g = _groups.Count;
                var name = value.ToString();
                _groupIndex.Add(name, g);
                _groups.Add(name);
            }

            _pendingGroup = g;
        }
        else if (_fieldIndex == _decisionColumn)
        {
            var trimmed = value.Trim();
            _pendingDecision = ParseBinary(trimmed)
                ?? throw Error(_fieldLine, trimmed.IsEmpty ? $"column '{_decisionName}' has no value; {Expected}" : $"column '{_decisionName}' is not a binary value; {Expected}");
        }
        else if (_fieldIndex == _outcomeColumn)
        {
            var trimmed = value.Trim();
            _pendingOutcome = trimmed.IsEmpty
                ? Outcome.Unknown
                : ParseBinary(trimmed) switch
                {
                    true => Outcome.Positive,
                    false => Outcome.Negative,
                    null => throw Error(_fieldLine, $"column '{_outcomeName}' is not a binary value; {Expected}, or empty when unknown"),
                };
        }

        _fieldIndex++;
        _fieldLength = 0;
        _fieldLine = _line;
        _state = State.FieldStart;
    }

    private void EndRecord()
    {
        if (_header is not null)
        {
            _columnCount = _header.Count;
            _groupColumn = Find(_header, _groupName);
            _decisionColumn = Find(_header, _decisionName);
            _outcomeColumn = _outcomeName is null ? -1 : Find(_header, _outcomeName);
            _header = null;
        }
        else
        {
            if (_fieldIndex != _columnCount)
            {
                throw Error(_recordLine, string.Create(CultureInfo.InvariantCulture, $"expected {_columnCount} fields as in the header, found {_fieldIndex}"));
            }

            _rowGroups.Add(_pendingGroup);
            _rowDecisions.Add(_pendingDecision);
            _rowOutcomes.Add(_pendingOutcome);
        }

        _fieldIndex = 0;
        _line++;
        _fieldLine = _line;
        _recordLine = _line;
    }

    private int Find(List<string> header, string name)
    {
        var found = -1;
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                if (found >= 0)
                {
                    throw Error(_recordLine, $"more than one column is named '{name}'");
                }

                found = i;
            }
        }

        return found >= 0 ? found : throw Error(_recordLine, $"no column named '{name}' in the header");
    }
}
