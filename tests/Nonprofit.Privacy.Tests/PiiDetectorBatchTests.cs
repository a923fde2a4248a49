using System.Text.Json;
using CsCheck;
using Nonprofit.Evaluation.Pii;

namespace Nonprofit.Privacy.Tests;

/// <summary>
/// <see cref="PiiDetector.DetectMany(IReadOnlyList{string})"/> and its buffer overload return, for every text, exactly what
/// <see cref="PiiDetector.Detect(string)"/> returns for it: on random lists of texts (across block boundaries), on the
/// corpora, under every option that changes matches, and with added recognizers.
/// </summary>
public sealed class PiiDetectorBatchTests
{
    // Pieces that make every built-in recognizer fire, joined at random: names and places after cues, phones, e-mails,
    // addresses, identifiers, ages and dates (tokens the name scan passes to the age and date triggers), compound tokens.
    private static readonly string[] s_pieces =
    [
        "my name is", "Maria", "Ochieng", "Amina Wanjiru", "lives in", "Nairobi", "Paris", "Rue de Rivoli", "12 Baker Street",
        "call", "+254 712 345 678", "020 7946 0958", "(555) 013-4567", "tel:", "jane.doe@example.org", "https://example.org/a?b=1",
        "192.168.0.1", "2001:db8::1", "00:1A:2B:3C:4D:5E", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "078-05-1120",
        "SSN", "passport", "aged", "34", "years old", "I'm 7", "was 34", "born", "12/05/1990", "on 3 March 1987", "l'age", "5yo",
        "12abcdefg", "j'ai", "ans", "miaka", "उम्र", "Dr.", "Mr", "the", "and", ",", ".", "\n", "ok thanks.", "ID", "A1234567",
        "née", "DOB:", "K", "ß", "İstanbul", "x", "0", "-", "@", "'",
    ];

    private static readonly Gen<string> s_text =
        Gen.OneOf(
            Gen.Int[0, s_pieces.Length - 1].Array[0, 30].Select(ix => string.Join(' ', ix.Select(i => s_pieces[i]))),
            Gen.Int[0, s_pieces.Length - 1].Array[0, 12].Select(ix => string.Concat(ix.Select(i => s_pieces[i]))),
            Gen.String[0, 60]);

    // Up to a little over three blocks, so lists end inside a block and on its edge.
    private static readonly Gen<string[]> s_texts = s_text.Array[0, (3 * PiiDetector.BlockSize) + 5];

