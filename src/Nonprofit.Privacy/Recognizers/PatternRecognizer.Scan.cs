using System;
using System.Text.RegularExpressions;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// The age and date scans: instead of letting the regular expression try every position of the text, the scan
/// walks the runs of digits (every age phrase and every date has one near its start) and tries the anchored
/// expression only at the few positions where a match can start. Matches are found in the same order and
/// with the same extent as <c>AgePhrase().EnumerateMatches(text)</c> and <c>Date().EnumerateMatches(text)</c>:
/// the candidates are tried in increasing order, none before the end of the previous match, and every position
/// the expression could match at is among them.
/// </summary>
internal sealed partial class PatternRecognizer
{
    /// <summary>Where a scan stands: no match starts before <see cref="Next"/>; the next digit run is searched from <see cref="RunFrom"/>.</summary>
    internal struct ScanState
    {
        /// <summary>The end of the previous match, or the first position not yet tried.</summary>
        public int Next;

        /// <summary>Where the search for the next run of digits continues.</summary>
        public int RunFrom;

        /// <summary>Whether the text has characters from U+0660 on, where the non-ASCII decimal digits are.</summary>
        public bool WideDigits;

        public ScanState(ReadOnlySpan<char> text)
        {
            WideDigits = text.IndexOfAnyExceptInRange('\0', '\u065F') >= 0;
        }
    }

    /// <summary>Finds the next match of a scan from where <paramref name="state"/> stands (<see cref="NextAge"/>, <see cref="NextDate"/>).</summary>
    internal delegate bool NextMatch(ReadOnlySpan<char> text, ref ScanState state, out int index, out int length);

    /// <summary>Finds the next match of <see cref="AgePhrase"/> from where <paramref name="state"/> stands.</summary>
    internal static bool NextAge(ReadOnlySpan<char> text, ref ScanState state, out int index, out int length)
    {
        // The first digit of a phrase starts a run of digits (the phrase starts at a word boundary, and no digit
        // stands between its start and that digit) and lies at most AgeReach characters after the start.
        while (NextDigitRun(text, ref state) is var run and >= 0)
        {
            // Two cheap proofs narrow the positions: a phrase that starts before its number has a lead ending in \s
            // right before the digits (or a Devanagari word, "उम्र२८"), and one that starts with its number has at most
            // three digits followed by what "years", "yrs", "yo", "saal" or "साल" can start with.
            var from = MayLeadNumber(text, run) ? Math.Max(state.Next, run - AgeReach) : Math.Max(state.Next, run);
            var to = AgeMayStartWithNumber(text, run, state.RunFrom) ? run : run - 1;
            for (var p = from; p <= to; p++)
            {
                if (MayStartAge(text, p) && TryMatchAt(AgePhraseAt(), text, p, out length))
                {
                    index = p;
                    state.Next = p + length;
                    return true;
                }
            }

            state.Next = Math.Max(state.Next, run + 1);
        }

        index = length = 0;
        return false;
    }

    /// <summary>Finds the next match of <see cref="Date"/> from where <paramref name="state"/> stands.</summary>
    internal static bool NextDate(ReadOnlySpan<char> text, ref ScanState state, out int index, out int length)
    {
        // A date starts with its first digit, which starts a run, or with a month name whose letters run up to
        // the whitespace (and optional dot) right before the day's digits: the start of that letter run.
        while (NextDigitRun(text, ref state) is var run and >= 0)
        {
            // The day after a month name has one or two digits; a date that starts with its number has one or two
            // digits followed by a separator, an ordinal suffix or white space, or four ("19" or "20" first) and a hyphen.
            var runLength = state.RunFrom - run;
            if (runLength <= 2)
            {
                var monthDot = LetterRunStart(text, run - 3);
                var month = LetterRunStart(text, run - 2);
                if ((TryDateAt(text, ref state, monthDot, out index, out length))
                    || (month != monthDot && TryDateAt(text, ref state, month, out index, out length))
                    || (DayMayFollow(text, state.RunFrom) && TryDateAt(text, ref state, run, out index, out length)))
                {
                    return true;
                }
            }
            else if (runLength == 4 && IsYearThenHyphen(text, run) && TryDateAt(text, ref state, run, out index, out length))
            {
                return true;
            }

            state.Next = Math.Max(state.Next, run + 1);
        }

        index = length = 0;
        return false;
    }

    private static bool TryDateAt(ReadOnlySpan<char> text, ref ScanState state, int p, out int index, out int length)
    {
        index = p;
        if (p >= state.Next && TryMatchAt(DateAt(), text, p, out length))
        {
            state.Next = p + length;
            return true;
        }

        length = 0;
        return false;
    }

    // Whether an age phrase may have a lead before the number whose first digit is at `run`. Every lead ends in one to
    // three \s (one, except after "age", "aged", "age of", "age:") right before the digits, and before them in a, d, e,
    // f, g, i, m, n, o, r, s, z (either case), ':' or ','; only the Devanagari words' leads may end without \s
    // ("उम्र२८"). A character from U+0080 on, white space or not, is let through.
    private static bool MayLeadNumber(ReadOnlySpan<char> text, int run)
    {
        for (var k = 1; k <= 3 && run - k > 0; k++)
        {
            var space = text[run - k];
            if (space >= 128)
            {
                return true;
            }

            if (!IsAsciiRegexSpace(space))
            {
                return false;
            }

            var c = text[run - k - 1];
            if (c >= 128 || (c | 0x20) is 'a' or 'd' or 'e' or 'f' or 'g' or 'i' or 'm' or 'n' or 'o' or 'r' or 's' or 'z' or ':' or ',')
            {
                return true;
            }
        }

        return run > 0 && text[run - 1] >= 128;
    }

