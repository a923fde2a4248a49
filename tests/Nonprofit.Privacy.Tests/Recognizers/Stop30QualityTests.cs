namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// Stop 30: numbers shaped or labelled as a checksummed identifier whose check fails, lower-case names after a naming
/// cue (and cues typed in a hurry), each with negatives of the same shape. The lines are written for these tests
/// (invented names and numbers; the failing numbers are computed to fail their check, the valid ones to pass it).
/// </summary>
public sealed class Stop30QualityTests
{
    private static readonly PiiDetector s_detector = new();

    private static void AssertFound(string text, string type, string value, double? score = null) => PiiAssert.Found(text, type, value, score);

    private static void AssertNotFound(string text, string type) => PiiAssert.NotFound(text, type);

    private static void AssertNothing(string text) => Assert.Empty(s_detector.Detect(text));

    // --- Checksum-failing look-alikes ---------------------------------------------------------------------

    [Theory]
    [InlineData("gas meter 6011 2045 7781 3390 read on the 3rd")]
    [InlineData("nambari ya mita 5290 7183 4602 1957, nimelipa Sh 700")]
    [InlineData("bijli consumer no. 4929 1730 5826 4410 hai, bill ₹640")]
    [InlineData("batch 6011-2045-7781-3390 recalled")]
    public void Detect_LuhnFailingCardShape_WithoutCardWord_IsNothing(string text) => AssertNothing(text);

    [Theory]
    [InlineData("my card 6011 2045 7781 3390 was declined", "6011 2045 7781 3390")]
    [InlineData("tarjeta 3714 496353 98432 rechazada", "3714 496353 98432")]
    [InlineData("kadi yangu 5290-7183-4602-1957 imekataliwa", "5290-7183-4602-1957")]
    public void Detect_LuhnFailingNumber_AfterCardWord_IsOneUnverifiedSpan(string text, string value)
    {
        // The whole number or nothing: never a phone number for its last groups with the first group left visible.
        AssertFound(text, "UNVERIFIED_ID", value, 0.55);
        AssertNotFound(text, "PHONE_NUMBER");
        AssertNotFound(text, "CREDIT_CARD");
    }

    [Fact]
    public void UnverifiedId_IsPublic_AndAThresholdAboveItsScoreReportsOnlyValidNumbers()
    {
        Assert.Equal("UNVERIFIED_ID", PiiEntityType.UnverifiedId.Name);
        const string text = "my card 6011 2045 7781 3390 was declined";
        Assert.Contains(s_detector.Detect(text), m => m.Type == PiiEntityType.UnverifiedId);

        var strictOptions = new PiiDetectorOptions();
        strictOptions.Thresholds[PiiEntityType.UnverifiedId.Name] = 0.6;
        var strict = new PiiDetector(strictOptions);
        Assert.Empty(strict.Detect(text));
        Assert.Contains(strict.Detect("my card 4111 1111 1111 1111 was declined"), m => m.Type == PiiEntityType.CreditCard);
    }

    [Theory]
    [InlineData("mera aadhaar 3817 2046 5591 hai", "3817 2046 5591")]
    [InlineData("आधार 728306159442 डाला", "728306159442")]
    [InlineData("meu CPF 418.207.365-12 deu erro", "418.207.365-12")]
    [InlineData("CPF 73019462855", "73019462855")]
    [InlineData("NIR 2 93 07 69 123 456 78", "2 93 07 69 123 456 78")]
    [InlineData("o NIF 245118930 foi recusado", "245118930")]
    [InlineData("SSN 912-34-5678 on the form", "912-34-5678")]
    public void Detect_LabelledIdentifierFailingItsCheck_IsOneUnverifiedSpan_NotAPhone(string text, string value)
    {
        AssertFound(text, "UNVERIFIED_ID", value, 0.55);
        AssertNotFound(text, "PHONE_NUMBER");
    }

    [Theory]
    [InlineData("o número 418.207.365-12 do pedido")] // a CPF's shape without its label: no id and no phone
    [InlineData("a conta ES12 0049 1500 0512 3456 7892 foi recusada")] // an IBAN failing mod 97: no phone in its groups
    public void Detect_FailingIdentifierShape_WithoutLabel_IsNothing(string text) => AssertNothing(text);

