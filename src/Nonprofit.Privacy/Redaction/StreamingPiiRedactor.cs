using System;
using System.Collections.Generic;
using System.Text;

namespace Nonprofit.Privacy;

/// <summary>
/// Redacts text that arrives in chunks (a language model's streamed reply, a socket): it releases redacted
/// text as soon as it is safe and holds back only the tail that could still be part of, or give context
/// to, an entity. No character is lost, duplicated or reordered. Not thread-safe: one instance per stream.
/// </summary>
/// <remarks>
/// <para>
/// The output of <see cref="Append(ReadOnlySpan{char})"/> calls followed by <see cref="Complete"/> equals
/// <see cref="PiiRedactor.Redact(string, string?)"/> of the whole text whenever no entity and its context
/// words span more than <see cref="HoldBack"/> characters and no run of characters without white space is longer
/// than four times <see cref="HoldBack"/>. The released text kept as context is the detector's
/// <see cref="PiiDetectorOptions.ContextWindow"/> (at least 64 characters), so a context word released earlier still
/// counts.
/// </para>
/// <para>
/// A longer run without white space (a data URL, a base64 blob) is released in pieces so that memory and time
/// stay bounded. When the cut falls inside a match, the piece before the cut gets the operator's replacement and the
/// rest of the run, as it arrives, is masked (<see cref="RedactionOperator.Mask(char)"/> and
/// <see cref="RedactionOperator.KeepLast(int, char)"/>: every letter and digit, length kept, nothing kept at the end)
/// or dropped (every other operator, which has written its replacement once). Pieces never end inside a surrogate
/// pair or between <c>\r</c> and <c>\n</c>.
/// </para>
/// </remarks>
public sealed class StreamingPiiRedactor
{
    // At least this many characters are kept before the release point as context for what follows.
    private const int MinContextKeep = 64;

    /// <summary>The default number of characters held back.</summary>
    public const int DefaultHoldBack = 256;

    private readonly PiiRedactor _redactor;
    private readonly string? _scope;
    private readonly int _contextKeep;
    private readonly StringBuilder _pending = new();
    private readonly List<PiiMatch> _matches = [];
    private readonly List<PiiMatch> _released = [];
    private readonly StringBuilder _output = new();
    private int _contextLength;

    // The type of a match that the last release cut in two: the rest of its run is redacted as it arrives.
    private PiiEntityType? _continuation;

    // A pass that released nothing is not repeated before the pending text has grown this far (linear time).
    private int _nextPassAt;

