using System.Security.Cryptography;
using Nonprofit.AI.Guards.Detection;
using Nonprofit.Evaluation.Guards;

namespace Nonprofit.AI.Guards.Tests.Crisis;

public sealed class ConversationRiskAssessorTests
{
    // guards-crisis-history --train rewrites Models/crisis-history.nplt (byte-identical from the same data, CRISIS-HISTORY.md).
    private const string ModelSha256 = "7dabf4db539d9f6b9e79f1784ea7ade34b44b52adf87a0b634c3fd71126ebf06";

    private static readonly LinearTextModel s_model = LinearTextModel.LoadEmbedded(ConversationRiskAssessor.ModelFileName);

    /// <summary>Identifies the language by a marker word: "[fr]" anywhere makes a text French, else English.</summary>
    private sealed class MarkerLanguage : ILanguageIdentifier
    {
        public LanguageIdentification Identify(ReadOnlySpan<char> text) =>
            text.Contains("[fr]", StringComparison.Ordinal) ? new("fr", "Latn", 0.9) : new("en", "Latn", 0.9);
    }

    [Fact]
    public void EmbeddedModel_IsTheCommittedFile_WithTheChosenFeatures()
    {
        var path = Path.Combine(Repository.Root(), "src", "Nonprofit.AI.Guards", "Models", ConversationRiskAssessor.ModelFileName);
        var file = File.ReadAllBytes(path);
        Assert.Equal(ModelSha256, Convert.ToHexStringLower(SHA256.HashData(file)));
        using var resource = typeof(ConversationRiskAssessor).Assembly.GetManifestResourceStream("Nonprofit.AI.Guards.Models." + ConversationRiskAssessor.ModelFileName)!;
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        Assert.Equal(file, bytes.ToArray());

        // Character 3-5-grams in 2^18 buckets, no words (CRISIS-HISTORY.md's chosen candidate).
        var f = s_model.Featurizer;
        Assert.Equal((18, 3, 5, false, false), (f.BucketBits, f.MinCharN, f.MaxCharN, f.Words, f.WordBigrams));
        Assert.Equal(["not_at_risk", "at_risk"], s_model.Labels);
    }

