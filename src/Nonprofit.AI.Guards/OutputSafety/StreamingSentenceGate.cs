using System;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Holds back streamed text until a sentence ends (or <c>maxHoldBack</c> characters have no sentence end, then up to
/// the last space), so each sentence is checked once, before the user sees it. Each character is copied once and
/// scanned once: the cost is linear in the reply, not in the number of updates times its length.
/// </summary>
internal sealed class StreamingSentenceGate(int maxHoldBack)
{
    // Sized for an ordinary sentence, not from the option: a large MaxHoldBackChars must not allocate (or overflow) up
    // front on every streamed request; the buffer grows when the text held back needs it.
    private char[] _buffer = new char[Math.Clamp(maxHoldBack, 64, 1024)];
    private int _length;
    private int _scanned;
    private int _complete;

    /// <summary>The number of characters held back.</summary>
    public int PendingLength => _length;

    /// <summary>Appends streamed text; returns the text now ready to check and release ("" when none).</summary>
    public string Append(string text)
    {
        if (_length + text.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + text.Length));
        }

        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
        var span = _buffer.AsSpan(0, _length);
        for (var i = _scanned; i < _length; i++)
        {
            if (span[i] == '.' && i == _length - 1)
            {
                // A full stop at the end may be "2." of "2.5 mg": decide when the next character comes.
                _scanned = i;
                return Release();
            }

            if (SentenceBoundaries.EndsAt(span, i, atEnd: false))
            {
                _complete = i + 1;
            }
        }

        _scanned = _length;
        return Release();
    }

    /// <summary>Takes everything held back (at the end of the stream, or before non-text content).</summary>
    public string Flush()
    {
        _complete = _length;
        var text = Take(_length);
        _scanned = 0;
        return text;
    }

    private string Release()
    {
        if (_complete == 0 && _length > maxHoldBack)
        {
            var space = _buffer.AsSpan(0, _length).LastIndexOfAny(' ', '\t');
            _complete = space > 0 ? space + 1 : _length;
        }

        if (_complete == 0)
        {
            return "";
        }

        var cut = _complete;
        var text = Take(cut);
        _scanned = Math.Max(0, _scanned - cut);
        return text;
    }

    private string Take(int count)
    {
        if (count == 0)
        {
            return "";
        }

        var text = new string(_buffer, 0, count);
        _buffer.AsSpan(count, _length - count).CopyTo(_buffer);
        _length -= count;
        _complete = 0;
        return text;
    }
}
