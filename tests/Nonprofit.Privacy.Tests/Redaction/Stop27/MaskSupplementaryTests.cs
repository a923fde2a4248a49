using System.Text;

namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Finding 1 (stop 27): letters and digits written as surrogate pairs are masked too.</summary>
public sealed class MaskSupplementaryTests
{
    // An invented Adlam-script name and mathematical bold digits, both outside the BMP.
    private const string AdlamName = "\U0001E900\U0001E922\U0001E924\U0001E92E";
    private const string MathDigits = "\U0001D7CF\U0001D7D0\U0001D7D1\U0001D7D2";

    private static PiiRedactor Redactor(RedactionOperator op)
    {
        var options = new PiiDetectorOptions();
        options.DenyList[AdlamName] = "PERSON";
        options.DenyList[MathDigits] = "ID";
        return new PiiRedactor(new PiiDetector(options), new PiiRedactorOptions { DefaultOperator = op }, new InMemoryPseudonymVault());
    }

    [Theory]
    [InlineData(AdlamName)]
    [InlineData(MathDigits)]
    public void Mask_SupplementaryLetterOrDigit_IsMaskedAndKeepsTheUtf16Length(string value)
    {
        var text = $"client {value} called";

        var redacted = Redactor(RedactionOperator.Mask()).Redact(text);

        Assert.Equal("client ******** called", redacted);
        Assert.Equal(text.Length, redacted.Length);
    }

    [Fact]
    public void KeepLast_CountsASurrogatePairAsOneCharacter()
    {
        var redacted = Redactor(RedactionOperator.KeepLast(1)).Redact($"client {AdlamName} called");

        Assert.Equal("client ******\U0001E92E called", redacted);
    }

    [Fact]
    public void Mask_LoneSurrogateInsideAValue_IsMasked()
    {
        var value = new StringBuilder().Append('A').Append('\uD83A').Append('B').ToString();
        var destination = new StringBuilder();

        RedactionOperator.Mask().Write(value, PiiEntityType.Person, new RedactionContext("s", new InMemoryPseudonymVault(), ReadOnlyMemory<byte>.Empty), destination);

        Assert.Equal("***", destination.ToString());
    }
}