    // Whether an age phrase may start with the run of digits text[run..end]: "\d{1,3}\s?(?:-\s?)?" and then years, yrs,
    // yo, y/o, y.o., saal, sal, साल or वर्ष (IgnoreCase: a letter from U+0080 on is let through).
    private static bool AgeMayStartWithNumber(ReadOnlySpan<char> text, int run, int end)
    {
        if (end - run > 3)
        {
            return false;
        }

        var q = end;
        if (q < text.Length && IsAsciiRegexSpace(text[q]))
        {
            q++;
        }

        if (q < text.Length && text[q] == '-')
        {
            q++;
            if (q < text.Length && IsAsciiRegexSpace(text[q]))
            {
                q++;
            }
        }

        return q < text.Length && (text[q] >= 128 || (text[q] | 0x20) is 'y' or 's');
    }

    // Whether a date may start with a day or month of one or two digits that ends at `end`: a separator (/ . -), white
    // space, or an ordinal suffix (st, nd, rd, th, er) follows; a character from U+0080 on is let through.
    private static bool DayMayFollow(ReadOnlySpan<char> text, int end) =>
        end < text.Length && (text[end] >= 128 || text[end] is '/' or '.' or '-' || IsAsciiRegexSpace(text[end])
            || (text[end] | 0x20) is 's' or 'n' or 'r' or 't' or 'e');

    // "(?:19|20)\d{2}-": the four digits at `run` start with 19 or 20 and a hyphen follows.
    private static bool IsYearThenHyphen(ReadOnlySpan<char> text, int run) =>
        run + 4 < text.Length && text[run + 4] == '-'
            && ((text[run] == '1' && text[run + 1] == '9') || (text[run] == '2' && text[run + 1] == '0'));

    // The ASCII characters of \s ([\f\n\r\t\v\x85\p{Z}] in .NET's regular expressions). A non-ASCII \s is not skipped
    // above, and then passes as a character from U+0080 on.
    private static bool IsAsciiRegexSpace(char c) => c is ' ' or (>= '\t' and <= '\r');

    // The start of the run of letters that holds text[at], or -1 when text[at] is not a letter.
    private static int LetterRunStart(ReadOnlySpan<char> text, int at)
    {
        if (at < 0 || !char.IsLetter(text[at]))
        {
            return -1;
        }

        while (at > 0 && char.IsLetter(text[at - 1]))
        {
            at--;
        }

        return at;
    }

    // The start of the next run of decimal digits (\d: Unicode category Nd) at or after state.RunFrom, or -1;
    // RunFrom moves past the run.
    private static int NextDigitRun(ReadOnlySpan<char> text, ref ScanState state)
    {
        var from = state.RunFrom;
        if (from >= text.Length)
        {
            return -1;
        }

        int start;
        int end;
        if (!state.WideDigits)
        {
            var i = text[from..].IndexOfAnyInRange('0', '9');
            if (i < 0)
            {
                state.RunFrom = text.Length;
                return -1;
            }

            start = from + i;
            var n = text[start..].IndexOfAnyExceptInRange('0', '9');
            end = n < 0 ? text.Length : start + n;
        }
        else
        {
            start = from;
            while (start < text.Length && !char.IsDigit(text[start]))
            {
                start++;
            }

            if (start == text.Length)
            {
                state.RunFrom = text.Length;
                return -1;
            }

            end = start + 1;
            while (end < text.Length && char.IsDigit(text[end]))
            {
                end++;
            }
        }

        state.RunFrom = end;
        return start;
    }

    // A quick test that rules out only positions where no age phrase can start: between two ASCII characters
    // that are both word characters or both not (no \b), or at an ASCII character no alternative starts with.
    private static bool MayStartAge(ReadOnlySpan<char> text, int p)
    {
        var c = text[p];
        if (c >= 128)
        {
            return true;
        }

        if (p > 0 && text[p - 1] < 128 && IsAsciiWordChar(text[p - 1]) == IsAsciiWordChar(c))
        {
            return false;
        }

        if (p == 0 && !IsAsciiWordChar(c))
        {
            return false;
        }

        return char.IsAsciiDigit(c) || c == ',' || (char.IsAsciiLetter(c) && AgeFirstLetters.Contains((char)(c | 0x20)));
    }

    // The first letters of the age phrases' alternatives (lower case; upper case matches too, IgnoreCase).
    private const string AgeFirstLetters = "acdehijnstuvwy";

    private static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool TryMatchAt(Regex anchored, ReadOnlySpan<char> text, int p, out int length)
    {
        foreach (var m in anchored.EnumerateMatches(text, p))
        {
            length = m.Length;
            return m.Index == p && m.Length > 0;
        }

        length = 0;
        return false;
    }
}
