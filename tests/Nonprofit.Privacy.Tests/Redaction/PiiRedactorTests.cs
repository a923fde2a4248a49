using System.Security.Cryptography;
using System.Text;

namespace Nonprofit.Privacy.Tests.Redaction;

public sealed class PiiRedactorTests
{
    private const string PhoneText = "call me at +254 712 345 678";
    private const string Phone = "+254 712 345 678";

    private static readonly PiiDetector s_detector = new();

    private static PiiRedactor Redactor(RedactionOperator op, byte[]? key = null, IPseudonymVault? vault = null) =>
        new(s_detector, new PiiRedactorOptions { DefaultOperator = op, HashKey = key }, vault ?? new InMemoryPseudonymVault());

    private static byte[] Key(byte seed) => [.. Enumerable.Range(0, 32).Select(i => (byte)(i + seed))];

    [Fact]
    public void Redact_DefaultOptions_WritesTypedPlaceholders()
    {
        var redactor = new PiiRedactor(s_detector);

        var redacted = redactor.Redact("call me at +254 712 345 678 or jane.doe@example.org.");

        Assert.Equal("call me at <PHONE_NUMBER> or <EMAIL_ADDRESS>.", redacted);
    }

    [Fact]
    public void Redact_NoPersonalData_ReturnsTheSameInstance()
    {
        var text = new string("nothing personal here".AsSpan());

        Assert.Same(text, new PiiRedactor(s_detector).Redact(text));
    }

    [Fact]
    public void Redact_Mask_KeepsLengthAndSeparators()
    {
        var redacted = Redactor(RedactionOperator.Mask()).Redact("call me at +254 712 345 678 or jane.doe@example.org");

        Assert.Equal("call me at +*** *** *** *** or ****.***@*******.***", redacted);
    }

    [Fact]
    public void Redact_MaskWithCharacter_UsesThatCharacter() =>
        Assert.Equal("call me at +### ### ### ###", Redactor(RedactionOperator.Mask('#')).Redact(PhoneText));

    [Fact]
    public void Redact_KeepLastFourOnCard_KeepsTheLastFourDigits()
    {
        var options = new PiiRedactorOptions();
        options.Operators["CREDIT_CARD"] = RedactionOperator.KeepLast(4);
        var redactor = new PiiRedactor(s_detector, options, new InMemoryPseudonymVault());

        var redacted = redactor.Redact("card 5500-0000-0000-0004, call +254 712 345 678");

        // Only the card keeps its last four; other types keep the default placeholder.
        Assert.Equal("card ****-****-****-0004, call <PHONE_NUMBER>", redacted);
    }

    [Fact]
    public void Redact_KeepLastFourOnValidCard_KeepsLengthAndLastFour()
    {
        var options = new PiiRedactorOptions();
        options.Operators["CREDIT_CARD"] = RedactionOperator.KeepLast(4);
        var redactor = new PiiRedactor(s_detector, options, new InMemoryPseudonymVault());

        Assert.Equal("card **** **** **** 1111 ok", redactor.Redact("card 4111 1111 1111 1111 ok"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(9)]
    public void KeepLast_CountOutOfRange_ThrowsArgumentOutOfRangeException(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RedactionOperator.KeepLast(count));

    [Fact]
    public void Redact_Erase_RemovesTheValueOnly() =>
        Assert.Equal("call me at  now", Redactor(RedactionOperator.Erase).Redact("call me at +254 712 345 678 now"));

    [Fact]
    public void Redact_Pseudonym_IsConsistentWithinAScope()
    {
        var redactor = Redactor(RedactionOperator.Pseudonym);

        var first = redactor.Redact("call +254 712 345 678 or +33 6 12 34 56 78, mail jane@example.org", "case-1");
        var second = redactor.Redact("again: +33 6 12 34 56 78 then +254 712 345 678", "case-1");

        Assert.Equal("call <PHONE_NUMBER_1> or <PHONE_NUMBER_2>, mail <EMAIL_ADDRESS_1>", first);
        Assert.Equal("again: <PHONE_NUMBER_2> then <PHONE_NUMBER_1>", second);
    }

    [Fact]
    public void Redact_Pseudonym_IsIndependentAcrossScopes()
    {
        var vault = new InMemoryPseudonymVault();
        var redactor = Redactor(RedactionOperator.Pseudonym, vault: vault);

        var a = redactor.Redact("call +254 712 345 678 or +33 6 12 34 56 78", "a");
        var b = redactor.Redact("call +33 6 12 34 56 78 or +254 712 345 678", "b");

        Assert.Equal("call <PHONE_NUMBER_1> or <PHONE_NUMBER_2>", a);
        Assert.Equal("call <PHONE_NUMBER_1> or <PHONE_NUMBER_2>", b);
        Assert.True(vault.TryReveal("a", "<PHONE_NUMBER_1>", out var inA));
        Assert.True(vault.TryReveal("b", "<PHONE_NUMBER_1>", out var inB));
        Assert.Equal(Phone, inA);
        Assert.Equal("+33 6 12 34 56 78", inB);
        Assert.Equal(2, vault.ScopeCount);
    }

    [Fact]
    public void Redact_PseudonymWithoutScope_UsesDefaultScope()
    {
        var vault = new InMemoryPseudonymVault();
        var options = new PiiRedactorOptions { DefaultOperator = RedactionOperator.Pseudonym, DefaultScope = "conversation-9" };
        var redactor = new PiiRedactor(s_detector, options, vault);

        _ = redactor.Redact(PhoneText);

        Assert.True(vault.TryReveal("conversation-9", "<PHONE_NUMBER_1>", out var value));
        Assert.Equal(Phone, value);
        Assert.False(vault.TryReveal("default", "<PHONE_NUMBER_1>", out _));
    }

    [Fact]
    public void Redact_KeyedHash_IsHmacSha256OfTypeAndValue()
    {
        var key = Key(1);
        var expectedHash = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("PHONE_NUMBER:" + Phone))[..8]);

        var redacted = Redactor(RedactionOperator.KeyedHash, key).Redact(PhoneText);

        Assert.Equal($"call me at <PHONE_NUMBER:{expectedHash}>", redacted);
    }

