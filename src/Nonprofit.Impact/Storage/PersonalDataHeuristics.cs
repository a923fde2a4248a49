using System;
using System.Text.RegularExpressions;

namespace Nonprofit.Impact;

/// <summary>What kind of personal data a string looks like, as reported in error messages (never the string itself).</summary>
internal enum PersonalDataKind
{
    /// <summary>Nothing that looks personal.</summary>
    None,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>Seven or more digits in one run (spaces, dashes, dots, parentheses between them, an optional leading +).</summary>
    PhoneNumber,

    /// <summary>A run of 13 to 19 digits that passes the Luhn check.</summary>
    PaymentCard,

    /// <summary>Two letters, two check digits and 11 to 30 letters or digits that pass the IBAN mod-97 check.</summary>
    Iban,
}

/// <summary>
/// A deliberately simple, conservative check that keeps obvious personal data out of the impact store: e-mail
/// addresses, phone numbers, payment-card and IBAN-like strings. It is a guard rail against mistakes (a phone
/// number recorded as a dimension value, an e-mail used as an event id), not a PII detector; Nonprofit.Privacy
/// is the detector.
/// </summary>
/// <remarks>
/// A digit run counts only when it is not glued to a letter (<c>a0712345678</c> is a token of an id, not a phone
/// number), so GUIDs, ULIDs and hashes pass; GUIDs are also accepted outright. Category values such as
/// <c>KE-047</c>, <c>15-19</c>, <c>2024-Q1</c> or <c>r1.i1</c> pass. An ISO date (<c>2024-01-15</c>, eight digits)
/// or a bare number of seven digits or more is rejected as phone-like: record the time in the timestamp and
/// prefer prefixed or GUID event ids.
/// </remarks>
internal static partial class PersonalDataHeuristics
{
    private const int MinPhoneDigits = 7;
    private const int MinCardDigits = 13;
    private const int MaxCardDigits = 19;

    /// <summary>Whether <paramref name="text"/> looks like (or contains) personal data.</summary>
    public static bool LooksPersonal(string text) => Classify(text) != PersonalDataKind.None;

    /// <summary>What kind of personal data <paramref name="text"/> looks like, or <see cref="PersonalDataKind.None"/>.</summary>
    public static PersonalDataKind Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || Guid.TryParse(text, out _))
        {
            return PersonalDataKind.None;
        }

        if (text.Contains('@', StringComparison.Ordinal) && EmailPattern().IsMatch(text))
        {
            return PersonalDataKind.Email;
        }

        if (ContainsIban(text))
        {
            return PersonalDataKind.Iban;
        }

        return ClassifyDigitRuns(text);
    }

    private static PersonalDataKind ClassifyDigitRuns(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!(char.IsAsciiDigit(c) || c is '+' or '('))
            {
                i++;
                continue;
            }

            // A run: an optional '+', then digits and separators. It counts only when not glued to a letter.
            var start = i;
            var gluedLeft = start > 0 && char.IsLetterOrDigit(text[start - 1]);
            var j = c == '+' ? i + 1 : i;
            var digits = 0;
            var lastDigit = -1;
            while (j < text.Length && (char.IsAsciiDigit(text[j]) || text[j] is ' ' or '-' or '.' or '(' or ')'))
            {
                if (char.IsAsciiDigit(text[j]))
                {
                    digits++;
                    lastDigit = j;
                }

                j++;
            }

            var gluedRight = lastDigit >= 0 && lastDigit + 1 < text.Length && char.IsLetter(text[lastDigit + 1]);
            if (!gluedLeft && !gluedRight && digits >= MinPhoneDigits)
            {
                return digits is >= MinCardDigits and <= MaxCardDigits && PassesLuhn(text[start..(lastDigit + 1)])
                    ? PersonalDataKind.PaymentCard
                    : PersonalDataKind.PhoneNumber;
            }

            i = Math.Max(j, i + 1);
        }

        return PersonalDataKind.None;
    }

    private static bool PassesLuhn(ReadOnlySpan<char> run)
    {
        var sum = 0;
        var doubled = false;
        for (var k = run.Length - 1; k >= 0; k--)
        {
            if (!char.IsAsciiDigit(run[k]))
            {
                continue;
            }

            var d = run[k] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    private static bool ContainsIban(string text)
    {
        foreach (Match match in IbanPattern().Matches(text))
        {
            if (PassesIbanCheck(match.ValueSpan))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>ISO 13616 check: move the first four characters to the end, letters to 10..35, remainder mod 97 is 1.</summary>
    private static bool PassesIbanCheck(ReadOnlySpan<char> candidate)
    {
        Span<char> compact = stackalloc char[candidate.Length];
        var length = 0;
        foreach (var c in candidate)
        {
            if (c != ' ')
            {
                compact[length++] = char.ToUpperInvariant(c);
            }
        }

        compact = compact[..length];
        var remainder = 0;
        for (var k = 0; k < length; k++)
        {
            var c = compact[(k + 4) % length];
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
        }

        return remainder == 1;
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]){11,30}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex IbanPattern();
}
