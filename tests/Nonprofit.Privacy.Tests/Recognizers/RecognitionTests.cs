namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>What the built-in recognizers find through the public API, type and exact UTF-16 span.</summary>
public sealed class RecognitionTests
{
    private static readonly PiiDetector s_detector = new();

    private static void AssertFound(string text, string type, int start, int end)
    {
        var matches = s_detector.Detect(text);
        Assert.True(
            matches.Any(m => m.Type.Name == type && m.Start == start && m.End == end),
            $"Expected {type} at {start}..{end} in \"{text}\"; found [{string.Join(", ", matches.Select(m => $"{m.Type} {m.Start}..{m.End}"))}].");
    }

    private static void AssertNotFound(string text, string type)
    {
        var matches = s_detector.Detect(text);
        Assert.DoesNotContain(matches, m => m.Type.Name == type);
    }

    [Theory]
    [InlineData("write to jane.doe@example.org please", 9, 29)]
    [InlineData("Mail: a@b.co", 6, 12)]
    [InlineData("<jane_doe+tag@mail.example.co.uk>", 1, 32)]
    public void Detect_EmailAddress_ReportsItsSpan(string text, int start, int end) =>
        AssertFound(text, "EMAIL_ADDRESS", start, end);

    [Theory]
    [InlineData("x@localhost")]
    [InlineData("user@example.c0m")]
    [InlineData("meet @ noon")]
    public void Detect_NotAnEmailAddress_ReportsNoEmail(string text) => AssertNotFound(text, "EMAIL_ADDRESS");

    [Theory]
    [InlineData("see https://www.example.com/path?q=1 now", 4, 36)]
    [InlineData("visit http://10.0.0.1:8080/admin", 6, 32)]
    [InlineData("and example.org here", 4, 15)]
    [InlineData("and www.test.co.uk.", 4, 18)]
    public void Detect_UrlOrDomain_ReportsItsSpan(string text, int start, int end) => AssertFound(text, "URL", start, end);

    [Theory]
    [InlineData("built with Node.js and ASP.NET, e.g. this")]
    [InlineData("the file is report.pdf")]
    public void Detect_DottedWordsThatAreNotDomains_ReportsNoUrl(string text) => AssertNotFound(text, "URL");

    [Theory]
    [InlineData("ip 192.168.1.20 and", 3, 15)]
    [InlineData("host 2001:db8::8a2e:370:7334 here", 5, 28)]
    [InlineData("fe80::1 on link", 0, 7)]
    public void Detect_IpAddress_ReportsItsSpan(string text, int start, int end) => AssertFound(text, "IP_ADDRESS", start, end);

    [Theory]
    [InlineData("ip 256.1.1.1 here")]
    [InlineData("version 1.2.3")]
    [InlineData("1.2.3.4.5")]
    public void Detect_NotAnIpAddress_ReportsNoIp(string text) => AssertNotFound(text, "IP_ADDRESS");

    [Theory]
    [InlineData("mac 01:23:45:67:89:ab here", 4, 21)]
    [InlineData("mac 0123.4567.89ab here", 4, 18)]
    public void Detect_MacAddress_ReportsItsSpan(string text, int start, int end) => AssertFound(text, "MAC_ADDRESS", start, end);

    [Theory]
    [InlineData("call me at +254 712 345 678", 11, 27)] // Kenya, international
    [InlineData("appelle-moi au 06 12 34 56 78", 15, 29)] // France, national
    [InlineData("piga simu 0712 345 678", 10, 22)] // Kenya, national
    [InlineData("call +91 98765 43210", 5, 20)] // India
    [InlineData("ligue (11) 91234-5678", 6, 21)] // Brazil, São Paulo mobile
    [InlineData("tel +44 20 7946 0958", 4, 20)] // UK
    [InlineData("reach me 0712 345 678 today", 9, 21)] // no context word
    public void Detect_PhoneNumber_ReportsItsSpan(string text, int start, int end) =>
        AssertFound(text, "PHONE_NUMBER", start, end);

    [Theory]
    [InlineData("card 4111 1111 1111 1111 ok", 5, 24)]
    [InlineData("card 5500-0000-0000-0004", 5, 24)]
    [InlineData("card 378282246310005", 5, 20)]
    [InlineData("4111111111111111", 0, 16)]
    public void Detect_LuhnValidCard_ReportsItsSpan(string text, int start, int end) =>
        AssertFound(text, "CREDIT_CARD", start, end);

