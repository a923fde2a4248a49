namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// Stop 29 mend (whole-diff review findings 3, 7 and 8): Nigerian mobiles with a free-phone-like prefix, Hindi common nouns
/// after a relation word, and years of birth without a person. Invented lines; no real numbers or names.
/// </summary>
public sealed class Stop29MendPrivacyTests
{
    private static void AssertFound(string text, string type, string value) => PiiAssert.Covered(text, type, value);

    private static void AssertNotFound(string text, string type) => PiiAssert.NotFound(text, type);

    // Finding 3: 0805/0808 with eleven digits are ordinary Nigerian mobiles; a service word near them does not make them public.
    [Theory]
    [InlineData("I called the helpline from my own phone 0805 123 4567, please call me back", "0805 123 4567")]
    [InlineData("My number is 0808 765 4321, the customer care agent never called back", "0808 765 4321")]
    [InlineData("Customer care said to text my line 08051234567 again", "08051234567")]
    [InlineData("hotline ilisema nitume namba yangu 0808 555 0199", "0808 555 0199")]
    [InlineData("Call the free helpline 0808 2000 247 any time", "0808 2000 247")]
    public void Detect_ElevenDigit0805And0808NearServiceWords_StayPhones(string text, string value) =>
        AssertFound(text, "PHONE_NUMBER", value);

    [Theory]
    [InlineData("Ligue grátis para o 0800 722 4455 (linha de apoio)")]
    [InlineData("numéro vert 0805 12 34 56")]
    [InlineData("toll free number 1800-180-1551 par call karein")]
    public void Detect_FreephonesThatAreNeverMobiles_StayServiceLines(string text) => AssertNotFound(text, "PHONE_NUMBER");

    // Finding 7: a common noun after a Devanagari relation word and before "ने"/"जी" is no name; names there still are.
    [Theory]
    [InlineData("मेरी सास मम्मी जी बहुत गुस्सा करती हैं")]
    [InlineData("मेरे पति पुलिस वाले ने मुझे धमकाया")]
    [InlineData("मेरे दोस्त लोग ने मदद की")]
    [InlineData("मेरी बहन दीदी जी से बात करो")]
    public void Detect_CommonNounAfterRelationWord_IsNoPerson(string text) => AssertNotFound(text, "PERSON");

    [Theory]
    [InlineData("मेरे पति रमेश ने मुझे मारा", "रमेश")]
    [InlineData("मेरी बेटी प्रिया जी के साथ है", "प्रिया")]
    [InlineData("मेरे पति राजेश कुमार शराब पीते हैं", "राजेश कुमार")]
    [InlineData("मेरी सास कमला देवी ने घर से निकाला", "कमला देवी")]
    public void Detect_NameAfterRelationWord_StaysAPerson(string text, string value) => AssertFound(text, "PERSON", value);

    // Finding 8: a year after "born" is a date of birth (over the default threshold) only when a person was born.
    [Theory]
    [InlineData("Our food bank was born in 2010 in a church basement.")]
    [InlineData("The idea for the shelter was born in 2019 after the floods.")]
    [InlineData("The project was born in 2015 with three volunteers.")]
    [InlineData("El proyecto nació en 2012 en un barrio de la ciudad.")]
    [InlineData("L'association est née en 2008 à la suite des inondations.")]
    public void Detect_OrganisationBornInAYear_IsNoDateOfBirth(string text) => AssertNotFound(text, "DATE_OF_BIRTH");

    [Theory]
    [InlineData("My son was born in 2015 and goes to school now", "2015")]
    [InlineData("She was born in 1998, she is my sister", "1998")]
    [InlineData("je suis née en 1992 à la campagne", "1992")]
    [InlineData("mi hija nació en 2016", "2016")]
    [InlineData("alizaliwa mwaka 2011", "2011")]
    [InlineData("nasci em 1989 no interior", "1989")]
    public void Detect_PersonBornInAYear_IsADateOfBirth(string text, string value) =>
        AssertFound(text, "DATE_OF_BIRTH", value);

    [Fact]
    public void Detect_OrganisationBornInAYear_IsStillReportedBelowTheDefaultThreshold()
    {
        var detector = new PiiDetector(new PiiDetectorOptions { DefaultThreshold = 0.4 });
        Assert.Contains(detector.Detect("Our food bank was born in 2010."), m => m.Type.Name == "DATE_OF_BIRTH" && m.Score < 0.5);
    }
}
