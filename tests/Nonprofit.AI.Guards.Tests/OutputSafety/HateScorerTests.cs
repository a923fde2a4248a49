namespace Nonprofit.AI.Guards.Tests.OutputSafety;

/// <summary>
/// Session 29: <see cref="HateSpeechModel"/> reads its scorer (<see cref="IHateScorer"/>; the evaluation harness's network
/// uses this seam, the shipped linear model implements it) once per sentence, on the normalised text with groups
/// abstracted when asked, and a reply scores its highest sentence.
/// </summary>
public sealed class HateScorerTests
{
    [Fact]
    public void Scorer_IsReadPerSentence_OnTheNormalisedText_AndTheHighestSentenceWins()
    {
        var scorer = new MarkerScorer("zorpmark");
        var model = new HateSpeechModel(scorer);

        Assert.Equal(0.9, model.Score("We water the maize at dawn. Then ZORPMARK appears!"), 6);
        Assert.Equal(2, scorer.Sentences.Count);
        Assert.Contains("zorpmark", scorer.Sentences[1], StringComparison.Ordinal);
        Assert.DoesNotContain("ZORPMARK", scorer.Sentences[1], StringComparison.Ordinal);
        Assert.Equal(0.1, model.Score("We water the maize at dawn."), 6);
    }

    [Fact]
    public void Scorer_IsRequired() =>
        Assert.Throws<ArgumentNullException>(() => new HateSpeechModel((IHateScorer)null!));

    /// <summary>0.9 for a sentence holding the marker, else 0.1; records each sentence it reads.</summary>
    private sealed class MarkerScorer(string marker) : IHateScorer
    {
        public List<string> Sentences { get; } = [];

        public double Probability(ReadOnlySpan<char> normalized)
        {
            Sentences.Add(normalized.ToString());
            return normalized.Contains(marker, StringComparison.Ordinal) ? 0.9 : 0.1;
        }
    }
}