    [Theory]
    [InlineData("card 4111 1111 1111 1112 bad")]
    [InlineData("card 5500-0000-0000-0005")]
    [InlineData("4111111111111110")]
    public void Detect_LuhnInvalidCard_ReportsNoCard(string text) => AssertNotFound(text, "CREDIT_CARD");

    [Theory]
    [InlineData("iban GB82WEST12345698765432 compact", 5, 27)]
    [InlineData("iban GB82 WEST 1234 5698 7654 32 grouped", 5, 32)]
    [InlineData("iban gb82west12345698765432 lower", 5, 27)]
    [InlineData("IBAN DE89370400440532013000.", 5, 27)]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", 0, 33)]
    public void Detect_ValidIban_ReportsItsSpan(string text, int start, int end) => AssertFound(text, "IBAN_CODE", start, end);

    [Theory]
    [InlineData("iban GB82WEST12345698765433")]
    [InlineData("iban GB82 WEST 1234 5698 7654 33")]
    [InlineData("iban GB82WEST1234569876543")] // one character short for GB
    public void Detect_InvalidIban_ReportsNoIban(string text) => AssertNotFound(text, "IBAN_CODE");

    [Theory]
    [InlineData("ssn 123-45-6789", 4, 15)]
    [InlineData("SSN 123 45 6789", 4, 15)]
    public void Detect_ValidSsn_ReportsItsSpan(string text, int start, int end) => AssertFound(text, "US_SSN", start, end);

    [Theory]
    [InlineData("ssn 000-12-3456")]
    [InlineData("ssn 666-12-3456")]
    [InlineData("ssn 900-12-3456")]
    [InlineData("ssn 987-65-4321")]
    [InlineData("ssn 123-00-6789")]
    [InlineData("ssn 123-45-0000")]
    [InlineData("ssn 111-11-1111")]
    public void Detect_SsnOutsideIssuedRanges_ReportsNoSsn(string text) => AssertNotFound(text, "US_SSN");

    [Theory]
    [InlineData("cpf 529.982.247-25", 4, 18)]
    [InlineData("cpf 52998224725", 4, 15)]
    public void Detect_ValidCpf_ReportsItsSpan(string text, int start, int end) => AssertFound(text, "BR_CPF", start, end);

    [Fact]
    public void Detect_CpfWithWrongCheckDigit_ReportsNoCpf() => AssertNotFound("cpf 529.982.247-26", "BR_CPF");

    [Theory]
    [InlineData("aadhaar 2341 2341 2346", 8, 22)]
    [InlineData("aadhaar 234123412346", 8, 20)]
    public void Detect_VerhoeffValidAadhaar_ReportsItsSpan(string text, int start, int end) =>
        AssertFound(text, "IN_AADHAAR", start, end);

    [Theory]
    [InlineData("aadhaar 2341 2341 2345")]
    [InlineData("aadhaar 134123412346")] // Aadhaar never starts with 0 or 1
    public void Detect_InvalidAadhaar_ReportsNoAadhaar(string text) => AssertNotFound(text, "IN_AADHAAR");

    [Fact]
    public void Detect_NhsNumberAfterNhsWord_ReportsNhs() => AssertFound("NHS 4010232137", "UK_NHS", 4, 14);

    [Fact]
    public void Detect_NhsNumberWithNhsNumberContext_ReportsNhsNotPhone() =>
        AssertFound("NHS number 943 476 5919", "UK_NHS", 11, 23);

    [Fact]
    public void Detect_NhsValidDigitsWithoutContext_ReportsNoNhs() => AssertNotFound("random 4010232137", "UK_NHS");

    [Theory]
    [InlineData("nir 1 84 03 76 451 089 96", 4, 25)]
    [InlineData("nir 184037645108996", 4, 19)]
    public void Detect_ValidNir_ReportsItsSpan(string text, int start, int end) => AssertFound(text, "FR_NIR", start, end);

    [Fact]
    public void Detect_NirWithWrongKey_ReportsNoNir() => AssertNotFound("nir 184037645108997", "FR_NIR");