    [Fact]
    public void Assess_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => ConversationRiskAssessor.Default.Assess(null!));

    [Fact]
    public void Assess_NothingToRead_IsZero()
    {
        Assert.Equal(ConversationRiskAssessment.None, ConversationRiskAssessor.Default.Assess([]));
        Assert.Equal(ConversationRiskAssessment.None, ConversationRiskAssessor.Default.Assess(["", "   ", null!]));
    }

    [Fact]
    public void Assess_IsTheModelsProbabilityOfTheMessagesJoinedByNewlines()
    {
        var assessor = new ConversationRiskAssessor(s_model, null);
        string[] messages = ["I haven't slept properly in weeks.", "", "Nobody would notice if I was gone.", "Anyway, how do I reset my password?"];

        var result = assessor.Assess(messages);

        var expected = s_model.Probability(string.Join('\n', messages.Where(m => m.Length > 0)), s_model.IndexOf("at_risk"));
        Assert.Equal(expected, result.Score, 6);
        Assert.Equal(3, result.MessagesScored);
    }

    [Fact]
    public void Assess_ManyAndLongMessages_SameAsTheJoinedDocument()
    {
        // Past the stack limits (no document cap here): the message starts and the document come from the array pool.
        var assessor = new ConversationRiskAssessor(s_model, null, int.MaxValue);
        var messages = Enumerable.Range(0, 1500).Select(i => i % 7 == 0 ? new string('x', 900) + " tired of everything " + i : "message number " + i).ToArray();

        var result = assessor.Assess(messages);

        Assert.Equal(s_model.Probability(string.Join('\n', messages), s_model.IndexOf("at_risk")), result.Score, 6);
        Assert.Equal(messages.Length, result.MessagesScored);
    }

    [Fact]
    public void Assess_OtherLanguages_AreLeftOut()
    {
        var assessor = new ConversationRiskAssessor(new MarkerLanguage());
        string[] english = ["I feel like such a burden to everyone around me.", "I keep thinking they'd be better off without me."];

        Assert.Equal(ConversationRiskAssessment.None, assessor.Assess(["[fr] Je suis très fatigué.", "[fr] Je ne sais plus quoi faire."]));
        var mixed = assessor.Assess([english[0], "[fr] Je ne sais plus quoi faire.", english[1]]);
        Assert.Equal(assessor.Assess(english), mixed);
        Assert.Equal(2, mixed.MessagesScored);
    }

    [Fact]
    public void Assess_RanksAHopelessHistoryAboveOrdinaryQuestions()
    {
        // Own text. The model reads risk in a history, not in one message: the ranking, not a threshold, is checked here.
        string[] hopeless =
        [
            "I don't really know why I'm writing this. Everything has felt pointless for months.",
            "I stopped going to classes and I mostly stay in bed. I'm so tired of pretending to be fine.",
            "I feel like a burden to my family and honestly I think they would be better off without me.",
            "I tried to end it last year and I keep thinking about trying again.",
        ];
        string[] ordinary =
        [
            "Hello, what documents do I need to register my child for school?",
            "Is the clinic open on Saturday mornings?",
            "Thanks. And can I pay the fee in two parts?",
        ];

        var risk = ConversationRiskAssessor.Default.Assess(hopeless).Score;
        var calm = ConversationRiskAssessor.Default.Assess(ordinary).Score;

        Assert.True(risk > calm + 0.2, $"hopeless {risk:0.000} vs ordinary {calm:0.000}");
        Assert.InRange(risk, 0, 1);
        Assert.InRange(calm, 0, 1);
    }

    [Fact]
    public void Assess_IsDeterministicAcrossThreads()
    {
        string[][] conversations =
        [
            ["I can't see a way out of this.", "Everyone would be fine without me."],
            ["Where can I buy maize seed?", "How much does a bag cost?", "Thank you!"],
            ["My exams went badly.", "I feel empty all the time lately.", "I haven't told anyone."],
        ];
        var expected = conversations.Select(c => ConversationRiskAssessor.Default.Assess(c)).ToArray();

        var results = new ConversationRiskAssessment[600];
        Parallel.For(0, results.Length, i => results[i] = ConversationRiskAssessor.Default.Assess(conversations[i % 3]));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % 3], results[i]);
        }
    }

    /// <summary>Records the longest text it was asked to identify; always English.</summary>
    private sealed class LengthRecordingLanguage : ILanguageIdentifier
    {
        public int Longest { get; private set; }

        public LanguageIdentification Identify(ReadOnlySpan<char> text)
        {
            Longest = Math.Max(Longest, text.Length);
            return new("en", "Latn", 0.9);
        }
    }

    [Fact]
    public void Assess_ReadsOnlyTheNewestCharacters_OfEachMessageAndInAll()
    {
        var assessor = new ConversationRiskAssessor(s_model, null);
        var older = "I keep thinking about the past and how it went. " + new string('x', 10);
        var longMessage = string.Concat(Enumerable.Repeat("Our volunteers met again on Tuesday to plan the winter market. ", 200));
        Assert.True(longMessage.Length > ConversationRiskAssessor.MaxChars);

        // One long message: only its last MaxChars characters are read, and the older message is not read at all.
        var result = assessor.Assess([older, longMessage]);

        var expected = s_model.Probability(longMessage.AsSpan(longMessage.Length - ConversationRiskAssessor.MaxChars).ToString(), s_model.IndexOf("at_risk"));
        Assert.Equal(expected, result.Score, 6);
        Assert.Equal(1, result.MessagesScored);

        // Short messages fill the budget newest first; the oldest that does not fit whole is cut to its last characters.
        var messages = Enumerable.Range(0, 5).Select(i => new string((char)('a' + i), 1000)).ToArray();
        var cut = assessor.Assess(messages);
        var document = string.Join('\n', messages);
        Assert.Equal(s_model.Probability(document.AsSpan(document.Length - ConversationRiskAssessor.MaxChars).ToString(), s_model.IndexOf("at_risk")), cut.Score, 6);
        Assert.Equal(5, cut.MessagesScored);
        Assert.Equal(3, new ConversationRiskAssessor(s_model, null, 3003).Assess(messages).MessagesScored);
    }

    [Fact]
    public void Assess_HugeWindow_IsCappedBeforeLanguageIdentification()
    {
        var language = new LengthRecordingLanguage();
        var assessor = new ConversationRiskAssessor(language);
        var huge = new string('a', 5_000_000);

        var result = assessor.Assess([huge, huge, huge]);

        Assert.InRange(language.Longest, 1, ConversationRiskAssessor.MaxCharsPerMessage);
        Assert.Equal(1, result.MessagesScored);
        Assert.InRange(result.Score, 0, 1);
    }

    [Fact]
    public void Featurizer_MaxCount_DoesNotWrap_OnHugeLengths()
    {
        var f = s_model.Featurizer;
        Assert.Equal(3 * 1002, f.MaxCount(1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => f.MaxCount(800_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => f.MaxCount(int.MaxValue));
    }
}
