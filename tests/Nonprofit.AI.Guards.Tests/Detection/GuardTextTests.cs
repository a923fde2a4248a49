using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards.Tests.Detection;

public sealed class GuardTextTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("Hello, World!", "hello world")]
    [InlineData("Ça va très BIEN ?", "ca va tres bien")]
    [InlineData("Don't  stop\u2019s", "dont stops")]
    [InlineData("Niño, São Paulo, Größe", "nino sao paulo große")]
    [InlineData("call 0712-345 678 now", "call 0000 000 000 now")]
    [InlineData("e\u0301te\u0301", "ete")]
    [InlineData("मुझे मदद चाहिए।", "मुझे मदद चाहिए")]
    [InlineData("۱۲٣ मदद ९", "000 मदद 0")]
    [InlineData("أنا في خطر!!", "أنا في خطر")]
    [InlineData("help 😢 me", "help me")]
    [InlineData("soft\u00ADhyphen zero\u200Bwidth", "softhyphen zerowidth")]
    public void Normalizes(string text, string expected) => Assert.Equal(expected, GuardText.Normalize(text));

    [Fact]
    public void LongTextIsNormalizedLikeShortText()
    {
        var unit = "Il m'a FRAPPÉ, hier soir. ";
        var text = string.Concat(Enumerable.Repeat(unit, 100));
        var expected = string.Join(' ', Enumerable.Repeat("il ma frappe hier soir", 100));
        Assert.Equal(expected, GuardText.Normalize(text));
    }

    [Fact]
    public void ShortDestinationIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => GuardText.Normalize("abc", new char[2]));
        Assert.Equal("destination", e.ParamName);
    }
}
