using System;
using System.Text;

namespace Nonprofit.Privacy;

/// <summary>
/// How a <see cref="PiiRedactor"/> replaces a piece of personal data: <see cref="Mask"/>,
/// <see cref="Placeholder"/>, <see cref="Pseudonym"/>, <see cref="KeyedHash"/>, <see cref="Erase"/> or
/// <see cref="KeepLast"/>. Subclass it for another rule.
/// </summary>
public abstract class RedactionOperator
{
    /// <summary>Gets the operator that writes <c>&lt;TYPE&gt;</c>, for example <c>&lt;PHONE_NUMBER&gt;</c>.</summary>
    public static RedactionOperator Placeholder { get; } = new PlaceholderOperator();

    /// <summary>Gets the operator that removes the value.</summary>
    public static RedactionOperator Erase { get; } = new EraseOperator();

    /// <summary>
    /// Gets the operator that writes a pseudonym that stays the same for the same value within a scope
    /// (<c>&lt;PERSON_1&gt;</c>), kept in the redactor's <see cref="IPseudonymVault"/> so an authorised caseworker
    /// can re-identify it.
    /// </summary>
    public static RedactionOperator Pseudonym { get; } = new PseudonymOperator();

    /// <summary>Gets the operator that writes an HMAC-SHA256 of the value with the redactor's key: <c>&lt;TYPE:hex16&gt;</c>.</summary>
    public static RedactionOperator KeyedHash { get; } = new KeyedHashOperator();

    /// <summary>Creates an operator that replaces every letter and digit with <paramref name="maskCharacter"/>, keeping the length and separators.</summary>
    /// <remarks>
    /// The value is read by Unicode scalar (<see cref="System.Text.Rune"/>): letters, digits, other numbers and combining
    /// marks are masked, including those written as a surrogate pair (Adlam, Osage, CJK Extension B, mathematical
    /// digits), which become two mask characters so the UTF-16 length of the text is kept. A lone surrogate is masked.
    /// </remarks>
    /// <param name="maskCharacter">The character to write.</param>
    /// <returns>The operator.</returns>
    public static RedactionOperator Mask(char maskCharacter = '*') => new MaskOperator(maskCharacter, 0);

    /// <summary>Creates an operator that masks all but the last <paramref name="count"/> letters and digits (for example a card's last four).</summary>
    /// <remarks>A letter or digit written as a surrogate pair counts as one; everything else is masked as by <see cref="Mask(char)"/>.</remarks>
    /// <param name="count">How many trailing letters and digits to keep, 0 to 8.</param>
    /// <param name="maskCharacter">The character to write.</param>
    /// <returns>The operator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above 8.</exception>
    public static RedactionOperator KeepLast(int count, char maskCharacter = '*')
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 8);
        return new MaskOperator(maskCharacter, count);
    }

    /// <summary>Writes the replacement of <paramref name="value"/> to <paramref name="destination"/>.</summary>
    /// <param name="value">The personal data to replace.</param>
    /// <param name="type">Its entity type.</param>
    /// <param name="context">The redactor's services: scope, vault and key.</param>
    /// <param name="destination">Where the replacement is written.</param>
    public abstract void Write(ReadOnlySpan<char> value, PiiEntityType type, RedactionContext context, StringBuilder destination);
}