    [Theory]
    [InlineData("card 4111 1111 1111 1111 please", "CREDIT_CARD", "4111 1111 1111 1111")]
    [InlineData("aadhaar 7283 0615 9443", "IN_AADHAAR", "7283 0615 9443")]
    [InlineData("o NIF 245118930 e o telefone 912 345 678", "PHONE_NUMBER", "912 345 678")]
    [InlineData("meter 6011 2045 7781 3390, call me on 0712 345 678", "PHONE_NUMBER", "0712 345 678")]
    [InlineData("card blocked, call 00254 712 345 678", "PHONE_NUMBER", "00254 712 345 678")]
    [InlineData("ssn 123-45-6789", "US_SSN", "123-45-6789")]
    public void Detect_ValidNumbers_NextToTheNewRules_AreKept(string text, string type, string value) =>
        AssertFound(text, type, value);

    // --- Lower-case names after a cue ---------------------------------------------------------------------

    [Theory]
    [InlineData("je suis camille et j'ai besoin d'aide", "camille")]
    [InlineData("soy diego, tengo 15 años", "diego")]
    [InlineData("i am leila, please text me", "leila")]
    [InlineData("hola mariana aqui", "mariana")]
    [InlineData("je m apelle yasmin benali", "yasmin benali")]
    [InlineData("jmappelle ines", "ines")]
    [InlineData("me yamo thiago", "thiago")]
    [InlineData("my names priya sharma", "priya sharma")]
    [InlineData("meu nome e joana", "joana")]
    [InlineData("jina lng ni amina", "amina")]
    public void Detect_LowerCaseNameAfterACue_IsAPerson(string text, string value) => AssertFound(text, "PERSON", value);

    [Theory]
    [InlineData("je suis fatiguée ce soir")]
    [InlineData("je suis perdue")]
    [InlineData("soy nueva aqui")]
    [InlineData("me llamo la atención")]
    [InlineData("i am done with him")]
    [InlineData("hola buenos dias")]
    [InlineData("mera naam nahi bataunga")]
    [InlineData("please call me back")]
    [InlineData("can you call me back tomorrow")]
    [InlineData("call me asap")]
    [InlineData("my names are on the list")]
    [InlineData("meu nome e segredo")]
    public void Detect_OrdinaryWordsAfterACue_AreNoPerson(string text) => AssertNotFound(text, "PERSON");

    // --- Addresses ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("vivo en la calle Luna 12, 2º izq, 41003 Sevilla desde marzo", "calle Luna 12, 2º izq, 41003 Sevilla")]
    [InlineData("mándalo a c/ Toledo 87, 28005 Madrid", "c/ Toledo 87, 28005 Madrid")]
    [InlineData("moro na rua Augusta, 915 faz um ano", "rua Augusta, 915")]
    [InlineData("Mi dirección es Calle del Pino 45, 1º A, Valencia", "Calle del Pino 45, 1º A, Valencia")]
    [InlineData("nuevo piso: House 9, Sector 21, Gurgaon 122001", "Sector 21, Gurgaon 122001")]
    [InlineData("tuma kwa Plot 41, Mtaa wa Uhuru, Moshi", "Plot 41, Mtaa wa Uhuru, Moshi")]
    [InlineData("Plot 9, Oginga Road, Kisumu", "Plot 9, Oginga Road, Kisumu")]
    [InlineData("पता: सेक्टर 18, नोएडा 201301", "सेक्टर 18, नोएडा 201301")]
    [InlineData("फ्लैट 118, नीलम अपार्टमेंट, गोमती नगर, लखनऊ 226010", "फ्लैट 118, नीलम अपार्टमेंट, गोमती नगर, लखनऊ 226010")]
    public void Detect_StreetWithLowerCaseTypeFloorDoorOrNumberedArea_IsOneAddress(string text, string value) =>
        PiiAssert.Covered(text, "STREET_ADDRESS", value);

    [Fact]
    public void Detect_BuildingNameInsideAnAddress_IsNoPerson()
    {
        const string text = "Flat 7, Meera Krupa Apartments, Andheri West, Mumbai 400058";
        PiiAssert.Covered(text, "STREET_ADDRESS", "Flat 7, Meera Krupa Apartments");
        AssertNotFound(text, "PERSON");
    }