    private static void AssertSameAsDetect(PiiDetector detector, string[] texts)
    {
        var expected = texts.Select(t => detector.Detect(t).ToArray()).ToArray();

        var many = detector.DetectMany(texts);
        Assert.Equal(texts.Length, many.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i], many[i]);
        }

        // The buffer overload appends after what the list already holds.
        var sentinel = new PiiMatch(PiiEntityType.Person, 0, 1, 1, "sentinel");
        var results = new List<PiiMatch> { sentinel };
        var ends = new int[texts.Length + 2];
        var appended = detector.DetectMany(texts, results, ends);
        Assert.Equal(sentinel, results[0]);
        Assert.Equal(results.Count - 1, appended);
        var start = 1;
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i], results.GetRange(start, ends[i] - start));
            start = ends[i];
        }

        Assert.Equal(results.Count, start);
    }

    private static PiiDetector[] Detectors()
    {
        var noNames = new PiiDetectorOptions { EnableNameAndPlaceRecognizers = false };
        var lists = new PiiDetectorOptions { DefaultThreshold = 0.3, ContextBoost = 0.1 };
        lists.AllowList.Add("Paris");
        lists.AllowList.Add("jane.doe@example.org");
        lists.DenyList["Ochieng"] = "PERSON";
        lists.DenyList["passport"] = "CASE_NUMBER";
        lists.ExcludedTypes.Add("IP_ADDRESS");
        lists.Thresholds["PHONE_NUMBER"] = 0.9;
        return [new PiiDetector(), new PiiDetector(noNames), new PiiDetector(lists)];
    }

    [Fact]
    public void DetectMany_RandomTextLists_SameAsDetectOnEachText()
    {
        var detectors = Detectors();
        s_texts.Sample(texts =>
        {
            foreach (var detector in detectors)
            {
                AssertSameAsDetect(detector, texts);
            }
        }, iter: 400);
    }

    [Fact]
    public void DetectMany_MultilingualCorpus_SameAsDetectOnEachText()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", "multilingual.jsonl");
        var texts = File.ReadLines(path).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToArray();
        Assert.True(texts.Length > PiiDetector.BlockSize);
        foreach (var detector in Detectors())
        {
            AssertSameAsDetect(detector, texts);
        }
    }

    [Fact]
    public void DetectMany_PresidioResearchSet_SameAsDetectOnEachText()
    {
        var texts = PresidioRecord.Load(TestSupport.FindData("../shared/data/pii/presidio_research_synth_dataset_v2.json")).Select(r => r.Text).ToArray();
        Assert.True(texts.Length >= 1000);
        AssertSameAsDetect(new PiiDetector(), texts);
    }

    [Fact]
    public void DetectMany_AddedRecognizers_RunInOrderAndMayCallTheDetector()
    {
        PiiDetector? inner = null;
        var options = new PiiDetectorOptions();
        var detector = new PiiDetector(options, [new WordRecognizer("zebra", 0.95), new NestedRecognizer(() => inner!), new WordRecognizer("zebra", 0.95, "second")]);
        inner = detector;
        string[] texts = ["a zebra and Maria", "zebra at +254 712 345 678", "", "nothing here", "zebra"];
        AssertSameAsDetect(detector, [.. Enumerable.Repeat(texts, 15).SelectMany(t => t)]);

        // Two added recognizers find the same word with the same score: the first one's candidate wins, as in Detect.
        Assert.Equal("zebra", Assert.Single(detector.DetectMany(["zebra"])[0]).Recognizer);
    }

    [Fact]
    public void DetectMany_AfterDenseLongTexts_ShortTextsStillSameAsDetect()
    {
        // A block of long texts dense in phone numbers and e-mails grows the thread's lists past what they keep between
        // calls (they are let go); the calls after it, on this thread, must give the same matches as Detect.
        var detector = new PiiDetector();
        static string Dense(int count) =>
            string.Join(' ', Enumerable.Range(0, count).Select(i => i % 2 == 0 ? "+254 712 345 678" : $"user{i}@example.org"));
        string[] longTexts = [Dense(5_000), .. Enumerable.Repeat(Dense(200), PiiDetector.BlockSize)];
        AssertSameAsDetect(detector, longTexts);
        int[] counts = [5_000, .. Enumerable.Repeat(200, PiiDetector.BlockSize)];
        Assert.Equal(counts, detector.DetectMany(longTexts).Select(m => m.Count));
        AssertSameAsDetect(detector, ["call +254 712 345 678", "clean text", "write to jane.doe@example.org", Dense(300)]);
    }

    [Fact]
    public void DetectMany_CleanTexts_ShareTheEmptyList()
    {
        var many = new PiiDetector().DetectMany(["ok thanks.", "", "The clinic opens in the morning."]);
        Assert.All(many, Assert.Empty);
        Assert.Same(many[0], many[1]);
        Assert.Empty(new PiiDetector().DetectMany([]));
    }

    [Fact]
    public void DetectMany_InvalidArguments_Throw()
    {
        var detector = new PiiDetector();
        Assert.Throws<ArgumentNullException>("texts", () => detector.DetectMany(null!));
        Assert.Throws<ArgumentNullException>("texts", () => detector.DetectMany(null!, [], new int[1]));
        Assert.Throws<ArgumentNullException>("results", () => detector.DetectMany(["a"], null!, new int[1]));
        Assert.Throws<ArgumentException>("ends", () => detector.DetectMany(["a", "b"], [], new int[1]));

        // A null element is refused before anything is detected, and the message holds no text.
        var results = new List<PiiMatch>();
        var ex = Assert.Throws<ArgumentException>("texts", () => detector.DetectMany(["call +254 712 345 678", null!], results, new int[2]));
        Assert.Empty(results);
        Assert.DoesNotContain("712", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("texts", () => detector.DetectMany(["a", null!]));
    }

    [Fact]
    public void DetectMany_ReportsTextsAndEntities()
    {
        var texts = Enumerable.Repeat("call me at +254 712 345 678 or write to jane.doe@example.org", PiiDetector.BlockSize + 3)
            .Append("ok thanks.").ToArray();
        var measurements = TestSupport.Measure(() => new PiiDetector().DetectMany(texts));

        Assert.Equal(texts.Length, measurements.Where(m => m.Instrument == "nonprofit.privacy.texts_scanned").Sum(m => m.Value));
        Assert.All(measurements.Where(m => m.Instrument == "nonprofit.privacy.texts_scanned"), m => Assert.Empty(m.Tags));
        var found = measurements.Where(m => m.Instrument == "nonprofit.privacy.entities_found").ToArray();
        Assert.Equal(2 * (texts.Length - 1), found.Sum(m => m.Value));
        Assert.All(found, m => Assert.Matches("^(EMAIL_ADDRESS|PHONE_NUMBER)$", (string)Assert.Single(m.Tags).Value!));
    }

    private sealed class WordRecognizer(string word, double score, string name = "zebra") : IPiiRecognizer
    {
        public string Name => name;

        public IReadOnlyCollection<PiiEntityType> SupportedTypes => [PiiEntityType.Person];

        public void Recognize(ReadOnlySpan<char> text, ICollection<PiiMatch> results)
        {
            var i = text.IndexOf(word, StringComparison.Ordinal);
            if (i >= 0)
            {
                results.Add(new PiiMatch(PiiEntityType.Person, i, word.Length, score, name));
            }
        }
    }

    // Calls the detector from inside a batch call on the same thread, and adds what it found after a leading "zebra".
    private sealed class NestedRecognizer(Func<PiiDetector> detector) : IPiiRecognizer
    {
        public string Name => "nested";

        public IReadOnlyCollection<PiiEntityType> SupportedTypes => [PiiEntityType.Person];

        public void Recognize(ReadOnlySpan<char> text, ICollection<PiiMatch> results)
        {
            if (text.StartsWith("zebra", StringComparison.Ordinal) && text.Length > 5)
            {
                foreach (var m in detector().Detect(text[5..]))
                {
                    results.Add(m with { Start = m.Start + 5, Score = 0.6, Recognizer = "nested" });
                }
            }
        }
    }
}

