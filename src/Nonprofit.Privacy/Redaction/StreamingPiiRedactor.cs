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
/// The output of <see cref="Append(ReadOnlySpan{char})"/> calls followed by <see cref="Complete"/> equals
/// <see cref="PiiRedactor.Redact(string, string?)"/> of the whole text whenever no entity and its context
/// words span more than <see cref="HoldBack"/> characters.
/// </remarks>
public sealed class StreamingPiiRedactor
{
    // Characters kept before the release point as context for what follows (the detector's context window).
    private const int ContextKeep = 64;

    /// <summary>The default number of characters held back.</summary>
    public const int DefaultHoldBack = 256;

    private readonly PiiRedactor _redactor;
    private readonly string? _scope;
    private readonly StringBuilder _pending = new();
    private readonly List<PiiMatch> _matches = [];
    private readonly StringBuilder _output = new();
    private int _contextLength;

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
        if (_pending.Length - _contextLength <= HoldBack * 2)
        {
            return string.Empty;
        }

        return Release(final: false);
    }

    /// <summary>Ends the stream: returns the redacted rest and resets the instance for reuse.</summary>
    /// <returns>The remaining redacted text.</returns>
    public string Complete()
    {
        var rest = Release(final: true);
        Reset();
        return rest;
    }

    /// <summary>Drops any pending text without releasing it (for example when a stream is cancelled).</summary>
    public void Reset()
    {
        _pending.Clear();
        _contextLength = 0;
    }

    private string Release(bool final)
    {
        var text = _pending.ToString();
        _matches.Clear();
        _redactor.Detector.Detect(text, _matches);

        // Release up to a cut point that keeps HoldBack characters, is not inside a match, and falls on
        // white space so a word is never split between two detection passes. The first _contextLength
        // characters were released already and stay only as context for words after them.
        var cut = final ? text.Length : FindCut(text, text.Length - HoldBack);
        if (cut <= _contextLength)
        {
            return string.Empty;
        }

        var released = new List<PiiMatch>(_matches.Count);
        foreach (var m in _matches)
        {
            if (m.End <= _contextLength || m.Start >= cut)
            {
                continue;
            }

            // A match that reaches back into released text is redacted from the release point on.
            released.Add(m.Start >= _contextLength ? m : m with { Start = _contextLength, Length = m.End - _contextLength });
        }

        for (var i = 0; i < released.Count; i++)
        {
            released[i] = released[i] with { Start = released[i].Start - _contextLength };
        }

        _output.Clear();
        _redactor.Apply(text.AsSpan(_contextLength, cut - _contextLength), released, _scope, _output);
        var keep = Math.Min(ContextKeep, cut);
        _pending.Remove(0, cut - keep);
        _contextLength = keep;
        return _output.ToString();
    }

    private int FindCut(string text, int limit)
    {
        var cut = limit;
        while (cut > _contextLength)
        {
            // Move left to white space.
            var wordEnd = cut;
            while (cut > _contextLength && !char.IsWhiteSpace(text[cut - 1]))
            {
                cut--;
            }

            if (cut <= _contextLength && wordEnd - _contextLength > HoldBack * 4)
            {
                // One enormous token without white space: cut inside it rather than buffer without bound.
                cut = wordEnd;
            }

            var inside = false;
            foreach (var m in _matches)
            {
                if (m.Start < cut && cut < m.End)
                {
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

        return 0;
    }
}
