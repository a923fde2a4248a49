using System.Text.Json;
using Nonprofit.Evaluation.Guards;

namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>The training corpora and the shipped training configuration (sessions 26–28: corpora k, l and m; main's S leaves out four corpora, the shipped TL32 only session 28's m).</summary>
public sealed class CrisisTrainingCorporaTests
{
    private static CrisisCase Case(string source) => new("text", "en", "none", source);

    [Fact]
    public void MainS_LeavesOutEveryExcludedCorpus_AndTrainsOnTheOthers()
    {
        // Main's model up to session 26 (kept reproducible by --candidate 0) is trained without j, k, l and m.
        Assert.False(CrisisTraining.MainS.TrainsOn(Case("crisis-train-j")));
        Assert.False(CrisisTraining.MainS.TrainsOn(Case("crisis-train-k")));
        Assert.False(CrisisTraining.MainS.TrainsOn(Case("crisis-train-l")));
        Assert.False(CrisisTraining.MainS.TrainsOn(Case("crisis-train-m")));
        Assert.True(CrisisTraining.MainS.TrainsOn(Case("crisis-train-a")));
        Assert.True(CrisisTraining.MainS.TrainsOn(Case("crisis-dev")));
    }

    [Fact]
    public void Chosen_IsTL32_EveryCorpusUpToL_32Epochs_OtherwiseMainS()
    {
        // Session 27's candidate TL32: every corpus up to l (j, k and l too; session 28's m is scored only), 32 epochs, the rest as main's S.
        foreach (var corpus in new[] { "crisis-dev", "crisis-train-a", "crisis-train-j", "crisis-train-k", "crisis-train-l" })
        {
            Assert.True(CrisisTraining.Chosen.TrainsOn(Case(corpus)));
        }

        Assert.False(CrisisTraining.Chosen.TrainsOn(Case("crisis-train-m")));
        Assert.Equal(32, CrisisTraining.Chosen.Trainer.Epochs);
        Assert.Equal(24, CrisisTraining.MainS.Trainer.Epochs);
        Assert.Equal(CrisisTraining.MainS with { ExcludedCorpus = "crisis-train-m", Trainer = CrisisTraining.MainS.Trainer with { Epochs = 32 } }, CrisisTraining.Chosen);
    }

    [Fact]
    public void TrainsOn_MatchesWholeCorpusNames_NotPrefixes()
    {
        // "crisis-train-j" must not also exclude a corpus whose name merely starts or ends like it.
        var config = CrisisTraining.MainS with { ExcludedCorpus = "crisis-train-j" };

        Assert.False(config.TrainsOn(Case("crisis-train-j")));
        Assert.True(config.TrainsOn(Case("crisis-train-j2")));
        Assert.True(config.TrainsOn(Case("crisis-train-k")));
        Assert.True((config with { ExcludedCorpus = null }).TrainsOn(Case("crisis-train-j")));
    }

    [Theory]
    [InlineData("crisis-train-k.jsonl", 9)]
    [InlineData("crisis-train-l.jsonl", 9)]
    [InlineData("crisis-train-m.jsonl", 10)] // the 9 groups and Arabizi (ar-Latn)
    public void Corpus_IsListed_HasEveryLanguageGroup_AndNoLineOfAnotherCorpus(string file, int groupCount)
    {
        var root = Repository.Root();
        Assert.Contains(CrisisTraining.Corpora, c => c.EndsWith(file, StringComparison.Ordinal));
        var k = File.ReadLines(Path.Combine(root, "benchmarks/Nonprofit.Evaluation/Guards/Data", file))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Text: e.GetProperty("text").GetString()!, Group: e.GetProperty("language").GetString() + "-" + e.GetProperty("script").GetString(), Expected: e.GetProperty("expected").GetString()!))
            .ToList();
        var groups = k.Select(x => x.Group).ToHashSet();

        Assert.Equal(groupCount, groups.Count);
        Assert.All(groups, g => Assert.Contains(k, x => x.Group == g && x.Expected != "none"));
        Assert.All(groups, g => Assert.Contains(k, x => x.Group == g && x.Expected == "none"));
        var earlier = CrisisTraining.LoadCorpora(CrisisTraining.Corpora.Where(c => !c.EndsWith(file, StringComparison.Ordinal)).Select(c => Path.Combine(root, c)))
            .Select(c => Key(c.Text)).ToHashSet();
        Assert.DoesNotContain(k, x => earlier.Contains(Key(x.Text)));
        Assert.Equal(k.Count, k.Select(x => Key(x.Text)).Distinct().Count());
    }

    private static string Key(string text) => string.Concat(text.ToLowerInvariant().Where(char.IsLetterOrDigit));
}