    [Fact]
    public void Detect_CorsicanNir_ReportsNir() => AssertFound("nir 185082A12345681", "FR_NIR", 4, 19);

    [Theory]
    [InlineData("DNI 12345678Z", "ES_DNI", 4, 13)]
    [InlineData("NIE X1234567L", "ES_NIE", 4, 13)]
    [InlineData("NIE Y1234567X", "ES_NIE", 4, 13)]
    public void Detect_SpanishIdWithValidLetter_ReportsItsSpan(string text, string type, int start, int end) =>
        AssertFound(text, type, start, end);

    [Theory]
    [InlineData("DNI 12345678A", "ES_DNI")]
    [InlineData("NIE X1234567A", "ES_NIE")]
    public void Detect_SpanishIdWithWrongLetter_ReportsNothingOfThatType(string text, string type) => AssertNotFound(text, type);

    [Fact]
    public void Detect_Pan_ReportsItsSpan() => AssertFound("PAN ABCPE1234F", "IN_PAN", 4, 14);

    [Fact]
    public void Detect_PanWithInvalidHolderType_ReportsNoPan() => AssertNotFound("PAN ABCDE1234F", "IN_PAN");

    [Fact]
    public void Detect_KraPin_ReportsItsSpan() => AssertFound("KRA PIN A123456789B", "KE_KRA_PIN", 8, 19);

    [Fact]
    public void Detect_KraPinWithoutFinalLetter_ReportsNoKraPin() => AssertNotFound("KRA A123456789", "KE_KRA_PIN");

    [Fact]
    public void Detect_SouthAfricanId_ReportsItsSpan() => AssertFound("ID number 8001015009087", "ZA_ID", 10, 23);

    [Theory]
    [InlineData("ID number 8001015009088")] // Luhn fails
    [InlineData("ID number 8013015009082")] // month 13, Luhn valid
    [InlineData("ID number 8001325009083")] // day 32, Luhn valid
    public void Detect_InvalidSouthAfricanId_ReportsNoZaId(string text) => AssertNotFound(text, "ZA_ID");

    [Theory]
    [InlineData("passport number A1234567", 16, 24)]
    [InlineData("pasaporte X12345678", 10, 19)]
    [InlineData("numéro de passeport: AB123456", 21, 29)]
    public void Detect_PassportWithContext_ReportsItsSpan(string text, int start, int end) =>
        AssertFound(text, "PASSPORT", start, end);

    [Fact]
    public void Detect_PassportShapeWithoutContext_ReportsNothing() => Assert.Empty(s_detector.Detect("reference A1234567"));

    [Theory]
    [InlineData("btc 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", 4, 38)]
    [InlineData("btc bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", 4, 46)]
    public void Detect_CryptoAddress_ReportsItsSpan(string text, int start, int end) => AssertFound(text, "CRYPTO", start, end);

    [Theory]
    [InlineData("btc 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")]
    [InlineData("btc bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr")]
    public void Detect_AlteredCryptoAddress_ReportsNoCrypto(string text) => AssertNotFound(text, "CRYPTO");

    [Theory]
    [InlineData("gps -1.292066, 36.821946", 4, 24)]
    [InlineData("she is at -33.8688, 151.2093", 10, 28)]
    [InlineData("gps 40°26'46\"N 79°58'56\"W", 4, 25)]
    [InlineData("1°17'30\"S 36°49'10\"E", 0, 20)]
    public void Detect_GpsCoordinates_ReportsItsSpan(string text, int start, int end) =>
        AssertFound(text, "GPS_COORDINATES", start, end);

    [Theory]
    [InlineData("Sensor readings 1.2921, 36.8219 (moisture, temperature) logged")]
    [InlineData("pH 6.5210, EC 1.8834")]
    public void Detect_DecimalPairWithoutPlaceContext_ReportsNoGps(string text) => AssertNotFound(text, "GPS_COORDINATES");

