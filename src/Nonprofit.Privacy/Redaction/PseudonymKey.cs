using System;
using System.Text;

namespace Nonprofit.Privacy;

/// <summary>
/// The spelling-independent key of a value for pseudonyms: one person, address or number written differently gets
/// one pseudonym within a scope.
/// </summary>
internal static class PseudonymKey
{
    /// <summary>Returns the key of <paramref name="value"/> as a value of <paramref name="type"/>.</summary>
    /// <remarks>
    /// Names and places: NFKC, lower case, white space collapsed. E-mail addresses: lower case. Phone numbers: the
    /// <c>+</c> and digits only (so <c>+254 712 345 678</c> and <c>+254712345678</c> are one number; a national
    /// <c>0712 345 678</c> stays another key, as its country is not known here). Identity, card and account numbers:
    /// letters and digits only, upper case. URLs, crypto addresses and other types: exactly as written (case matters there).
    /// </remarks>
    public static string For(PiiEntityType type, string value) => type.Name switch
    {
        "PERSON" or "LOCATION" or "STREET_ADDRESS" => FoldName(value),
        "EMAIL_ADDRESS" => value.Trim().ToLowerInvariant(),
        "PHONE_NUMBER" => Keep(value, static c => char.IsAsciiDigit(c) || c == '+', upper: false),
        "CREDIT_CARD" or "IBAN_CODE" or "SWIFT_CODE" or "US_SSN" or "UK_NINO" or "UK_NHS" or "FR_NIR" or "ES_DNI" or "ES_NIE" or
            "BR_CPF" or "IN_AADHAAR" or "IN_PAN" or "KE_NATIONAL_ID" or "KE_KRA_PIN" or "NG_NIN" or "ZA_ID" or "PASSPORT" or "POSTAL_CODE"
            => Keep(value, char.IsAsciiLetterOrDigit, upper: true),
        _ => value,
    };

    private static string FoldName(string value)
    {
        var normalized = value.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string Keep(string value, Func<char, bool> keep, bool upper)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (keep(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
            }
        }

        // A value with nothing kept (not a number at all) keys on itself.
        return builder.Length == 0 ? value : builder.ToString();
    }
}
