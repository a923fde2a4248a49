namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Finding 10 (stop 27): deny- and allow-list entries with outer white space are rejected, without quoting them.</summary>
public sealed class DenyListWhiteSpaceTests
{
    [Theory]
    [InlineData(" Kiboko ")]
    [InlineData("Simba ")]
    [InlineData("\tNyati")]
    public void Constructor_DenyListEntryWithOuterWhiteSpace_ThrowsWithoutQuotingIt(string entry)
    {
        var options = new PiiDetectorOptions();
        options.DenyList[entry] = "PERSON";

        var ex = Assert.Throws<ArgumentException>(() => new PiiDetector(options));

        Assert.Contains("white space", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(entry.Trim(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AllowListEntryWithOuterWhiteSpace_ThrowsWithoutQuotingIt()
    {
        var options = new PiiDetectorOptions();
        options.AllowList.Add("0800 720 600 ");

        var ex = Assert.Throws<ArgumentException>(() => new PiiDetector(options));

        Assert.DoesNotContain("0800", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DenyListEntryWithInnerSpace_IsAcceptedAndMatches()
    {
        var options = new PiiDetectorOptions();
        options.DenyList["Kiboko Mdogo"] = "PERSON";

        var match = Assert.Single(new PiiDetector(options).Detect("I saw Kiboko Mdogo today"));

        Assert.Equal((6, 12), (match.Start, match.Length));
    }
}