    [Theory]
    [InlineData("he is 34 years old", 6, 8)] // en
    [InlineData("aged 72", 5, 7)]
    [InlineData("I'm 19, and", 4, 6)]
    [InlineData("I’M 19, and", 4, 6)] // a verb right before the number, without an age word, in any case
    [InlineData("I AM 19, and", 5, 7)]
    [InlineData("she WAS 78, and", 8, 10)]
    [InlineData("we Are 19, and", 7, 9)]
    [InlineData("they wERE 19, and", 10, 12)]
    [InlineData("he Is 19, and", 6, 8)]
    [InlineData("j'ai 34 ans", 5, 7)] // fr
    [InlineData("elle a 3 ans", 7, 8)]
    [InlineData("tengo 27 años", 6, 8)] // es
    [InlineData("tenho 30 anos", 6, 8)] // pt
    [InlineData("nina miaka 25", 11, 13)] // sw
    [InlineData("umri wa miaka 40", 14, 16)]
    [InlineData("meri umar 30 saal hai", 10, 12)] // hi (Latin)
    [InlineData("मेरी उम्र 30 है", 10, 12)] // hi (Devanagari)
    public void Detect_AgePhrase_ReportsTheNumber(string text, int start, int end) => AssertFound(text, "AGE", start, end);

    [Theory]
    [InlineData("born on 12/05/1990", 8, 18)]
    [InlineData("I was born on May 12, 1990", 14, 26)]
    [InlineData("date of birth: 1990-05-12", 15, 25)]
    [InlineData("DOB 05/12/1990", 4, 14)]
    [InlineData("né le 3 mars 1985", 6, 17)]
    [InlineData("nacido el 12 de mayo de 1990", 10, 28)]
    [InlineData("nascido em 12/05/1990", 11, 21)]
    [InlineData("alizaliwa tarehe 12/05/1990", 17, 27)]
    public void Detect_DateWithBirthContext_ReportsDateOfBirth(string text, int start, int end) =>
        AssertFound(text, "DATE_OF_BIRTH", start, end);

    [Theory]
    [InlineData("the meeting is on 12/05/1990")]
    [InlineData("the deadline is 1990-05-12")]
    [InlineData("May 12, 1990 was a Saturday")]
    public void Detect_BareDate_ReportsNothing(string text) => Assert.Empty(s_detector.Detect(text));

    [Theory]
    [InlineData("FHR 140 bpm")]
    [InlineData("2.5 ml per litre")]
    [InlineData("KSh 1,250")]
    [InlineData("price KSh 1,250,000")]
    [InlineData("total 1.250.000")]
    [InlineData("version 1.2.3")]
    [InlineData("in 2023 and 1999")]
    [InlineData("order #123456")]
    [InlineData("score 12 34 56")]
    [InlineData("take 500 mg twice a day, 3 times a week")]
    public void Detect_NumbersThatAreNotPersonalData_ReportsNothing(string text) => Assert.Empty(s_detector.Detect(text));

    [Fact]
    public void Detect_TextAfterAnEmoji_ReportsUtf16Offsets()
    {
        // The emoji is two UTF-16 code units: the address starts at 18, not 17.
        AssertFound("the emoji 😀 then jane@example.org", "EMAIL_ADDRESS", 18, 34);
    }

    /// <summary>
    /// Devanagari has no capitals, so the weak cue "मैं" ("I") is followed by ordinary words as often as by a name: a
    /// question after it is not a person (found by the Sophia sample: "how do I keep evidence?" was pseudonymised).
    /// </summary>
    [Theory]
    [InlineData("मैं सबूत कैसे रखूं?")]
    [InlineData("मैं पुलिस को कैसे बताऊँ")]
    public void Detect_HindiQuestionAfterI_ReportsNoPerson(string text) => AssertNotFound(text, "PERSON");

    /// <summary>"मैं X हूँ" ("I am X") still names a person: the copula closes the name.</summary>
    [Theory]
    [InlineData("मैं प्रिया हूँ", 4, 10)]
    [InlineData("नमस्ते, मैं सुनीता हूं", 12, 18)]
    public void Detect_HindiIAmName_ReportsThePerson(string text, int start, int end) => AssertFound(text, "PERSON", start, end);

    /// <summary>"मैं X से/में …" ("I … from/in X"): one word before the postposition is where the speaker is.</summary>
    [Fact]
    public void Detect_HindiIFromPlace_ReportsTheLocation() =>
        AssertFound("मैं सीकर से बोल रहा हूँ", "LOCATION", 4, 8);
}
