using System;

namespace Nonprofit.Privacy;

/// <summary>
/// The kind of personal data a <see cref="PiiMatch"/> holds, such as <see cref="PhoneNumber"/> or
/// <see cref="Person"/>. String-backed and extensible: a custom recognizer may declare its own types with
/// <see cref="PiiEntityType(string)"/>.
/// </summary>
/// <remarks>Names are upper-case ASCII letters, digits and underscores (for example <c>FR_NIR</c>), so they
/// are safe to use as metric tags, placeholders and JSON values.</remarks>
public readonly struct PiiEntityType : IEquatable<PiiEntityType>
{
    private readonly string? _name;

    /// <summary>Initializes a new entity type.</summary>
    /// <param name="name">Upper-case ASCII letters, digits and underscores, 1 to 64 characters, starting with a letter.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or has another character.</exception>
    public PiiEntityType(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > 64 || !char.IsAsciiLetterUpper(name[0]))
        {
            throw new ArgumentException(
                "An entity type name starts with an upper-case ASCII letter and has at most 64 characters.", nameof(name));
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                throw new ArgumentException(
                    "An entity type name has only upper-case ASCII letters, digits and underscores (for example FR_NIR).", nameof(name));
            }
        }

        _name = name;
    }

    /// <summary>Gets the name, for example <c>PHONE_NUMBER</c>.</summary>
    public string Name => _name ?? "UNKNOWN";

    /// <summary>A person's name.</summary>
    public static PiiEntityType Person { get; } = new("PERSON");

    /// <summary>An e-mail address.</summary>
    public static PiiEntityType EmailAddress { get; } = new("EMAIL_ADDRESS");

    /// <summary>A telephone number valid for its region.</summary>
    public static PiiEntityType PhoneNumber { get; } = new("PHONE_NUMBER");

    /// <summary>A payment card number (Luhn-valid).</summary>
    public static PiiEntityType CreditCard { get; } = new("CREDIT_CARD");

    /// <summary>An International Bank Account Number (mod-97 valid, per-country length).</summary>
    public static PiiEntityType IbanCode { get; } = new("IBAN_CODE");

    /// <summary>A SWIFT/BIC bank identifier code, reported with context.</summary>
    public static PiiEntityType SwiftCode { get; } = new("SWIFT_CODE");

    /// <summary>A crypto-currency wallet address (Base58Check or Bech32).</summary>
    public static PiiEntityType Crypto { get; } = new("CRYPTO");

    /// <summary>An IPv4 or IPv6 address.</summary>
    public static PiiEntityType IpAddress { get; } = new("IP_ADDRESS");

    /// <summary>A MAC (hardware) address.</summary>
    public static PiiEntityType MacAddress { get; } = new("MAC_ADDRESS");

    /// <summary>A URL or web domain.</summary>
    public static PiiEntityType Url { get; } = new("URL");

    /// <summary>GPS coordinates, decimal or degrees-minutes-seconds.</summary>
    public static PiiEntityType GpsCoordinates { get; } = new("GPS_COORDINATES");

    /// <summary>A street address (number, street, unit).</summary>
    public static PiiEntityType StreetAddress { get; } = new("STREET_ADDRESS");

    /// <summary>A named place where a person is: city, region or country.</summary>
    public static PiiEntityType Location { get; } = new("LOCATION");

    /// <summary>A postal code.</summary>
    public static PiiEntityType PostalCode { get; } = new("POSTAL_CODE");

    /// <summary>A date of birth (a date with a birth context; a bare date is not reported).</summary>
    public static PiiEntityType DateOfBirth { get; } = new("DATE_OF_BIRTH");

    /// <summary>A person's age, with context.</summary>
    public static PiiEntityType Age { get; } = new("AGE");

    /// <summary>A US Social Security Number (valid ranges only).</summary>
    public static PiiEntityType UsSsn { get; } = new("US_SSN");

    /// <summary>A UK National Insurance number.</summary>
    public static PiiEntityType UkNino { get; } = new("UK_NINO");

    /// <summary>A UK NHS number (mod-11).</summary>
    public static PiiEntityType UkNhs { get; } = new("UK_NHS");

    /// <summary>A French social security number (NIR, key mod 97).</summary>
    public static PiiEntityType FrNir { get; } = new("FR_NIR");

    /// <summary>A Spanish DNI (mod-23 letter).</summary>
    public static PiiEntityType EsDni { get; } = new("ES_DNI");

    /// <summary>A Spanish NIE (foreigner id, mod-23 letter).</summary>
    public static PiiEntityType EsNie { get; } = new("ES_NIE");

    /// <summary>A Brazilian CPF (two check digits).</summary>
    public static PiiEntityType BrCpf { get; } = new("BR_CPF");

    /// <summary>An Indian Aadhaar number (Verhoeff).</summary>
    public static PiiEntityType InAadhaar { get; } = new("IN_AADHAAR");

    /// <summary>An Indian PAN (permanent account number).</summary>
    public static PiiEntityType InPan { get; } = new("IN_PAN");

    /// <summary>A Kenyan national id number, with context.</summary>
    public static PiiEntityType KeNationalId { get; } = new("KE_NATIONAL_ID");

    /// <summary>A Kenyan KRA PIN.</summary>
    public static PiiEntityType KeKraPin { get; } = new("KE_KRA_PIN");

    /// <summary>A Nigerian National Identification Number, with context.</summary>
    public static PiiEntityType NgNin { get; } = new("NG_NIN");

    /// <summary>A South African id number (Luhn, valid birth date).</summary>
    public static PiiEntityType ZaId { get; } = new("ZA_ID");

    /// <summary>A passport number, with context.</summary>
    public static PiiEntityType Passport { get; } = new("PASSPORT");

    /// <summary>
    /// A card or id number after a card or id word that fails its checksum (a mistyped or partly invented number): one
    /// span at 0.55, redacted at the default threshold of 0.5; set <see cref="PiiDetectorOptions.Thresholds"/> for this
    /// type above 0.55 to report only checksum-valid numbers.
    /// </summary>
    public static PiiEntityType UnverifiedId { get; } = new("UNVERIFIED_ID");

    /// <inheritdoc />
    public bool Equals(PiiEntityType other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PiiEntityType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Returns the <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>Compares two types by name.</summary>
    /// <param name="left">The first type.</param>
    /// <param name="right">The second type.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public static bool operator ==(PiiEntityType left, PiiEntityType right) => left.Equals(right);

    /// <summary>Compares two types by name.</summary>
    /// <param name="left">The first type.</param>
    /// <param name="right">The second type.</param>
    /// <returns><see langword="true"/> when the names differ.</returns>
    public static bool operator !=(PiiEntityType left, PiiEntityType right) => !left.Equals(right);
}
