namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// Stop 29: Devanagari digits, Hindi names and addresses, over-redaction of numbers that are not a person's phone, and
/// years of birth, each with negatives of the same shape. The lines are written for these tests (invented names, places
/// and numbers; the Aadhaar number is computed to pass Verhoeff).
/// </summary>
public sealed class Stop29QualityTests
{
    private static readonly PiiDetector s_detector = new();

    private static void AssertFound(string text, string type, string value, double? score = null) => PiiAssert.Found(text, type, value, score);

    private static void AssertNotFound(string text, string type) => PiiAssert.NotFound(text, type);

    private static void AssertNothing(string text) => Assert.Empty(s_detector.Detect(text));

    // --- Devanagari digits -------------------------------------------------------------------------------

    [Theory]
    [InlineData("मेरा नंबर ९७३११ २०४५८ है, शाम को फ़ोन करना", "PHONE_NUMBER", "९७३११ २०४५८")]
    [InlineData("फ़ोन: +९१ ८७६५४ २१०९८", "PHONE_NUMBER", "+९१ ८७६५४ २१०९८")]
    [InlineData("मेरी जन्म तिथि १४/०२/१९९१ है", "DATE_OF_BIRTH", "१४/०२/१९९१")]
    [InlineData("आधार नंबर ४७२० ५१९३ ८६६८", "IN_AADHAAR", "४७२० ५१९३ ८६६८")]
    [InlineData("उम्र ३४ साल, गाँव में रहती है", "AGE", "३४")]
    public void Detect_DevanagariDigits_AreReadAsDigits(string text, string type, string value) =>
        AssertFound(text, type, value);

    [Theory]
    [InlineData("बैठक १४/१२/२०२६ को होगी")]
    [InlineData("८ किलो गेहूं ४५० रुपये में बेचा")]
    [InlineData("सुबह ९ बजे २ गोली लेनी है")]
    [InlineData("दवा ३ बार, १० दिन तक")]
    public void Detect_DevanagariQuantitiesAndBareDates_AreNotPersonalData(string text) => AssertNothing(text);

    // --- Hindi names --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("मेरे पति रमेश ने कल फिर मारा", "रमेश")]
    [InlineData("बेटी प्रिया जी स्कूल में पढ़ती है", "प्रिया")]
    [InlineData("पत्नी सुनीता देवी ने शिकायत की", "सुनीता देवी")]
    [InlineData("मेरे पति दिनेश कुमार रोज़ मारते हैं", "दिनेश कुमार")]
    [InlineData("मरीज़ कविता कुमारी, उम्र 31 वर्ष", "कविता कुमारी")]
    [InlineData("mera naam pooja kumari hai", "pooja kumari")]
    [InlineData("my name is lena andersson", "lena andersson")]
    public void Detect_HindiNamesAfterRelationWordsAndWithNameEndings_ArePersons(string text, string value) =>
        AssertFound(text, "PERSON", value);

    [Theory]
    [InlineData("पति ने कल फिर मारा")]
    [InlineData("बेटी बीमार है")]
    [InlineData("मेरे पति शराबी हैं")]
    [InlineData("पति रोज़ शराब पीकर आते हैं")]
    [InlineData("मैं बहुत परेशान हूँ")]
    [InlineData("बेटी स्कूल जाती है")]
    public void Detect_RelationWordsAndStatesWithoutAName_AreNoPerson(string text) => AssertNotFound(text, "PERSON");

    // --- Indian addresses -----------------------------------------------------------------------------------

    [Theory]
    [InlineData("मेरा पता: मकान नं. 45, गली नंबर 3, शांति नगर, जयपुर 302017", "मकान नं. 45, गली नंबर 3, शांति नगर, जयपुर 302017")]
    [InlineData("ghar ka pata: H.No. 88, Gali No. 4, Sector 11", "H.No. 88, Gali No. 4, Sector 11")]
    public void Detect_HouseAndLaneNumbers_StartTheAddress(string text, string value) =>
        AssertFound(text, "STREET_ADDRESS", value);