/// <summary>Overlap resolution of many candidates (a long text) through the bit map gives the pairwise loop's matches.</summary>
public sealed class PiiDetectorResolveTests
{
    private static readonly PiiEntityType[] s_types = [PiiEntityType.Person, PiiEntityType.PhoneNumber, PiiEntityType.EmailAddress];

    [Fact]
    public void Resolve_ManyCandidates_SameAsPairwise()
    {
        // Starts in a short range (so many overlap) or spread across a few thousand characters (word boundaries of the
        // bit map), lengths up to 150 (spanning several words), a few scores (many ties).
        var candidate = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3000], Gen.Int[1, 150], Gen.Int[0, 4])
            .Select((type, start, length, score) => new PiiMatch(s_types[type], start, length, 0.5 + (score / 8.0), "r"));
        candidate.List[0, 400].Sample(list =>
        {
            var pairwise = new List<PiiMatch>();
            PiiDetector.Resolve([.. list], pairwise, manyCandidates: int.MaxValue);
            var mapped = new List<PiiMatch> { new(PiiEntityType.Person, 0, 1, 1, "before") };
            PiiDetector.Resolve([.. list], mapped, manyCandidates: 0);
            Assert.Equal(pairwise, mapped.Skip(1));
        }, iter: 2000);
    }
}
