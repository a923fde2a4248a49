namespace Nonprofit.Impact.Tests.Storage;

public class PersonalDataHeuristicsTests
{
    [Theory]
    [InlineData("KE-047")]
    [InlineData("15-19")]
    [InlineData("female")]
    [InlineData("2024-Q1")]
    [InlineData("r1.i1")]
    [InlineData("2024-01")]
    [InlineData("0-4")]
    [InlineData("65+")]
    [InlineData("urban")]
    [InlineData("KE")]
    [InlineData("Nairobi West")]
    [InlineData("evt-123456")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("12345678-1234-1234-1234-123456789012")] // a GUID made of digits
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAV")] // a ULID
    [InlineData("a94a8fe5ccb19ba61c4c0873d391e987982fbbd3")] // a SHA-1
    [InlineData("batch7-row12")]
    [InlineData("user@")]
    [InlineData("@handle")]
    [InlineData("")]
    public void NotPersonal(string text)
    {
        Assert.False(PersonalDataHeuristics.LooksPersonal(text));
        Assert.Equal(PersonalDataKind.None, PersonalDataHeuristics.Classify(text));
    }

    [Theory]
    [InlineData("+254 712 345 678", "PhoneNumber")]
    [InlineData("0712345678", "PhoneNumber")]
    [InlineData("(020) 7946 0958", "PhoneNumber")]
    [InlineData("+1-202-555-0143", "PhoneNumber")]
    [InlineData("712.345.678", "PhoneNumber")]
    [InlineData("call 0712 345 678 please", "PhoneNumber")]
    [InlineData("jane@example.org", "Email")]
    [InlineData("contact: jane.doe+ngo@mail.example.co.ke", "Email")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "Iban")]
    [InlineData("GB82WEST12345698765432", "Iban")]
    [InlineData("de89370400440532013000", "Iban")]
    [InlineData("4111 1111 1111 1111", "PaymentCard")]
    [InlineData("4111-1111-1111-1111", "PaymentCard")]
    [InlineData("2024-01-15", "PhoneNumber")] // documented: a date has eight digits in one run
    public void Personal(string text, string kind)
    {
        Assert.True(PersonalDataHeuristics.LooksPersonal(text));
        Assert.Equal(Enum.Parse<PersonalDataKind>(kind), PersonalDataHeuristics.Classify(text));
    }

    [Fact]
    public void DigitRunGluedToLetters_IsAnIdToken_NotAPhoneNumber()
    {
        Assert.False(PersonalDataHeuristics.LooksPersonal("evt0712345678"));
        Assert.False(PersonalDataHeuristics.LooksPersonal("0712345678x"));
        Assert.True(PersonalDataHeuristics.LooksPersonal("evt-0712345678"));
    }

    [Fact]
    public void IbanWithWrongCheckDigits_IsNotAnIban()
    {
        Assert.NotEqual(PersonalDataKind.Iban, PersonalDataHeuristics.Classify("GB00WEST12345698765432"));
        Assert.Equal(PersonalDataKind.None, PersonalDataHeuristics.Classify("KE12ABCDEFGHIJKLMNO"));
    }

    [Fact]
    public void SixteenDigitsFailingLuhn_IsStillPhoneLike()
    {
        Assert.Equal(PersonalDataKind.PhoneNumber, PersonalDataHeuristics.Classify("4111 1111 1111 1112"));
    }
}