    [Theory]
    [InlineData("पिन कोड 452001 है", "452001")]
    [InlineData("Estou na Rua das Acácias, 77, Natal, CEP 59020-300.", "59020-300")]
    public void Detect_PostcodeAfterItsWord_IsAPostalCode(string text, string value) =>
        AssertFound(text, "POSTAL_CODE", value);

    [Fact]
    public void Detect_AddressBlockBeforeACepWord_KeepsTheStreet() =>
        AssertFound("Estou na Rua das Acácias, 77, Natal, CEP 59020-300.", "STREET_ADDRESS", "Rua das Acácias, 77, Natal, CEP");

    [Theory]
    [InlineData("गली में 3 कुत्ते घूमते हैं")]
    [InlineData("the h.no 5 bus")]
    public void Detect_StreetWordsWithoutAnAddress_AreNoAddress(string text) => AssertNotFound(text, "STREET_ADDRESS");

    // --- Numbers that are not a person's phone ----------------------------------------------------------------

    [Theory]
    [InlineData("Ligue grátis para o 0800 722 4455 (linha de apoio)")]
    [InlineData("toll free number 1800-180-1551 par call karein")]
    [InlineData("numéro vert 0805 12 34 56")]
    [InlineData("moro perto do 01310-200")]
    public void Detect_ServiceFreephonesAndCeps_AreNoPhone(string text) => AssertNotFound(text, "PHONE_NUMBER");

    [Theory]
    [InlineData("my mobile is 0800 722 4455", "0800 722 4455")]
    [InlineData("my mobile 07700 900123, helpline 0800 200 0247", "07700 900123")]
    [InlineData("ligue 11 91234-5678", "11 91234-5678")]
    [InlineData("helpline ne bola apna number do: 98765 43210", "98765 43210")]
    public void Detect_PersonalPhonesNearServiceWords_StayPhones(string text, string value) =>
        AssertFound(text, "PHONE_NUMBER", value);

    // --- Years of birth and sizes -------------------------------------------------------------------------------

    [Theory]
    [InlineData("I was born in 1990 in a small town", "1990")]
    [InlineData("nilizaliwa mwaka 1992.", "1992")]
    [InlineData("nací en 1985", "1985")]
    [InlineData("mera janam 1995 mein hua tha", "1995")]
    [InlineData("मेरा जन्म 1990 में हुआ", "1990")]
    [InlineData("मेरा जन्म १९८६ में हुआ", "१९८६")]
    public void Detect_YearOfBirthAlone_IsADateOfBirthScoredBelowAFullDate(string text, string value) =>
        AssertFound(text, "DATE_OF_BIRTH", value, 0.6);

    [Theory]
    [InlineData("the company was founded in 1990")]
    [InlineData("born in 1990s Nairobi")]
    [InlineData("the birthday party in 2019")]
    [InlineData("born in 2025-26 season")]
    public void Detect_YearsWithoutBirth_AreNoDateOfBirth(string text) => AssertNotFound(text, "DATE_OF_BIRTH");

    [Fact]
    public void Detect_FullDateOfBirth_KeepsItsHigherScore() =>
        AssertFound("born on 5 May 1990", "DATE_OF_BIRTH", "5 May 1990", 0.85);

    [Fact]
    public void Detect_YearOfBirth_DroppedByATypeThresholdThatKeepsFullDates()
    {
        var detector = new PiiDetector(new PiiDetectorOptions { Thresholds = { ["DATE_OF_BIRTH"] = 0.7 } });
        Assert.Empty(detector.Detect("I was born in 1990"));
        Assert.Single(detector.Detect("I was born on 5 May 1990"));
    }

    [Theory]
    [InlineData("size 10.50 S, 12.30 E")]
    [InlineData("taille: 12.30 S, 14.50 E")]
    public void Detect_SizesWithHemisphereLikeLetters_AreNoPosition(string text) => AssertNotFound(text, "GPS_COORDINATES");

    [Fact]
    public void Detect_HemispherePairWithoutASizeWord_StaysAPosition() =>
        AssertFound("I am at 0.52 N, 35.27 E", "GPS_COORDINATES", "0.52 N, 35.27 E");
}
