using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards.Tests.Verdicts;

public sealed class GuardVerdictTests
{
    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Constructor_ScoreOutOfRange_Throws(double score)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new GuardVerdict("g", GuardAction.Allow, "none", score, TimeSpan.Zero));
        Assert.Equal("score", e.ParamName);
    }

    [Fact]
    public void Constructor_EmptyCategory_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GuardVerdict("g", GuardAction.Allow, "", 0, TimeSpan.Zero));
    }

    [Fact]
    public void GetGuardVerdicts_NoneAttached_IsEmpty()
    {
        Assert.Empty(new ChatResponse().GetGuardVerdicts());
        Assert.Empty(new ChatResponseUpdate().GetGuardVerdicts());
    }

    [Fact]
    public void ToString_HasNoTextButTheDecision()
    {
        var v = new GuardVerdict("pii_redaction", GuardAction.Modify, GuardCategories.PiiRedacted, 0.9, TimeSpan.FromMicroseconds(12));

        Assert.Equal("pii_redaction: Modify pii.redacted (0.9, 12 µs)", v.ToString());
    }
}
