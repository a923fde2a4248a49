using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Privacy.Tests.Recognizers;

public sealed class ChecksumsTests
{
    [Theory]
    [InlineData("4111111111111111")] // Visa test card
    [InlineData("5500000000000004")] // Mastercard test card
    [InlineData("378282246310005")] // Amex test card
    [InlineData("79927398713")] // the textbook Luhn example
    [InlineData("8001015009087")] // a South African id
    public void Luhn_PublishedValidNumber_ReturnsTrue(string digits) => Assert.True(Checksums.Luhn(digits));

    [Theory]
    [InlineData("4111111111111112")]
    [InlineData("5500000000000005")]
    [InlineData("378282246310006")]
    [InlineData("79927398710")]
    [InlineData("8001015009088")]
    [InlineData("0")] // a single digit is never a Luhn number
    public void Luhn_OneDigitChanged_ReturnsFalse(string digits) => Assert.False(Checksums.Luhn(digits));

    [Theory]
    [InlineData("2363")] // the textbook Verhoeff example (236, check digit 3)
    [InlineData("234123412346")] // Aadhaar-shaped
    [InlineData("499118665246")]
    public void Verhoeff_ValidNumber_ReturnsTrue(string digits) => Assert.True(Checksums.Verhoeff(digits));

    [Theory]
    [InlineData("2364")]
    [InlineData("234123412345")]
    [InlineData("234123412356")]
    [InlineData("499118665247")]
    public void Verhoeff_OneDigitChanged_ReturnsFalse(string digits) => Assert.False(Checksums.Verhoeff(digits));

    [Fact]
    public void Verhoeff_AdjacentDigitsSwapped_ReturnsFalse() =>
        Assert.False(Checksums.Verhoeff("243123412346")); // Verhoeff catches transpositions; Luhn would not

    [Theory]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("GB29NWBK60161331926819")]
    [InlineData("DE89370400440532013000")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("gb82west12345698765432")] // letters are case-insensitive
    public void IbanMod97_PublishedValidIban_ReturnsTrue(string iban) => Assert.True(Checksums.IbanMod97(iban));

    [Theory]
    [InlineData("GB82WEST12345698765433")]
    [InlineData("GB83WEST12345698765432")]
    [InlineData("DE89370400440532013001")]
    [InlineData("FR1420041010050500013M02607")]
    [InlineData("GB82 WEST12345698765432")] // a space is not part of the compact form
    public void IbanMod97_OneCharacterChanged_ReturnsFalse(string iban) => Assert.False(Checksums.IbanMod97(iban));

    [Theory]
    [InlineData("52998224725")]
    [InlineData("11144477735")]
    public void Cpf_ValidNumber_ReturnsTrue(string digits) => Assert.True(Checksums.Cpf(digits));

    [Theory]
    [InlineData("52998224726")] // second check digit wrong
    [InlineData("52998224715")] // first check digit wrong
    [InlineData("52998224825")] // a body digit changed
    [InlineData("11111111111")] // all equal: passes the arithmetic, but is not issued
    [InlineData("5299822472")] // ten digits
    public void Cpf_InvalidNumber_ReturnsFalse(string digits) => Assert.False(Checksums.Cpf(digits));

    [Theory]
    [InlineData("9434765919")] // the NHS's documented example
    [InlineData("4010232137")]
    public void NhsMod11_ValidNumber_ReturnsTrue(string digits) => Assert.True(Checksums.NhsMod11(digits));

    [Theory]
    [InlineData("9434765918")]
    [InlineData("9434765929")]
    [InlineData("4010232138")]
    [InlineData("0000000000")]
    [InlineData("943476591")]
    public void NhsMod11_InvalidNumber_ReturnsFalse(string digits) => Assert.False(Checksums.NhsMod11(digits));

    [Fact]
    public void NhsMod11_CheckValueTen_ReturnsFalse()
    {
        // 123456789: sum of weights = 1*10 + 2*9 + ... + 9*2 = 210, 210 mod 11 = 1, check = 10: never issued.
        for (var last = '0'; last <= '9'; last++)
        {
            Assert.False(Checksums.NhsMod11("123456789" + last));
        }
    }

    [Theory]
    [InlineData("184037645108996")]
    [InlineData("269029934173285")]
    [InlineData("285027512345672")]
    [InlineData("185082A12345681")] // Corse-du-Sud: 2A counts as 19
    [InlineData("185082B12345611")] // Haute-Corse: 2B counts as 18
    public void FrenchNir_ValidNumber_ReturnsTrue(string nir) => Assert.True(Checksums.FrenchNir(nir));

    [Theory]
    [InlineData("184037645108997")] // key changed
    [InlineData("184037645108896")] // body digit changed
    [InlineData("185082A12345682")]
    [InlineData("185082B12345681")] // the 2A key with 2B
    [InlineData("185082A12345611")] // the 2B key with 2A
    [InlineData("185081A12345681")] // A only after department digit 2
    [InlineData("18403764510899")] // 14 characters
    public void FrenchNir_InvalidNumber_ReturnsFalse(string nir) => Assert.False(Checksums.FrenchNir(nir));

    [Theory]
    [InlineData(12345678, 'Z')]
    [InlineData(0, 'T')]
    [InlineData(22, 'E')]
    [InlineData(23, 'T')]
    [InlineData(1234567, 'L')] // NIE X1234567L
    [InlineData(11234567, 'X')] // NIE Y1234567X (Y counts as 1)
    public void SpanishControlLetter_Number_ReturnsMod23Letter(int number, char expected) =>
        Assert.Equal(expected, Checksums.SpanishControlLetter(number));

    [Fact]
    public void Base58Check_KnownBitcoinAddress_ReturnsTrue() =>
        Assert.True(Checksums.Base58Check("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"));

    [Theory]
    [InlineData("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")]
    [InlineData("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVM2")]
    [InlineData("1CvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")]
    [InlineData("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0")] // '0' is not in the Base58 alphabet
    [InlineData("1")]
    public void Base58Check_AlteredAddress_ReturnsFalse(string address) => Assert.False(Checksums.Base58Check(address));

    [Theory]
    [InlineData("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")]
    [InlineData("BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ")] // upper case is valid too
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")] // BIP-173 test vector
    public void Bech32_ValidAddress_ReturnsTrue(string address) => Assert.True(Checksums.Bech32(address));

    [Theory]
    [InlineData("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr")]
    [InlineData("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mqd")]
    [InlineData("bc1qbr0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")]
    [InlineData("tc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")] // human-readable part changed
    [InlineData("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdb")] // 'b' is not in the charset
    [InlineData("bc1qar")]
    public void Bech32_AlteredAddress_ReturnsFalse(string address) => Assert.False(Checksums.Bech32(address));

    [Theory]
    [InlineData("000000000", true)]
    [InlineData("7", true)]
    [InlineData("000000001", false)]
    [InlineData("", false)]
    public void AllSame_Digits_ReportsWhetherAllEqual(string digits, bool expected) =>
        Assert.Equal(expected, Checksums.AllSame(digits));
}
