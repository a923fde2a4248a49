using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;

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
/// with at least six digits is also found written with other separators, by its digits (<c>0712 345 678</c> and
/// <c>0712-345678</c>), but not with or without a country code it was not first written with.
/// </para>
/// <para>Values shorter than two characters are not looked for.</para>
/// </remarks>
public sealed class KnownPiiValues
{
    /// <summary>The recognizer name of the matches this finds.</summary>
    public const string RecognizerName = "known_value";

    /// <summary>Below this many text values each is looked for with a vectorised IndexOf; from it, one SearchValues.</summary>
    private const int SearchValuesFrom = 6;

    private const int MinDigits = 6;

    private readonly string[] _texts; // longest first
    private readonly PiiEntityType[] _textTypes;
    private readonly Dictionary<string, PiiEntityType>? _digits;
    private readonly Dictionary<string, PiiEntityType>.AlternateLookup<ReadOnlySpan<char>> _digitLookup;
    private readonly int _maxDigits;
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
            if (trimmed.Length < 2)
            {
                continue;
            }

            texts.TryAdd(trimmed, type);
            if (IsNumber(type) && Digits(trimmed, buffer) is var n && n >= MinDigits) // digits and separators only
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
        for (var i = 0; i < _texts.Length; i++)
        {
            _textTypes[i] = texts[_texts[i]];
        }

        if (_digits is not null)
        {
            _digitLookup = _digits.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>Gets the number of distinct values looked for.</summary>
    public int Count => _texts.Length;

    /// <summary>Appends, in position order and not overlapping one another, where the known values occur in <paramref name="text"/>.</summary>
    /// <param name="text">The text to search.</param>
    /// <param name="matches">Receives the matches (score 1, recognizer <see cref="RecognizerName"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="matches"/> is <see langword="null"/>.</exception>
    public void FindAll(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (_texts.Length == 0 || text.Length < 2)
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
    }

    /// <summary>
    /// Adds to matches a detector found the known values it missed in the same text: where they overlap, the longer
    /// span wins (a detected match on equal length), so a known "Koffi Mensah" replaces a detected "Koffi" in it.
    /// </summary>
    /// <param name="text">The text <paramref name="detected"/> was found in.</param>
    /// <param name="detected">Matches ordered by position and not overlapping, as <see cref="PiiDetector.Detect(string)"/> returns them.</param>
    /// <returns>The merged matches, ordered and not overlapping; <paramref name="detected"/> itself when no known value adds anything.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detected"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<PiiMatch> Complete(ReadOnlySpan<char> text, IReadOnlyList<PiiMatch> detected)
    {
        ArgumentNullException.ThrowIfNull(detected);
        if (_texts.Length == 0 || text.Length < 2)
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
    /// same type; where they overlap a match, the longer span wins (the match on equal length).
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
            if (m.Length < 2 || m.Start < 0 || m.Length > text.Length - m.Start)
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

    /// <summary>Keeps, among the matches from <paramref name="first"/> on, the longest of overlapping ones, ordered by position.</summary>
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
            var c = candidates[index];
            var overlaps = false;
            for (var i = first; i < matches.Count && !overlaps; i++)
            {
                overlaps = matches[i].Overlaps(c);
            }

            if (!overlaps)
            {
                matches.Add(c);
            }
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

    /// <summary>Finds runs of digits (with spaces, dashes, dots, slashes or brackets between them) whose digits are a known number.</summary>
    private void FindNumbers(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        Span<char> digits = stackalloc char[32];
        var i = text.IndexOfAnyInRange('0', '9');
        while (i >= 0 && i < text.Length)
        {
            var start = i > 0 && text[i - 1] == '+' ? i - 1 : i;
            var n = 0;
            var end = i;
            var j = i;
            while (j < text.Length)
            {
                var c = text[j];
                if (char.IsAsciiDigit(c))
                {
                    if (n < digits.Length)
                    {
                        digits[n] = c;
                    }

                    n++;
                    end = j + 1;
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

            var rest = text[end..].IndexOfAnyInRange('0', '9');
            i = rest < 0 ? -1 : end + rest;
        }
    }

    private static bool IsWholeWord(ReadOnlySpan<char> text, int start, int length) =>
        (start == 0 || !IsWordChar(text[start - 1])) && (start + length >= text.Length || !IsWordChar(text[start + length]));

    private static bool IsWordChar(char c) =>
        c == '_' || char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsNumber(PiiEntityType type) => type.Name switch
    {
        "PHONE_NUMBER" or "CREDIT_CARD" or "IBAN_CODE" or "US_SSN" or "UK_NINO" or "UK_NHS" or "FR_NIR" or "ES_DNI" or "ES_NIE" or
            "BR_CPF" or "IN_AADHAAR" or "KE_NATIONAL_ID" or "NG_NIN" or "ZA_ID" or "PASSPORT" => true,
        _ => false,
    };

    /// <summary>Writes the ASCII digits of <paramref name="value"/> to <paramref name="buffer"/>; returns their count (0 past the buffer).</summary>
    private static int Digits(string value, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                return 0; // a number with letters (a passport, a NINO) is found as written only
            }

            if (char.IsAsciiDigit(c))
            {
                if (n == buffer.Length)
                {
                    return 0;
                }

                buffer[n++] = c;
            }
        }

        return n;
    }
}
