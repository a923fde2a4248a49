using System.Text;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Restores pseudonyms in a reply that arrives in pieces. It holds back only the shortest suffix that could be the start
/// of a pseudonym split across pieces, and gives the same text, concatenated, as restoring the whole reply at once.
/// </summary>
internal sealed class StreamingPseudonymRestorer(IPseudonymVault vault, string scope)
{
    private readonly StringBuilder _pending = new();
    private int _restored;

    /// <summary>Gets how many pseudonyms were restored so far.</summary>
    public int Restored => _restored;

    /// <summary>Gets the number of characters held back.</summary>
    public int PendingLength => _pending.Length;

    /// <summary>Takes the next piece; returns the restored text that can be shown now (possibly empty).</summary>
    public string Append(string chunk)
    {
        string text;
        if (_pending.Length == 0)
        {
            text = chunk;
        }
        else
        {
            text = _pending.Append(chunk).ToString();
            _pending.Clear();
        }

        var hold = PseudonymRestorer.OpenSuffixLength(text);
        if (hold > 0)
        {
            _pending.Append(text, text.Length - hold, hold);
            text = text[..^hold];
        }

        return PseudonymRestorer.Restore(text, vault, scope, ref _restored);
    }

    /// <summary>Ends the reply (or a run of text): returns everything held back, restored.</summary>
    public string Flush()
    {
        if (_pending.Length == 0)
        {
            return "";
        }

        var text = _pending.ToString();
        _pending.Clear();
        return PseudonymRestorer.Restore(text, vault, scope, ref _restored);
    }
}