    /// <summary>Initializes a streaming redactor.</summary>
    /// <param name="redactor">The redactor whose detector and operators are used.</param>
    /// <param name="scope">The pseudonym scope, for example the conversation id.</param>
    /// <param name="holdBack">How many trailing characters to hold until more text arrives, 32 to 65536.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="holdBack"/> is out of range.</exception>
    public StreamingPiiRedactor(PiiRedactor redactor, string? scope = null, int holdBack = DefaultHoldBack)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentOutOfRangeException.ThrowIfLessThan(holdBack, 32);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(holdBack, 65536);
        _redactor = redactor;
        _scope = scope;
        _contextKeep = Math.Max(MinContextKeep, redactor.Detector.ContextWindow);
        HoldBack = holdBack;
    }

    /// <summary>Gets the number of trailing characters held back until more text arrives.</summary>
    public int HoldBack { get; }

    /// <summary>Gets the number of characters received but not yet released.</summary>
    public int PendingLength => _pending.Length - _contextLength;

    /// <summary>Adds a chunk and returns the redacted text that is now safe to release (possibly empty).</summary>
    /// <param name="chunk">The next piece of the stream.</param>
    /// <returns>Redacted text to forward.</returns>
    public string Append(ReadOnlySpan<char> chunk)
    {
        _pending.Append(chunk);
        if (_pending.Length - _contextLength <= HoldBack * 2 || _pending.Length < _nextPassAt)
        {
            return string.Empty;
        }

        var released = Release(final: false);
        _nextPassAt = released.Length == 0 && _pending.Length - _contextLength > HoldBack * 2 ? _pending.Length + HoldBack / 2 : 0;
        return released;
    }

    /// <summary>Ends the stream: returns the redacted rest and resets the instance for reuse.</summary>
    /// <returns>The remaining redacted text.</returns>
    /// <remarks>The instance is reset even when redaction throws (a vault or an operator failing): the pending text is then dropped, never released with the next stream.</remarks>
    public string Complete()
    {
        try
        {
            return Release(final: true);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Drops any pending text without releasing it (for example when a stream is cancelled).</summary>
    public void Reset()
    {
        _pending.Clear();
        _contextLength = 0;
        _continuation = null;
        _nextPassAt = 0;
    }

    private string Release(bool final)
    {
        var text = _pending.ToString();
        _matches.Clear();
        _redactor.Detector.Detect(text, _matches);
        _output.Clear();

        // The first _contextLength characters were released already and stay only as context for words after them.
        // The rest of a run whose match the last release cut in two is redacted up to the next white space.
        var start = _contextLength;
        var continuation = _continuation;
        if (continuation is { } continued)
        {
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            _redactor.WritePiece(text.AsSpan(start, end - start), continued, _scope, continuation: true, _output);
            if (end < text.Length || final)
            {
                continuation = null;
            }

            start = end;
        }

        // Release up to a cut point that keeps HoldBack characters, is not inside a match, and falls on
        // white space so a word is never split between two detection passes.
        PiiMatch? split = null;
        var cut = final ? text.Length : FindCut(text, start, text.Length - HoldBack, out split);
        if (cut <= _contextLength)
        {
            return string.Empty;
        }

        cut = Math.Max(cut, start);

        _released.Clear();
        foreach (var m in _matches)
        {
            if (m.End <= start || m.Start >= cut || (split is { } s && m.Start == s.Start && m.End == s.End))
            {
                continue;
            }

            // A match that reaches back into released text is redacted from the release point on.
            var from = Math.Max(m.Start, start);
            _released.Add(m with { Start = from - start, Length = m.End - from });
        }

        var splitFrom = split is { } sp ? Math.Max(sp.Start, start) : cut;
        _redactor.Apply(text.AsSpan(start, splitFrom - start), _released, _scope, _output);
        if (split is { } piece)
        {
            _redactor.WritePiece(text.AsSpan(splitFrom, cut - splitFrom), piece.Type, _scope, continuation: false, _output);
            continuation = piece.Type;
        }

        var keep = Math.Min(_contextKeep, cut);
        _pending.Remove(0, cut - keep);
        _contextLength = keep;
        _continuation = continuation;
        return _output.ToString();
    }

    private int FindCut(string text, int start, int limit, out PiiMatch? split)
    {
        split = null;
        var cut = limit;
        while (cut > start)
        {
            // Move left to white space.
            var wordEnd = cut;
            while (cut > start && !char.IsWhiteSpace(text[cut - 1]))
            {
                cut--;
            }

            var forced = false;
            if (cut <= start && wordEnd - start > HoldBack * 4)
            {
                // One enormous run without white space: cut inside it rather than buffer without bound.
                cut = wordEnd;
                forced = true;
            }

            cut = KeepPairs(text, cut);
            if (cut <= start)
            {
                return start;
            }

            var inside = false;
            foreach (var m in _matches)
            {
                if (m.Start < cut && cut < m.End)
                {
                    if (forced)
                    {
                        // The run is itself (part of) a match: release it in pieces, redacted (see the remarks).
                        split = m;
                        return cut;
                    }

                    cut = m.Start;
                    inside = true;
                    break;
                }
            }

            if (!inside)
            {
                return cut;
            }
        }

        return start;
    }

    // Never end a released piece inside a surrogate pair or between CR and LF.
    private static int KeepPairs(string text, int cut)
    {
        if (cut > 0 && cut < text.Length &&
            ((char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1])) || (text[cut] == '\n' && text[cut - 1] == '\r')))
        {
            cut--;
        }

        return cut;
    }
}
