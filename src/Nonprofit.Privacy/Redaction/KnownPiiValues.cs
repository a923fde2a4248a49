using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Privacy;

/// <summary>
/// The values a pseudonym scope already holds, ready to be found again in a text where detection alone would miss them
/// (a name found after "my name is", later written alone). Immutable and thread-safe; it holds personal data, so keep it
/// no longer than the scope it came from and never log it (its <see cref="object.ToString"/> shows no value).
/// </summary>
/// <remarks>
/// <para>
/// A value is found only as a whole word (the characters around it are not letters, digits, combining marks or
/// <c>_</c>), longest first, so "Grace" is not found inside "Graceland" and a known "Grace Wanjiru" does not make the
/// word "grace" alone personal data. Text is compared ignoring case (ordinal); a phone, identity or account number
/// with at least six digits and no letters is found written with any separators, by its digits (<c>0712 345 678</c> and
/// <c>0712-345678</c>), but not with or without a country code it was not first written with.
/// </para>
/// <para>
/// Not looked for: ages (a bare "42" would take every quantity and page number with it), values with letters shorter
/// than three characters (a name "Al" would take the Spanish "al"), and numbers without letters of fewer than six
/// digits; a number without letters is found by its digits only. Only a verbatim repeat (ignoring case) is found,
/// except that any run of white space (a line break, an NBSP, two spaces) matches the space between a multi-word
/// value's words: not the value without its accents, in another Unicode normal form, reordered or in part.
/// </para>
/// </remarks>
public sealed class KnownPiiValues
{
    /// <summary>The recognizer name of the matches this finds.</summary>
    public const string RecognizerName = "known_value";

    /// <summary>Below this many text values each is looked for with a vectorised IndexOf; from it, one SearchValues.</summary>
    private const int SearchValuesFrom = 6;

    private const int MinDigits = 6;

    private const int MinLetterValueLength = 3;

