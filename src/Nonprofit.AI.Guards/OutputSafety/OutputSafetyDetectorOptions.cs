using System;
using System.Collections.Generic;
using System.Linq;

namespace Nonprofit.AI.Guards;

/// <summary>Options of <see cref="OutputSafetyDetector"/>.</summary>
public sealed class OutputSafetyDetectorOptions
{
    /// <summary>Gets or sets whether replies are checked for self-harm instructions or encouragement.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool CheckSelfHarmInstructions { get; set; } = true;

    /// <summary>Gets or sets whether replies are checked for hateful or harassing content.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool CheckHate { get; set; } = true;

    /// <summary>
    /// Gets or sets the probability of the hate model from which a sentence is flagged. Higher lets more through; the
    /// default leans towards letting survivors' accounts and counter-speech through (see docs/guards.md for the rates).
    /// </summary>
    /// <value>The default is 0.6.</value>
    public double HateThreshold { get; set; } = 0.6;

    /// <summary>
    /// Gets or sets the safe ranges of medications and pesticides. An amount outside its substance's range, and any
    /// amount next to lethal-dose wording ("lethal dose", "dose mortelle"), is flagged.
    /// </summary>
    /// <value>
    /// The default holds a few common medicines at widely published adult and paediatric maximums (paracetamol,
    /// ibuprofen, aspirin) as a starting point; replace them with ranges your clinical or agronomy team has vetted,
    /// and add the pesticides your advisory covers (for example <c>new DosageLimit("cypermethrin", "ml/20 L", 10, 30)</c>
    /// from the product label). The library ships no pesticide ranges.
    /// </value>
    public IList<DosageLimit> DosageLimits { get; set; } = DefaultDosageLimits();

    /// <summary>Gets or sets whether replies are checked for other people's personal data (with Nonprofit.Privacy).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool CheckPersonalData { get; set; } = true;

    /// <summary>
    /// Gets or sets the Nonprofit.Privacy entity types (<c>PiiEntityType.Name</c>) that count as personal data in a
    /// reply. Locations, URLs, ages and postal codes are left out by default: replies name places and web sites.
    /// </summary>
    /// <value>The default is persons, e-mail addresses, phone numbers, street addresses, dates of birth, coordinates, payment and national identifiers.</value>
    public ISet<string> PersonalDataTypes { get; set; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "STREET_ADDRESS", "DATE_OF_BIRTH", "GPS_COORDINATES", "CREDIT_CARD", "IBAN_CODE",
        "US_SSN", "UK_NINO", "UK_NHS", "FR_NIR", "ES_DNI", "ES_NIE", "BR_CPF", "IN_AADHAAR", "IN_PAN", "KE_NATIONAL_ID", "KE_KRA_PIN",
        "NG_NIN", "ZA_ID", "PASSPORT",
    };

    /// <summary>Gets or sets the lowest Nonprofit.Privacy score of a match that counts.</summary>
    /// <value>The default is 0.5.</value>
    public double PersonalDataMinScore { get; set; } = 0.5;

    /// <summary>
    /// Gets or sets values a reply may always contain (the app's own helpline numbers, its staff's e-mail addresses).
    /// Values the user gave in the conversation and values in the app's sources are allowed without being listed.
    /// </summary>
    /// <value>The default is empty.</value>
    public IList<string> AllowedPersonalData { get; set; } = [];

    /// <summary>
    /// Gets or sets the lowest groundedness (share of the reply's sentences supported by the sources) that passes, when
    /// the app passes sources. 0 turns the check off.
    /// </summary>
    /// <value>The default is 0.5.</value>
    public double MinimumGroundedness { get; set; } = 0.5;

    /// <summary>Gets or sets the share of a sentence's content words that must occur in the sources for it to count as supported.</summary>
    /// <value>The default is 0.5.</value>
    public double SentenceSupport { get; set; } = 0.5;

    /// <summary>
    /// The default <see cref="DosageLimits"/>: paracetamol (1,000 mg a dose, 4,000 mg a day, 15 mg/kg a dose, 75 mg/kg a
    /// day), ibuprofen (800 mg a dose, 3,200 mg a day, 10 mg/kg a dose, 40 mg/kg a day), aspirin (1,000 mg a dose,
    /// 4,000 mg a day), each with common brand and other-language names.
    /// </summary>
    /// <returns>A new list.</returns>
    public static IList<DosageLimit> DefaultDosageLimits()
    {
        string[] paracetamol = ["paracétamol", "acetaminophen", "acétaminophène", "paracetamolo", "panadol", "tylenol", "doliprane", "calpol"];
        string[] ibuprofen = ["ibuprofène", "ibuprofeno", "ibuprofene", "advil", "brufen", "nurofen", "motrin"];
        string[] aspirin = ["aspirine", "aspirina", "acetylsalicylic acid", "acide acétylsalicylique", "ácido acetilsalicílico"];
        return
        [
            new DosageLimit("paracetamol", "mg", 0, 1000, paracetamol),
            new DosageLimit("paracetamol", "mg/day", 0, 4000, paracetamol),
            new DosageLimit("paracetamol", "mg/kg", 0, 15, paracetamol),
            new DosageLimit("paracetamol", "mg/kg/day", 0, 75, paracetamol),
            new DosageLimit("ibuprofen", "mg", 0, 800, ibuprofen),
            new DosageLimit("ibuprofen", "mg/day", 0, 3200, ibuprofen),
            new DosageLimit("ibuprofen", "mg/kg", 0, 10, ibuprofen),
            new DosageLimit("ibuprofen", "mg/kg/day", 0, 40, ibuprofen),
            new DosageLimit("aspirin", "mg", 0, 1000, aspirin),
            new DosageLimit("aspirin", "mg/day", 0, 4000, aspirin),
        ];
    }

    /// <summary>Returns the first problem with these options, or null when they are valid.</summary>
    internal string? Validate()
    {
        if (HateThreshold is not (> 0 and <= 1) || PersonalDataMinScore is not (>= 0 and <= 1))
        {
            return "OutputSafetyDetectorOptions.HateThreshold must be in (0, 1] and PersonalDataMinScore in [0, 1].";
        }

        if (MinimumGroundedness is not (>= 0 and <= 1) || SentenceSupport is not (> 0 and <= 1))
        {
            return "OutputSafetyDetectorOptions.MinimumGroundedness must be in [0, 1] and SentenceSupport in (0, 1].";
        }

        return DosageLimits is null || PersonalDataTypes is null || AllowedPersonalData is null
            || DosageLimits.Contains(null!) || PersonalDataTypes.Any(t => t is null) || AllowedPersonalData.Any(t => t is null)
            ? "OutputSafetyDetectorOptions.DosageLimits, PersonalDataTypes and AllowedPersonalData must not be null or hold null."
            : null;
    }
}
