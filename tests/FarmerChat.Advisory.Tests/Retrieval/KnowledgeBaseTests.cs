using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Tests.Retrieval;

public sealed class KnowledgeBaseTests
{
    [Fact]
    public void Load_ShippedKnowledge_EveryIdInFourLanguagesWithSources()
    {
        var kb = KnowledgeBase.Load(KnowledgeBase.DefaultFolder);

        Assert.Equal(20, kb.Ids.Count);
        Assert.Equal(80, kb.Documents.Count);
        Assert.Empty(kb.MissingTranslations());
        Assert.All(kb.Documents, d => Assert.StartsWith("https://", d.Url, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ShippedKnowledge_HindiInDevanagari()
    {
        var kb = KnowledgeBase.Load(KnowledgeBase.DefaultFolder);

        Assert.All(kb.Documents.Where(d => d.Language == "hi"), d => Assert.Contains(d.Body, c => c is >= '\u0900' and <= '\u097F'));
    }

    [Fact]
    public void Load_Fixtures_ReportsMissingTranslations()
    {
        var kb = KnowledgeBase.Load(TestPaths.FixtureKnowledge);

        Assert.Equal(6, kb.Documents.Count);
        Assert.Contains("sw/fixture-grain-storage", kb.MissingTranslations());
    }

    [Fact]
    public void Load_BadFile_ThrowsNamingTheFile()
    {
        var dir = Directory.CreateTempSubdirectory("farmerchat-kb-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "fr"));
            File.WriteAllText(Path.Combine(dir.FullName, "fr", "bad.md"), "---\nid: bad\nlang: fr\n---\nx\n");

            var e = Assert.Throws<KnowledgeFormatException>(() => KnowledgeBase.Load(dir.FullName));

            Assert.Equal("fr/bad.md", e.File);
            Assert.Equal(4, e.Line);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
