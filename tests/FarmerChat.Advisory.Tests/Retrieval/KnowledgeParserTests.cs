using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Tests.Retrieval;

public sealed class KnowledgeParserTests
{
    private const string Valid = """
        ---
        id: maize-test
        lang: en
        title: A title
        topic: pests
        crops: maize, beans
        source: FAO. A guide. 2018.
        url: https://www.fao.org/x
        date: 2018-06
        ---
        Some advice.

        More advice.
        """;

    [Fact]
    public void Parse_ValidFile_ReadsEveryField()
    {
        var d = KnowledgeParser.Parse(Valid, "en/maize-test.md");

        Assert.Equal(("maize-test", "en", "A title", "pests"), (d.Id, d.Language, d.Title, d.Topic));
        Assert.Equal(["maize", "beans"], d.Crops);
        Assert.Equal(("FAO. A guide. 2018.", "https://www.fao.org/x", "2018-06"), (d.Source, d.Url, d.Date));
        Assert.Equal("Some advice.\n\nMore advice.", d.Body);
    }

    [Theory]
    [InlineData("lang: en\n", "id: maize-test\n", 3)]                          // keys out of order
    [InlineData("topic: pests\n", "topic: weather\n", 5)]                     // topic not allowed
    [InlineData("url: https://www.fao.org/x\n", "url: http://www.fao.org/x\n", 8)]
    [InlineData("date: 2018-06\n", "date: June 2018\n", 9)]
    [InlineData("date: 2018-06\n---\n", "date: 2018-06\n", 10)]               // no closing line
    [InlineData("title: A title\n", "title:\n", 4)]                            // empty value
    [InlineData("crops: maize, beans\n", "", 6)]                              // missing key
    [InlineData("lang: en\n", "lang: de\n", 3)]
    [InlineData("---\nid", "--\nid", 1)]
    public void Parse_BadHeader_ThrowsNamingFileAndLine(string good, string bad, int line)
    {
        var text = Valid.Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);

        var e = Assert.Throws<KnowledgeFormatException>(() => KnowledgeParser.Parse(text, "en/maize-test.md"));

        Assert.Equal(line, e.Line);
        Assert.StartsWith($"en/maize-test.md:{line}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IdNotMatchingFileName_Throws()
    {
        var e = Assert.Throws<KnowledgeFormatException>(() => KnowledgeParser.Parse(Valid, "sw/maize-test.md"));
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Parse_EmptyBody_Throws()
    {
        var text = Valid[..(Valid.IndexOf("Some", StringComparison.Ordinal))];
        var e = Assert.Throws<KnowledgeFormatException>(() => KnowledgeParser.Parse(text, "en/maize-test.md"));
        Assert.Equal(11, e.Line);
    }

    [Fact]
    public void Parse_CarriageReturns_ThrowsWithLine()
    {
        var e = Assert.Throws<KnowledgeFormatException>(() => KnowledgeParser.Parse(Valid.Replace("\n", "\r\n", StringComparison.Ordinal), "en/maize-test.md"));
        Assert.Equal(1, e.Line);
    }
}
