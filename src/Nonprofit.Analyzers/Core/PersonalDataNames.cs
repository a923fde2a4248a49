using System;
using System.Collections.Generic;

namespace Nonprofit.Analyzers.Core;

/// <summary>
/// Decides whether a member, parameter or local is personal data by its name. A name matches when its words
/// contain a known term (in any of the supported languages) followed only by words that keep the meaning
/// (<c>phoneNumber</c>, <c>emailAddress</c>, <c>emails</c>), and no technical qualifier comes first
/// (<c>ipAddress</c>, <c>baseAddress</c>). So <c>EmailTemplateId</c>, <c>PhoneticAlgorithm</c> and
/// <c>AddressFamily</c> are not personal. Extra terms come from <c>nonprofit_privacy.personal_data_names</c>,
/// exclusions from <c>nonprofit_privacy.non_personal_names</c>.
/// </summary>
internal sealed class PersonalDataNames
{
    /// <summary>The default terms, as identifiers (split into words the same way as the names they match).</summary>
    internal static readonly string[] DefaultTerms =
    [
        // e-mail
        "email", "eMailAddress", "mailAddress", "courriel", "correo", "correoElectronico", "barua pepe",
        // phone
        "phone", "telephone", "tel", "mobile", "mobilePhone", "cellPhone", "msisdn", "whatsapp", "telefono", "telefone", "simu",
        // address and location
        "address", "homeAddress", "street", "streetAddress", "postcode", "postCode", "postalCode", "zipCode", "adresse", "direccion", "endereco", "anwani",
        "gps", "latitude", "longitude", "lat", "lng", "lon", "geolocation", "coordinates",
        // birth
        "dateOfBirth", "dob", "birthDate", "birthdate", "birthday", "dateNaissance", "dateDeNaissance", "fechaNacimiento", "fechaDeNacimiento", "dataNascimento", "dataDeNascimento", "geburtsdatum",
        // identity documents and numbers
        "nationalId", "nationalIdentifier", "nationalNumber", "ssn", "socialSecurityNumber", "nin", "nino", "nhsNumber", "nhs", "aadhaar", "cpf", "dni", "curp",
        "passport", "idCard", "identityCard", "driverLicense", "drivingLicence", "taxId",
        // money
        "iban", "bankAccount", "accountNumber", "cardNumber", "creditCard",
        // names
        "firstName", "lastName", "fullName", "givenName", "surname", "familyName", "middleName", "maidenName", "forename",
        "prenom", "nomDeFamille", "nomComplet", "apellido", "apellidos", "nombreCompleto", "nomeCompleto", "sobrenome", "jina",
        "patientName", "beneficiaryName", "recipientName", "volunteerName", "donorName", "contactName", "callerName", "applicantName", "customerName", "personName", "victimName", "survivorName", "studentName", "guardianName",
    ];

    /// <summary>Words that may follow a term without changing what it is.</summary>
    private static readonly HashSet<string> s_keepMeaning = new(StringComparer.Ordinal)
    {
        "number", "numbers", "no", "nr", "num", "address", "addresses", "addr", "value", "values", "text", "raw", "plain", "str", "string",
        "input", "line", "line1", "line2", "1", "2", "3", "list", "primary", "secondary", "home", "work", "personal", "e164", "formatted", "normalized", "normalised",
    };

    /// <summary>Words that, before a term, make it technical (<c>ipAddress</c>, <c>baseAddress</c>, <c>macAddress</c>).</summary>
    private static readonly HashSet<string> s_technicalQualifiers = new(StringComparer.Ordinal)
    {
        "ip", "ipv4", "ipv6", "mac", "server", "remote", "local", "base", "host", "network", "memory", "endpoint", "proxy", "listen", "listening",
        "bind", "socket", "broadcast", "gateway", "multicast", "web", "url", "uri", "return", "pointer", "start", "end", "virtual", "physical",
        "hardware", "node", "peer", "smtp", "dns", "relative", "absolute", "load", "entry", "bluetooth", "device", "contract", "wallet", "cache", "register",
    };

    /// <summary>Answers already computed (identifiers repeat a lot in a code base); bounded so an IDE session cannot grow it without limit.</summary>
    private const int MaxCachedNames = 65536;

    private readonly List<string[]> _terms;
    private readonly HashSet<string> _excludedNames;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _answers = new(StringComparer.Ordinal);

    private PersonalDataNames(List<string[]> terms, HashSet<string> excludedNames)
    {
        _terms = terms;
        _excludedNames = excludedNames;
    }

    public static PersonalDataNames Default { get; } = Create(null, null);

    /// <summary>Creates the matcher with the defaults plus <paramref name="extraNames"/> (comma- or space-separated identifiers) minus <paramref name="excludedNames"/>.</summary>
    public static PersonalDataNames Create(string? extraNames, string? excludedNames)
    {
        var terms = new List<string[]>(DefaultTerms.Length + 4);
        foreach (var term in DefaultTerms)
        {
            terms.Add(IdentifierWords.Split(term).ToArray());
        }

        foreach (var name in SplitList(extraNames))
        {
            var words = IdentifierWords.Split(name);
            if (words.Count > 0)
            {
                terms.Add(words.ToArray());
            }
        }

        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in SplitList(excludedNames))
        {
            excluded.Add(name);
        }

        return new PersonalDataNames(terms, excluded);
    }

    /// <summary>Whether an identifier names personal data.</summary>
    public bool IsPersonal(string identifier)
    {
        if (_answers.TryGetValue(identifier, out var known))
        {
            return known;
        }

        var answer = Compute(identifier);
        if (_answers.Count < MaxCachedNames)
        {
            _answers.TryAdd(identifier, answer);
        }

        return answer;
    }

    private bool Compute(string identifier)
    {
        if (identifier.Length < 2 || _excludedNames.Contains(identifier))
        {
            return false;
        }

        var words = IdentifierWords.Split(identifier);
        foreach (var term in _terms)
        {
            for (var start = 0; start + term.Length <= words.Count; start++)
            {
                if (MatchesAt(words, start, term) && OnlyMeaningKeptAfter(words, start + term.Length) && !TechnicalBefore(words, start))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MatchesAt(List<string> words, int start, string[] term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            var word = words[start + i];
            var expected = term[i];
            if (word == expected)
            {
                continue;
            }

            // The last word of a term may be plural: emails, phones, addresses.
            var last = i == term.Length - 1;
            if (!(last && IsPlural(word, expected)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlural(string word, string singular) =>
        word.Length > singular.Length
        && word.StartsWith(singular, StringComparison.Ordinal)
        && (word.Length == singular.Length + 1 ? word[singular.Length] == 's' : word.EndsWith("es", StringComparison.Ordinal) && word.Length == singular.Length + 2);

    private static bool OnlyMeaningKeptAfter(List<string> words, int from)
    {
        for (var i = from; i < words.Count; i++)
        {
            if (!s_keepMeaning.Contains(words[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TechnicalBefore(List<string> words, int start) =>
        start > 0 && s_technicalQualifiers.Contains(words[start - 1]);

    private static IEnumerable<string> SplitList(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            yield break;
        }

        foreach (var part in list!.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            yield return part.Trim();
        }
    }
}