    private readonly string[] _texts; // longest first
    private readonly PiiEntityType[] _textTypes;
    private readonly Dictionary<string, PiiEntityType>? _digits;
    private readonly Dictionary<string, PiiEntityType>.AlternateLookup<ReadOnlySpan<char>> _digitLookup;
    private readonly int _maxDigits;
    private static readonly SearchValues<char> s_otherSpaces =
        SearchValues.Create("\t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    private readonly string[]?[] _words; // the words of each multi-word value, null for a single word
    private readonly bool _multiWord;
    private SearchValues<string>? _search;

    /// <summary>Initializes the set from values and their types.</summary>
    /// <param name="values">The values; when one is given twice (ignoring case), its first type is kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or one of its values is <see langword="null"/>.</exception>
    public KnownPiiValues(IEnumerable<KeyValuePair<PiiEntityType, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = new Dictionary<string, PiiEntityType>(StringComparer.OrdinalIgnoreCase);
        Span<char> buffer = stackalloc char[32];
        foreach (var (type, value) in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            var trimmed = value.Trim();
            if (!IsListable(type, trimmed))
            {
                continue;
            }

            if (HasLetter(trimmed))
            {
                texts.TryAdd(trimmed, type);
            }
            else if (TextScan.CopyDigits(trimmed, buffer) is var n && n >= MinDigits) // digits and separators only (-1: too many)
            {
                _digits ??= new Dictionary<string, PiiEntityType>(StringComparer.Ordinal);
                _digits.TryAdd(buffer[..n].ToString(), type);
                _maxDigits = Math.Max(_maxDigits, n);
            }
        }

        _texts = new string[texts.Count];
        texts.Keys.CopyTo(_texts, 0);
        Array.Sort(_texts, static (a, b) => b.Length.CompareTo(a.Length));
        _textTypes = new PiiEntityType[_texts.Length];
        _words = new string[]?[_texts.Length];
        for (var i = 0; i < _texts.Length; i++)
        {
            _textTypes[i] = texts[_texts[i]];
            if (_texts[i].Contains(' ', StringComparison.Ordinal))
            {
                _words[i] = _texts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                _multiWord = true;
            }
        }

        if (_digits is not null)
        {
            _digitLookup = _digits.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>Gets the number of distinct values looked for.</summary>
    public int Count => _texts.Length + (_digits?.Count ?? 0);

    /// <summary>Appends, in position order and not overlapping one another, where the known values occur in <paramref name="text"/>.</summary>
    /// <param name="text">The text to search.</param>
    /// <param name="matches">Receives the matches (score 1, recognizer <see cref="RecognizerName"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="matches"/> is <see langword="null"/>.</exception>
    public void FindAll(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (Count == 0 || text.Length < 2)
        {
            return;
        }

        var first = matches.Count;
        Find(text, matches);
        if (matches.Count - first > 1)
        {
            KeepLongest(matches, first);
        }
    }

    private void Find(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        if (_texts.Length < SearchValuesFrom)
        {
            for (var v = 0; v < _texts.Length; v++)
            {
                FindEach(text, v, matches);
            }
        }
        else
        {
            FindWithSearchValues(text, matches);
        }

        if (_digits is not null)
        {
            FindNumbers(text, matches);
        }

        if (_multiWord && (text.ContainsAny(s_otherSpaces) || text.IndexOf("  ", StringComparison.Ordinal) >= 0))
        {
            FindSpaced(text, matches);
        }
    }

    /// <summary>
    /// Finds the multi-word values written with any run of white space between their words (a line break, an NBSP, two
    /// spaces): only run when the text has such spacing, as the verbatim search covers single spaces.
    /// </summary>
    private void FindSpaced(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        for (var v = 0; v < _texts.Length; v++)
        {
            if (_words[v] is not { } words)
            {
                continue;
            }

            var from = 0;
            while (from < text.Length)
            {
                var at = text[from..].IndexOf(words[0], StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                at += from;
                var end = at + words[0].Length;
                for (var w = 1; w < words.Length && end >= 0; w++)
                {
                    var space = end;
                    while (space < text.Length && char.IsWhiteSpace(text[space]))
                    {
                        space++;
                    }

                    end = space > end && text[space..].StartsWith(words[w], StringComparison.OrdinalIgnoreCase) ? space + words[w].Length : -1;
                }

                if (end >= 0 && IsWholeWord(text, at, end - at))
                {
                    matches.Add(new PiiMatch(_textTypes[v], at, end - at, 1.0, RecognizerName));
                }

                from = at + 1;
            }
        }
    }

    /// <summary>
    /// Adds to matches a detector found the known values it missed in the same text: overlapping matches become their
    /// union, with the longer one's type (the detected one's on equal length), so a known "Koffi Mensah" replaces a
    /// detected "Koffi" in it, and a detected "Ama Tendai" with a known "Tendai Mwale" gives "Ama Tendai Mwale".
    /// </summary>
    /// <param name="text">The text <paramref name="detected"/> was found in.</param>
    /// <param name="detected">Matches ordered by position and not overlapping, as <see cref="PiiDetector.Detect(string)"/> returns them.</param>
    /// <returns>The merged matches, ordered and not overlapping; <paramref name="detected"/> itself when no known value adds anything.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detected"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<PiiMatch> Complete(ReadOnlySpan<char> text, IReadOnlyList<PiiMatch> detected)
    {
        ArgumentNullException.ThrowIfNull(detected);
        if (Count == 0 || text.Length < 2)
        {
            return detected;
        }

        var found = new List<PiiMatch>();
        Find(text, found);
        return found.Count == 0 ? detected : Merge(detected, found);
    }

    /// <summary>
    /// Adds to matches found in a text the other whole-word occurrences, ignoring case, of the values they cover in the
    /// same text ("My name is Kwabena. Kwabena needs a bed": the second, without its context, is found too), with the
    /// same type (not ages, nor values too short to be found again, as in the constructor); overlapping matches become
    /// their union, with the longer one's type (the match's on equal length).
    /// </summary>
    /// <param name="text">The text <paramref name="matches"/> were found in.</param>
    /// <param name="matches">Matches ordered by position and not overlapping, as <see cref="PiiDetector.Detect(string)"/> returns them.</param>
    /// <returns>The merged matches, ordered and not overlapping; <paramref name="matches"/> itself when no value occurs again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matches"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<PiiMatch> CompleteRepeats(ReadOnlySpan<char> text, IReadOnlyList<PiiMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        List<PiiMatch>? found = null;
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            if (m.Start < 0 || m.Length > text.Length - m.Start || !IsListable(m.Type, text.Slice(m.Start, m.Length)))
            {
                continue;
            }

            var value = text.Slice(m.Start, m.Length);
            var from = 0;
            while (from <= text.Length - value.Length)
            {
                var at = text[from..].IndexOf(value, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                at += from;
                if (at != m.Start && IsWholeWord(text, at, value.Length))
                {
                    (found ??= []).Add(new PiiMatch(m.Type, at, m.Length, 1.0, RecognizerName));
                }

                from = at + 1;
            }
        }

        return found is null ? matches : Merge(matches, found);
    }

    /// <summary>Returns the type name only: the values are personal data.</summary>
    /// <returns>A description without any value.</returns>
    public override string ToString() => $"{nameof(KnownPiiValues)} ({Count} values)";

    private static List<PiiMatch> Merge(IReadOnlyList<PiiMatch> first, List<PiiMatch> then)
    {
        var merged = new List<PiiMatch>(first.Count + then.Count);
        for (var i = 0; i < first.Count; i++)
        {
            merged.Add(first[i]);
        }

        merged.AddRange(then);
        KeepLongest(merged, 0);
        return merged;
    }

    /// <summary>
    /// Replaces, among the matches from <paramref name="first"/> on, overlapping ones by their union (so no part of either
    /// is left in clear), with the type of the longest of them (the earlier on equal length), ordered by position.
    /// </summary>
    internal static void KeepLongest(List<PiiMatch> matches, int first)
    {
        var candidates = matches.GetRange(first, matches.Count - first);
        matches.RemoveRange(first, matches.Count - first);
        // Stable on equal length: earlier candidates (the detector's, added first) win ties.
        var order = new int[candidates.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) => candidates[x].Length != candidates[y].Length ? candidates[y].Length.CompareTo(candidates[x].Length) : x.CompareTo(y));
        foreach (var index in order)
        {
            // Kept matches never overlap one another, and each is at least as long as c: the first kept one c overlaps
            // gives the type; c and every kept match it overlaps become one span.
            var c = candidates[index];
            PiiMatch? keep = null;
            int start = c.Start, end = c.End;
            var score = c.Score;
            for (var i = matches.Count - 1; i >= first; i--)
            {
                var m = matches[i];
                if (m.Overlaps(c))
                {
                    keep = keep is { } k && k.Length > m.Length ? k : m;
                    start = Math.Min(start, m.Start);
                    end = Math.Max(end, m.End);
                    score = Math.Max(score, m.Score);
                    matches.RemoveAt(i);
                }
            }

            matches.Add(keep is { } w ? w with { Start = start, Length = end - start, Score = score } : c);
        }

        matches.Sort(first, matches.Count - first, Comparer<PiiMatch>.Create(static (a, b) => a.Start.CompareTo(b.Start)));
    }

    private void FindEach(ReadOnlySpan<char> text, int v, List<PiiMatch> matches)
    {
        var value = _texts[v];
        var from = 0;
        while (from <= text.Length - value.Length)
        {
            var at = text[from..].IndexOf(value, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return;
            }

            at += from;
            if (IsWholeWord(text, at, value.Length))
            {
                matches.Add(new PiiMatch(_textTypes[v], at, value.Length, 1.0, RecognizerName));
                from = at + value.Length;
            }
            else
            {
                from = at + 1;
            }
        }
    }

    private void FindWithSearchValues(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        var search = _search ??= SearchValues.Create(_texts, StringComparison.OrdinalIgnoreCase);
        var from = 0;
        while (from < text.Length)
        {
            var at = text[from..].IndexOfAny(search);
            if (at < 0)
            {
                return;
            }

            at += from;
            var next = at + 1;
            for (var v = 0; v < _texts.Length; v++) // longest first: the first whole word found at this position wins
            {
                var value = _texts[v];
                if (value.Length <= text.Length - at
                    && text.Slice(at, value.Length).Equals(value, StringComparison.OrdinalIgnoreCase)
                    && IsWholeWord(text, at, value.Length))
                {
                    matches.Add(new PiiMatch(_textTypes[v], at, value.Length, 1.0, RecognizerName));
                    next = at + value.Length;
                    break;
                }
            }

            from = next;
        }
    }

    /// <summary>
    /// Finds runs of digits (with spaces, dashes, dots, slashes or brackets between them) whose digits are a known
    /// number; when a whole run is not one (a list number, a house number or another number written next to it), the
    /// groups within it, longest first from the left.
    /// </summary>
    private void FindNumbers(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        Span<char> digits = stackalloc char[32];
        Span<int> groupStart = stackalloc int[16]; // text position of each digit group, and the digit count before it
        Span<int> groupDigitsBefore = stackalloc int[17];
        Span<int> groupEnd = stackalloc int[16];
        var i = text.IndexOfAnyInRange('0', '9');
        while (i >= 0 && i < text.Length)
        {
            var start = i > 0 && text[i - 1] == '+' ? i - 1 : i;
            var n = 0;
            var groups = 0;
            var end = i;
            var j = i;
            while (j < text.Length)
            {
                var c = text[j];
                if (char.IsAsciiDigit(c))
                {
                    if (j == 0 || !char.IsAsciiDigit(text[j - 1]) || j == i)
                    {
                        if (groups < groupStart.Length)
                        {
                            groupStart[groups] = j;
                            groupDigitsBefore[groups] = n;
                        }

                        groups++;
                    }

                    if (n < digits.Length)
                    {
                        digits[n] = c;
                    }

                    n++;
                    end = j + 1;
                    if (groups <= groupEnd.Length)
                    {
                        groupEnd[groups - 1] = end;
                    }
                }
                else if (c is not (' ' or '-' or '.' or '/' or '(' or ')') || j + 1 >= text.Length || !(char.IsAsciiDigit(text[j + 1]) || text[j + 1] is '(' or ' '))
                {
                    break;
                }

                j++;
            }

            if (n >= MinDigits && n <= _maxDigits && IsWholeWord(text, start, end - start)
                && _digitLookup.TryGetValue(digits[..n], out var type))
            {
                matches.Add(new PiiMatch(type, start, end - start, 1.0, RecognizerName));
            }
            else if (groups > 1 && groups <= groupStart.Length && n <= digits.Length)
            {
                groupDigitsBefore[groups] = n;
                FindInGroups(text, digits, groupStart[..groups], groupDigitsBefore[..(groups + 1)], groupEnd[..groups], start, matches);
            }

            var rest = text[end..].IndexOfAnyInRange('0', '9');
            i = rest < 0 ? -1 : end + rest;
        }
    }

    /// <summary>Finds known numbers made of whole digit groups of one run (not the whole run), leftmost and longest first.</summary>
    private void FindInGroups(
        ReadOnlySpan<char> text, ReadOnlySpan<char> digits, ReadOnlySpan<int> groupStart, ReadOnlySpan<int> digitsBefore,
        ReadOnlySpan<int> groupEnd, int runStart, List<PiiMatch> matches)
    {
        var groups = groupStart.Length;
        for (var a = 0; a < groups; a++)
        {
            for (var b = groups - 1; b >= a; b--)
            {
                if (a == 0 && b == groups - 1)
                {
                    continue; // the whole run, already looked up
                }

                var count = digitsBefore[b + 1] - digitsBefore[a];
                var from = a == 0 ? runStart : groupStart[a];
                if (count >= MinDigits && count <= _maxDigits && IsWholeWord(text, from, groupEnd[b] - from)
                    && _digitLookup.TryGetValue(digits.Slice(digitsBefore[a], count), out var type))
                {
                    matches.Add(new PiiMatch(type, from, groupEnd[b] - from, 1.0, RecognizerName));
                    a = b;
                    break;
                }
            }
        }
    }

    private static bool IsWholeWord(ReadOnlySpan<char> text, int start, int length) =>
        (start == 0 || !IsWordChar(text[start - 1])) && (start + length >= text.Length || !IsWordChar(text[start + length]));

    private static bool IsWordChar(char c) =>
        c == '_' || char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>
    /// Whether a value is worth finding again alone: not an age (a bare "42" would take every quantity and page number
    /// with it), at least <see cref="MinLetterValueLength"/> characters when it has letters (a name "Al" would take the
    /// Spanish "al"), and at least <see cref="MinDigits"/> digits when it has none.
    /// </summary>
    private static bool IsListable(PiiEntityType type, ReadOnlySpan<char> value)
    {
        if (type == PiiEntityType.Age)
        {
            return false;
        }

        if (HasLetter(value))
        {
            return value.Length >= MinLetterValueLength;
        }

        var digits = 0;
        foreach (var c in value)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits >= MinDigits;
    }

    private static bool HasLetter(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