    [Fact]
    public void Redact_KeyedHash_IsDeterministicForTheSameKeyAndDiffersForAnother()
    {
        var first = Redactor(RedactionOperator.KeyedHash, Key(1)).Redact(PhoneText);
        var again = Redactor(RedactionOperator.KeyedHash, Key(1)).Redact(PhoneText);
        var otherKey = Redactor(RedactionOperator.KeyedHash, Key(2)).Redact(PhoneText);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherKey);
        Assert.DoesNotContain("712", first, StringComparison.Ordinal);
        Assert.Matches("^call me at <PHONE_NUMBER:[0-9a-f]{16}>$", otherKey);
    }

    [Fact]
    public void Redact_KeyedHash_CopiesTheKeyAtConstruction()
    {
        var key = Key(1);
        var redactor = Redactor(RedactionOperator.KeyedHash, key);
        var before = redactor.Redact(PhoneText);

        key[0] ^= 0xFF;

        Assert.Equal(before, redactor.Redact(PhoneText));
    }

    [Fact]
    public void Constructor_KeyedHashWithoutKey_ThrowsArgumentExceptionBeforeAnyText() =>
        Assert.Throws<ArgumentException>(() => Redactor(RedactionOperator.KeyedHash)); // stop 27: fails at start, not at the first match

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    public void Constructor_HashKeyShorterThan32Bytes_ThrowsArgumentException(int length)
    {
        var options = new PiiRedactorOptions { HashKey = new byte[length] };

        Assert.Throws<ArgumentException>(() => new PiiRedactor(s_detector, options, new InMemoryPseudonymVault()));
    }

    [Fact]
    public void Constructor_EmptyDefaultScope_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new PiiRedactor(s_detector, new PiiRedactorOptions { DefaultScope = "" }, new InMemoryPseudonymVault()));

    [Fact]
    public void Apply_MatchesOutOfOrder_ThrowsArgumentExceptionWithoutTheText()
    {
        const string Text = "secret: call +254 712 345 678 or jane@example.org";
        var matches = new PiiDetector().Detect(Text).Reverse().ToArray();
        Assert.Equal(2, matches.Length);

        var ex = Assert.Throws<ArgumentException>(
            () => new PiiRedactor(s_detector).Apply(Text, matches, null, new StringBuilder()));

        Assert.Equal("matches", ex.ParamName);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("712", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 100)] // past the end
    [InlineData(3, 0)] // empty
    public void Apply_MatchOutsideTheText_ThrowsArgumentException(int start, int length)
    {
        PiiMatch[] matches = [new(PiiEntityType.Person, start, length, 1, "test")];

        Assert.Throws<ArgumentException>(() => new PiiRedactor(s_detector).Apply("short text", matches, null, new StringBuilder()));
    }

    [Fact]
    public void Apply_OverlappingMatches_ThrowsArgumentException()
    {
        PiiMatch[] matches = [new(PiiEntityType.Person, 0, 5, 1, "test"), new(PiiEntityType.Person, 3, 4, 1, "test")];

        Assert.Throws<ArgumentException>(() => new PiiRedactor(s_detector).Apply("0123456789", matches, null, new StringBuilder()));
    }

    [Fact]
    public void Apply_ValidMatches_AppendsToTheDestination()
    {
        var destination = new StringBuilder("> ");
        PiiMatch[] matches = [new(PiiEntityType.Person, 0, 5, 1, "test"), new(PiiEntityType.Location, 15, 7, 1, "test")];

        new PiiRedactor(s_detector).Apply("Amina lives in Nairobi.", matches, null, destination);

        Assert.Equal("> <PERSON> lives in <LOCATION>.", destination.ToString());
    }
}
