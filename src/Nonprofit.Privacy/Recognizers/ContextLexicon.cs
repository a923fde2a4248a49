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
            "coordinate", "coords", "pin", "localisation", "ubicacion", "localizacao", "posição", "posición",
            "kuratibu", "lokeshan", "jagah", "निर्देशांक", "जगह",
        ],
        [PiiEntityType.PostalCode] =
        [
            "zip", "postcode", "postal", "code postal", "código postal", "cep", "sanduku", "pin code", "पिन",
        ],
    }.ToFrozenDictionary();

    private static readonly WordSearch s_nonPhone = new(
    [
        "order", "invoice", "receipt", "ref", "reference", "part", "product", "model", "serial", "sku", "item", "batch", "lot",
        "code", "version", "ticket", "tracking", "case no", "commande", "facture", "référence", "produit", "modèle", "lot",
        "pedido", "factura", "referencia", "producto", "código", "modelo", "lote", "encomenda", "fatura", "referência", "produto",
        "oda", "ankara", "risiti", "bidhaa", "namba ya oda", "order number", "bill", "challan",
    ]);

    /// <summary>
    /// Returns whether the 24 characters before <paramref name="start"/> name the number as something other
    /// than a phone number (an order, invoice, product, batch or reference number).
    /// </summary>
    public static bool HasNonPhoneContext(ReadOnlySpan<char> text, int start) =>
        s_nonPhone.ContainsWord(text[Math.Max(0, start - 24)..start]);

    // Words that name a public service's line: with one of them near, a free-phone number (0800, 1800, French 0805/0808) is
    // the service's, not a person's.
    private static readonly WordSearch s_service = new(
    [
        "helpline", "hotline", "toll free", "toll-free", "tollfree", "freephone", "free phone", "free call", "free line",
        "free helpline", "free hotline", "call free", "support line", "crisis line", "service line",
        "numéro vert", "numero vert", "appel gratuit", "ligne d'écoute", "ligne d’écoute", "ligne gratuite", "numéro gratuit",
        "línea gratuita", "linea gratuita", "número gratuito", "numero gratuito", "línea de ayuda", "linea de ayuda", "teléfono gratuito",
        "ligação gratuita", "ligue grátis", "ligue gratis", "linha gratuita", "linha de apoio", "disque", "atendimento",
        "simu ya bure", "bila malipo", "bure", "namba ya msaada", "huduma kwa wateja",
        "toll free number", "helpline number", "हेल्पलाइन", "टोल फ्री", "टोल-फ्री", "निःशुल्क", "कॉल सेंटर", "call centre", "call center",
        "customer care", "customer service",
    ]);

    /// <summary>
    /// Returns whether the number <paramref name="digits"/> (written from <paramref name="start"/> to <paramref name="end"/>)
    /// is a free-phone number (0800, 1800, a ten-digit French 0805/0808, and +xx 800) with a service word within 40
    /// characters before it or 24 after: a public line, not a person's. Any other number stays a phone: an eleven-digit
    /// 0805/0808 is also an ordinary Nigerian mobile (as are 0802–0809 and 0810–0819), so it is kept even though a UK
    /// free-phone line of the same shape is then redacted too — a leaked personal number is worse than a redacted helpline.
    /// </summary>
    public static bool IsServiceNumber(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<char> digits)
    {
        if (!(digits.StartsWith("0800") || digits.StartsWith("1800")
            || (digits.Length == 10 && (digits.StartsWith("0805") || digits.StartsWith("0808")))
            || (text[start] == '+' && digits.Length > 5 && digits[2..].StartsWith("800"))))
        {
            return false;
        }

        return s_service.ContainsWord(text[Math.Max(0, start - 40)..start]) || s_service.ContainsWord(text[end..Math.Min(text.Length, end + 24)]);
    }

    // One vectorised multi-string search per type instead of one search per word.
    // Keyed by the type's name (ordinal, as PiiEntityType compares): a frozen string dictionary hashes a few of the
    // name's characters instead of the whole name with Marvin.
    private static readonly FrozenDictionary<string, WordSearch> s_search =
        Words.ToFrozenDictionary(p => p.Key.Name, p => new WordSearch(p.Value), StringComparer.Ordinal);

    /// <summary>
    /// Returns whether one of <paramref name="type"/>'s context words stands within <paramref name="window"/>
    /// characters before the start or after the end of a candidate.
    /// </summary>
    public static bool HasContext(ReadOnlySpan<char> text, int start, int end, PiiEntityType type, int window)
    {
        if (!s_search.TryGetValue(type.Name, out var words))
        {
            return false;
        }

        var from = Math.Max(0, start - window);
        var to = Math.Min(text.Length, end + window);
        return words.ContainsWord(text[from..start]) || words.ContainsWord(text[end..to]);
    }

    /// <summary>Returns whether <paramref name="span"/> contains one of <paramref name="words"/> at word boundaries.</summary>
    public static bool ContainsWord(ReadOnlySpan<char> span, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (WordSearch.IndexOfWord(span, word) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
