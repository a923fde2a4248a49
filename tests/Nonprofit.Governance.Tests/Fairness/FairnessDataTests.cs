using System.Text;
using Nonprofit.Governance.Fairness;

namespace Nonprofit.Governance.Tests.Fairness;

public class FairnessDataTests
{
    private static Task<DecisionSample> Read(string csv, string? outcome = "label") =>
        FairnessData.ReadCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "region", "selected", outcome);

    [Fact]
    public async Task ReadsRfc4180_WithQuotesCrLfAndBinaryWords()
    {
        var csv = "id,Region,selected,label\r\n"
            + "1,north,1,1\r\n"
            + "2,\"south, coast\",yes,\r\n"
            + "3,north,FALSE,no\r\n"
            + "4,\"multi\nline \"\"quoted\"\"\",true,0\r\n"
            + "5,south-coast,0,Yes";
        var sample = await Read(csv);
        Assert.Equal(5, sample.Count);
        Assert.Equal(["multi\nline \"quoted\"", "north", "south, coast", "south-coast"], sample.Groups);
        Assert.Equal([1, 2, 1, 0, 3], sample.GroupIndices.ToArray());
        Assert.Equal([true, true, false, true, false], sample.Decisions.ToArray());
        Assert.Equal([Outcome.Positive, Outcome.Unknown, Outcome.Negative, Outcome.Negative, Outcome.Positive], sample.Outcomes.ToArray());
    }

    [Fact]
    public async Task WithoutAnOutcomeColumn_HasNoOutcomes()
    {
        var sample = await Read("region,selected\na,1\nb,0\n\r\n\n", outcome: null);
        Assert.False(sample.HasOutcomes);
        Assert.True(sample.Outcomes.IsEmpty);
        Assert.Equal(2, sample.Count);
    }

    [Fact]
    public async Task ReadsFromAFile()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "\uFEFFregion,selected,label\na,1,1\n");
            var sample = await FairnessData.ReadCsvAsync(path, "region", "selected", "label");
            Assert.Equal(["a"], sample.Groups);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("region,selected,label\na,1,1\nb,maybe-secret,0\n", "Line 3: column 'selected' is not a binary value")]
    [InlineData("region,selected,label\na,1,1\nb,1,secret-2\n", "Line 3: column 'label' is not a binary value")]
    [InlineData("region,selected,label\na,1,1\n\"two\nlines\",1,1\nb,,0\n", "Line 5: column 'selected' has no value")]
    [InlineData("region,selected,label\na,1,1\n,1,0\n", "Line 3: column 'region' has no group value")]
    [InlineData("region,selected,label\na,1,1\nb,1\n", "Line 3: expected 3 fields as in the header, found 2")]
    [InlineData("region,selected,label\na,1,1\n\nb,1,0\n", "Line 3: an empty line; expected 3 fields as in the header")]
    [InlineData("region,choice,label\na,1,1\n", "Line 1: no column named 'selected' in the header")]
    [InlineData("region,selected,label,Selected\na,1,1,1\n", "Line 1: more than one column is named 'selected'")]
    [InlineData("region,selected,label\na,1,1\n\"b,1,0\n", "Line 3: the file ends inside a quoted field")]
    [InlineData("region,selected,label\na,1,1\nb\"x,1,0\n", "Line 3: a double quote inside an unquoted field")]
    [InlineData("region,selected,label\na,1,1\n\"b\"x,1,0\n", "Line 3: a character after the closing quote")]
    [InlineData("", "Line 1: the file has no header row")]
    public async Task BadInput_GivesLineAndColumn_NeverTheValue(string csv, string expected)
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => Read(csv));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("maybe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditOfACsv_MatchesTheHandComputedCase()
    {
        var sb = new StringBuilder("region,selected,label\n");
        foreach (var (group, decision, outcome) in FairnessTestData.TwoGroups())
        {
            sb.Append(group).Append(',').Append(decision ? "1" : "0").Append(',').Append(outcome == true ? "1" : "0").Append('\n');
        }

        var metrics = FairnessMetrics.Compute(await Read(sb.ToString()));
        Assert.Equal(0.5, metrics[FairnessMetric.DemographicParityRatio], 1e-12);
        Assert.Equal(0.35, metrics[FairnessMetric.EqualizedOddsDifference], 1e-12);
    }
}
