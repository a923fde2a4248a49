namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Finding 12 (stop 27): one person, address or number written differently keeps one pseudonym.</summary>
public sealed class PseudonymSpellingTests
{
    [Theory]
    [InlineData("PERSON", "Wanjiru Otieno", "WANJIRU  OTIENO")]
    [InlineData("PERSON", "Wanjiru Otieno", "wanjiru otieno")]
    [InlineData("EMAIL_ADDRESS", "Some.One@Example.org", "some.one@EXAMPLE.ORG")]
    [InlineData("PHONE_NUMBER", "+254 712 345 678", "+254712345678")]
    [InlineData("PHONE_NUMBER", "+254 712 345 678", "+254-712-345-678")]
    [InlineData("IBAN_CODE", "GB82 WEST 1234 5698 7654 32", "gb82west12345698765432")]
    public void GetOrAddPseudonym_TwoSpellingsOfOneValue_GetOnePseudonymAndRevealTheFirstSpelling(string type, string first, string second)
    {
        var vault = new InMemoryPseudonymVault();
        var entityType = new PiiEntityType(type);

        var a = vault.GetOrAddPseudonym("s", entityType, first);
        var b = vault.GetOrAddPseudonym("s", entityType, second);

        Assert.Equal(a, b);
        Assert.True(vault.TryReveal("s", a, out var revealed));
        Assert.Equal(first, revealed);
    }

    [Theory]
    [InlineData("PERSON", "Wanjiru Otieno", "Wanjiru Odhiambo")]
    [InlineData("URL", "https://example.org/Case", "https://example.org/case")]
    [InlineData("CRYPTO", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "1boatslrhtknngkdxeeobr76b53lettpyt")]
    [InlineData("PHONE_NUMBER", "+254 712 345 678", "+254 712 345 679")]
    public void GetOrAddPseudonym_DifferentValues_StayDifferent(string type, string first, string second)
    {
        var vault = new InMemoryPseudonymVault();
        var entityType = new PiiEntityType(type);

        Assert.NotEqual(vault.GetOrAddPseudonym("s", entityType, first), vault.GetOrAddPseudonym("s", entityType, second));
    }
}
