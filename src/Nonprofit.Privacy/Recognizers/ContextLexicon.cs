using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// Words that, near a candidate, make it more likely to be personal data of a type, in English, French,
/// Spanish, Portuguese, Swahili and Hindi (Latin and Devanagari script). Lower case; matched
/// case-insensitively at word starts.
/// </summary>
internal static class ContextLexicon
{
    public static FrozenDictionary<PiiEntityType, string[]> Words { get; } = new Dictionary<PiiEntityType, string[]>
    {
        [PiiEntityType.PhoneNumber] =
        [
            "phone", "tel", "call", "mobile", "cell", "whatsapp", "sms", "text me", "fax", "contact", "number",
            "téléphone", "portable", "appelle", "numéro", "joindre",
            "teléfono", "telefono", "móvil", "movil", "celular", "llama", "llámame", "número",
            "telemóvel", "ligue", "liga", "contato", "contacto",
            "simu", "namba", "nipigie", "piga",
            "phone number", "mobile number", "फ़ोन", "फोन", "मोबाइल", "नंबर", "number hai",
        ],
        [PiiEntityType.CreditCard] =
        [
            "card", "credit", "debit", "visa", "mastercard", "amex", "carte", "bancaire", "tarjeta", "crédito",
            "cartão", "cartao", "kadi", "कार्ड",
        ],
        [PiiEntityType.UsSsn] = ["ssn", "social security", "social sec"],
        [PiiEntityType.UkNhs] = ["nhs"],
        [PiiEntityType.UkNino] = ["national insurance", "nino", "ni number"],
        [PiiEntityType.FrNir] = ["sécurité sociale", "securite sociale", "nir", "insee", "carte vitale"],
        [PiiEntityType.EsDni] = ["dni", "nif", "documento", "identidad"],
        [PiiEntityType.EsNie] = ["nie", "extranjero"],
        [PiiEntityType.BrCpf] = ["cpf", "cadastro"],
        [PiiEntityType.InAadhaar] = ["aadhaar", "aadhar", "uidai", "आधार"],
        [PiiEntityType.InPan] = ["pan", "permanent account", "income tax", "पैन"],
        [PiiEntityType.KeNationalId] =
        [
            "id number", "id no", "national id", "identity card", "kitambulisho", "namba ya kitambulisho", "huduma",
        ],
        [PiiEntityType.KeKraPin] = ["kra", "pin", "itax"],
        [PiiEntityType.NgNin] = ["nin", "nimc", "national identification", "identity number"],
        [PiiEntityType.ZaId] = ["id number", "identity number", "sa id", "id no"],
        [PiiEntityType.Passport] =
        [
            "passport", "passeport", "pasaporte", "passaporte", "pasipoti", "paspoti", "पासपोर्ट",
        ],
        [PiiEntityType.SwiftCode] = ["swift", "bic", "bank code", "code banque", "código"],
        [PiiEntityType.IbanCode] = ["iban", "account", "compte", "cuenta", "conta", "akaunti"],
        [PiiEntityType.IpAddress] = ["ip", "address", "adresse", "dirección", "endereço", "server", "host"],
        [PiiEntityType.GpsCoordinates] =
        [
            "gps", "location", "coordinates", "lat", "lon", "position", "coordonnées", "ubicación", "coordenadas",
            "localização", "mahali", "eneo", "लोकेशन", "स्थान",
        ],
        [PiiEntityType.PostalCode] =
        [
            "zip", "postcode", "postal", "code postal", "código postal", "cep", "sanduku", "pin code", "पिन",
        ],
    }.ToFrozenDictionary();

    /// <summary>
    /// Returns whether one of <paramref name="type"/>'s context words stands within <paramref name="window"/>
    /// characters before the start or after the end of a candidate.
    /// </summary>
    public static bool HasContext(ReadOnlySpan<char> text, int start, int end, PiiEntityType type, int window)
    {
        if (!Words.TryGetValue(type, out var words))
        {
            return false;
        }

        var from = Math.Max(0, start - window);
        var to = Math.Min(text.Length, end + window);
        return ContainsWord(text[from..start], words) || ContainsWord(text[end..to], words);
    }

    /// <summary>Returns whether <paramref name="span"/> contains one of <paramref name="words"/> starting at a word boundary.</summary>
    public static bool ContainsWord(ReadOnlySpan<char> span, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            var offset = 0;
            while (offset < span.Length)
            {
                var i = span[offset..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
                if (i < 0)
                {
                    break;
                }

                var at = offset + i;
                var after = at + word.Length;
                if ((at == 0 || !char.IsLetter(span[at - 1])) && (after >= span.Length || !char.IsLetter(span[after])))
                {
                    return true;
                }

                offset = at + 1;
            }
        }

        return false;
    }
}