    [Theory]
    [InlineData("Plot 3 was planted in March")]
    [InlineData("Sector 5 is closed today")]
    [InlineData("Block 4 of the exam, Section 2")]
    [InlineData("Phase 2, then phase 3")]
    [InlineData("la calle estaba llena")]
    [InlineData("In Phase 2, Nairobi and Mombasa get clinics")]
    [InlineData("Plot 27, KSh 450,000 negotiable")]
    [InlineData("Sector 15, 2025 budget Rs 40,000")]
    [InlineData("Phase 2, Q3 2027 budget 40,000")]
    [InlineData("Sector 15, Google and Microsoft")]
    public void Detect_NumberedAreaOrStreetWordWithoutAnAddress_IsNoAddress(string text) => AssertNotFound(text, "STREET_ADDRESS");

    // --- Mend (review-c findings 1-4, 6): the new rules' reach ------------------------------------------------

    [Theory]
    [InlineData("Leeds LS11 5AB card 4111 1111 1111 1111", "CREDIT_CARD", "4111 1111 1111 1111")]
    [InlineData("Leeds LS11 5AB tel 0113 496 0000", "PHONE_NUMBER", "0113 496 0000")]
    [InlineData("CF10 1AA call 029 2018 3000", "PHONE_NUMBER", "029 2018 3000")]
    [InlineData("IBAN GB29 NWBK 6016 1331 9268 19 tel 0113 496 0000", "PHONE_NUMBER", "0113 496 0000")]
    [InlineData("IBAN GB29 NWBK 6016 1331 9268 19 tel 0113 496 0000", "IBAN_CODE", "GB29 NWBK 6016 1331 9268 19")]
    [InlineData("car MH12 AB 1234 call 98765 43210", "PHONE_NUMBER", "98765 43210")]
    [InlineData("Contact: DL01 CD 5678 mob 9876543210", "PHONE_NUMBER", "9876543210")]
    [InlineData("room AB12 tel 0712 345 678", "PHONE_NUMBER", "0712 345 678")]
    [InlineData("NW10 3XY 07700 900 123", "PHONE_NUMBER", "07700 900 123")]
    public void Detect_NumberAfterAPostcodePlateOrIban_IsNoIbanTail(string text, string type, string value) =>
        AssertFound(text, type, value);

    [Theory]
    [InlineData("my name is Soon", "Soon")]
    [InlineData("My name is Soon Lee", "Soon Lee")]
    [InlineData("Dear Soon Lee,", "Soon Lee")]
    [InlineData("mera naam Soon Hee", "Soon Hee")]
    public void Detect_CapitalisedNameThatIsAlsoAnAdverb_AfterACue_IsAPerson(string text, string value) =>
        AssertFound(text, "PERSON", value);

    [Theory]
    [InlineData("call me soon")]
    [InlineData("i am frank with you")]
    [InlineData("soy morena y alta")]
    [InlineData("je suis aimée")]
    [InlineData("je suis claire")]
    public void Detect_LowerCaseAdjectiveOrAdverbAfterACue_IsNoPerson(string text) => AssertNotFound(text, "PERSON");

    [Theory]
    [InlineData("call me on 0049 1512 3456 7890", "1512 3456 7890")]
    [InlineData("phone 0011 4479 1112 3456", "4479 1112 3456")]
    [InlineData("123.456.789-01", "123.456.789-01")]
    public void Detect_CardOrCpfShapedNumber_ThatIsAPhone_IsAPhone(string text, string value) =>
        AssertFound(text, "PHONE_NUMBER", value);

    [Theory]
    [InlineData("Visa card lost, call 55 11 91234 5678", "11 91234 5678")]
    [InlineData("nif/tel 912345678", "912345678")]
    [InlineData("CPF ou celular: 11987654321", "11987654321")]
    public void Detect_PhoneWordBetweenAnIdLabelAndAPhone_IsAPhone(string text, string value)
    {
        AssertFound(text, "PHONE_NUMBER", value, 1.0);
        AssertNotFound(text, "UNVERIFIED_ID");
    }
}
