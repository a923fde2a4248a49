namespace Nonprofit.Privacy.Tests;

public sealed class PiiDetectorTests
{
    private const string KenyanPhoneText = "reach me 0712 345 678 today"; // valid KE number, no context word: score 0.8

    [Fact]
    public void Detect_EmptyString_ReturnsEmpty()
    {
        var detector = new PiiDetector();

        Assert.Empty(detector.Detect(string.Empty));
        Assert.Empty(detector.Detect(ReadOnlySpan<char>.Empty));
        Assert.False(detector.ContainsPii(ReadOnlySpan<char>.Empty));
    }

    [Fact]
    public void Detect_NullString_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => new PiiDetector().Detect((string)null!));

    [Fact]
    public void ContainsPii_TextWithPhone_ReturnsTrue() => Assert.True(new PiiDetector().ContainsPii(KenyanPhoneText));

    [Fact]
    public void Detect_TypeThresholdAboveScore_DropsOnlyThatType()
    {
        var options = new PiiDetectorOptions();
        options.Thresholds["PHONE_NUMBER"] = 0.9;
        var detector = new PiiDetector(options);
        const string Text = "reach me 0712 345 678 today or jane@example.org";

        var matches = detector.Detect(Text);

        var match = Assert.Single(matches);
        Assert.Equal(PiiEntityType.EmailAddress, match.Type);
    }

    [Fact]
    public void Detect_TypeThresholdBelowScore_KeepsType()
    {
        var options = new PiiDetectorOptions();
        options.Thresholds["PHONE_NUMBER"] = 0.75;

        var match = Assert.Single(new PiiDetector(options).Detect(KenyanPhoneText));

        Assert.Equal(PiiEntityType.PhoneNumber, match.Type);
        Assert.Equal(0.8, match.Score, 3);
    }

    [Fact]
    public void Detect_LowTypeThreshold_ReportsContextFreeCandidate()
    {
        // A passport-shaped token scores 0.2 without a context word: below the default threshold, above this one.
        const string Text = "reference A1234567";
        var options = new PiiDetectorOptions();
        options.Thresholds["PASSPORT"] = 0.15;

        var match = Assert.Single(new PiiDetector(options).Detect(Text));

        Assert.Equal((PiiEntityType.Passport, 10, 18), (match.Type, match.Start, match.End));
        Assert.Empty(new PiiDetector().Detect(Text));
    }

    [Fact]
    public void Detect_DefaultThresholdOne_KeepsOnlyCertainMatches()
    {
        var options = new PiiDetectorOptions { DefaultThreshold = 1.0 };
        var detector = new PiiDetector(options);

        // Context raises the phone to 1; the e-mail stays at 0.95.
        var matches = detector.Detect("call me at +254 712 345 678 or jane@example.org");

        var match = Assert.Single(matches);
        Assert.Equal(PiiEntityType.PhoneNumber, match.Type);
    }

    [Fact]
    public void Detect_ContextWord_RaisesScoreByContextBoost()
    {
        var defaultBoost = Assert.Single(new PiiDetector().Detect("reference number A1234567 passport"));
        var options = new PiiDetectorOptions { ContextBoost = 0.1 };
        var lowBoost = new PiiDetector(options).Detect("reference number A1234567 passport");

        Assert.Equal(PiiEntityType.Passport, defaultBoost.Type);
        Assert.Equal(0.55, defaultBoost.Score, 3);
        Assert.Empty(lowBoost); // 0.2 + 0.1 is below 0.5
    }

    [Fact]
    public void Detect_ExcludedType_IsNeverReported()
    {
        var options = new PiiDetectorOptions();
        options.ExcludedTypes.Add("URL");
        const string Text = "see https://example.org or write to jane@example.org";

        var matches = new PiiDetector(options).Detect(Text);

        var match = Assert.Single(matches);
        Assert.Equal(PiiEntityType.EmailAddress, match.Type);
        Assert.Contains(new PiiDetector().Detect(Text), m => m.Type == PiiEntityType.Url);
    }

    [Fact]
    public void Detect_AllowListedValue_IsNotReportedCaseInsensitively()
    {
        var options = new PiiDetectorOptions();
        options.AllowList.Add("HELP@NGO.ORG");

        var matches = new PiiDetector(options).Detect("write to help@ngo.org or jane@example.org");

        var match = Assert.Single(matches);
        Assert.Equal((25, 41), (match.Start, match.End));
    }

    [Fact]
    public void Detect_DenyListedWord_IsReportedAsWholeWordsCaseInsensitively()
    {
        var options = new PiiDetectorOptions();
        options.DenyList["Kibe"] = "PERSON";
        const string Text = "KIBE came; kibe again; Kibera is a place; akibe no";

        var matches = new PiiDetector(options).Detect(Text).Where(m => m.Recognizer == "deny-list").ToArray();

        Assert.Equal([(0, 4), (11, 15)], matches.Select(m => (m.Start, m.End)));
        Assert.All(matches, m => Assert.Equal(PiiEntityType.Person, m.Type));
        Assert.All(matches, m => Assert.Equal(1.0, m.Score));
    }

    [Fact]
    public void Detect_DenyListWithCustomType_ReportsThatType()
    {
        var options = new PiiDetectorOptions();
        options.DenyList["Camp Alpha"] = "SHELTER_NAME";

        var match = Assert.Single(new PiiDetector(options).Detect("she moved to camp alpha."));

        Assert.Equal(("SHELTER_NAME", 13, 23), (match.Type.Name, match.Start, match.End));
    }

    [Fact]
    public void Detect_OverlappingCandidates_ReturnsOrderedNonOverlappingMatches()
    {
        // Digit runs yield phone, card, SSN and id candidates over the same characters.
        const string Text =
            "card 4111 1111 1111 1111, ssn 123-45-6789, call +254 712 345 678, aadhaar 2341 2341 2346, cpf 529.982.247-25, x@y.org";

        var matches = new PiiDetector().Detect(Text);

        Assert.True(matches.Count >= 6);
        for (var i = 1; i < matches.Count; i++)
        {
            Assert.True(matches[i - 1].End <= matches[i].Start, $"Match {i - 1} overlaps or follows match {i}.");
        }

        Assert.Contains(matches, m => m.Type == PiiEntityType.CreditCard && m.Start == 5 && m.End == 24);
    }

    [Fact]
    public void Detect_CandidatesOverTheSameSpan_KeepsTheHighestScore()
    {
        var options = new PiiDetectorOptions();
        var detector = new PiiDetector(options, [new FixedRecognizer("low", "LOW_TYPE", 0, 10, 0.6), new FixedRecognizer("high", "HIGH_TYPE", 2, 6, 0.9)]);

        var match = Assert.Single(detector.Detect("abcdefghij and more"));

        Assert.Equal(("HIGH_TYPE", 2, 6, "high"), (match.Type.Name, match.Start, match.End, match.Recognizer));
    }

    [Fact]
    public void Detect_CandidatesWithEqualScore_KeepsTheLongest()
    {
        var detector = new PiiDetector(new PiiDetectorOptions(), [new FixedRecognizer("short", "SHORT_TYPE", 2, 6, 0.9), new FixedRecognizer("long", "LONG_TYPE", 0, 10, 0.9)]);

        var match = Assert.Single(detector.Detect("abcdefghij and more"));

        Assert.Equal("LONG_TYPE", match.Type.Name);
    }

    [Fact]
    public void Detect_CustomRecognizer_RunsAndIsNamedInMatches()
    {
        var recognizer = new FixedRecognizer("pets", "PET_NAME", 7, 10, 0.9);
        var detector = new PiiDetector(new PiiDetectorOptions(), [recognizer]);

        var matches = detector.Detect("my dog Rex barks");

        var match = Assert.Single(matches);
        Assert.Equal(new PiiMatch(new PiiEntityType("PET_NAME"), 7, 3, 0.9, "pets"), match);
        Assert.Equal(1, recognizer.Calls);
        Assert.Same(recognizer, detector.Recognizers[^1]);
    }

    [Fact]
    public void Detect_RecognizerReportsOutOfBoundsCandidate_DropsIt()
    {
        var detector = new PiiDetector(
            new PiiDetectorOptions(),
            [new FixedRecognizer("bad", "BAD_TYPE", 5, 50, 0.9), new FixedRecognizer("neg", "NEG_TYPE", -1, 2, 0.9)]);

        Assert.Empty(detector.Detect("short text"));
    }

    [Theory]
    [InlineData(5, int.MaxValue)]
    [InlineData(1, int.MaxValue - 1)]
    [InlineData(int.MaxValue, 1)]
    [InlineData(10, 1)]
    public void Detect_RecognizerReportsLengthThatOverflowsEnd_DropsIt(int start, int length)
    {
        // Start + Length wraps to a negative End for the first two: the bounds test must not be fooled by it.
        var detector = new PiiDetector(new PiiDetectorOptions(), [new SpanRecognizer(start, length)]);

        Assert.Empty(detector.Detect("short text"));
        Assert.Empty(detector.DetectMany(["short text", "x"]).SelectMany(m => m));
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Constructor_DefaultThresholdOutOfRange_ThrowsArgumentException(double threshold)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PiiDetector(new PiiDetectorOptions { DefaultThreshold = threshold }));
        Assert.Contains("DefaultThreshold", ex.Message, StringComparison.Ordinal);
        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void Constructor_TypeThresholdOutOfRange_ThrowsArgumentException()
    {
        var options = new PiiDetectorOptions();
        options.Thresholds["PHONE_NUMBER"] = 2;

        var ex = Assert.Throws<ArgumentException>(() => new PiiDetector(options));
        Assert.Contains("Thresholds[PHONE_NUMBER]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("ke")]
    [InlineData("")]
    public void Constructor_UnknownRegion_ThrowsArgumentException(string region)
    {
        var options = new PiiDetectorOptions();
        options.DefaultRegions.Add(region);

        var ex = Assert.Throws<ArgumentException>(() => new PiiDetector(options));
        Assert.Contains($"'{region}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoRegion_ThrowsArgumentException()
    {
        var options = new PiiDetectorOptions();
        options.DefaultRegions.Clear();

        Assert.Throws<ArgumentException>(() => new PiiDetector(options));
    }

    [Theory]
    [InlineData(-1, 0.35)]
    [InlineData(513, 0.35)]
    [InlineData(48, 1.5)]
    public void Constructor_ContextOptionOutOfRange_ThrowsArgumentException(int window, double boost) =>
        Assert.Throws<ArgumentException>(() => new PiiDetector(new PiiDetectorOptions { ContextWindow = window, ContextBoost = boost }));

    [Theory]
    [InlineData("person")]
    [InlineData("1TYPE")]
    [InlineData("PHONE-NUMBER")]
    public void Constructor_DenyListWithInvalidTypeName_ThrowsArgumentException(string type)
    {
        var options = new PiiDetectorOptions();
        options.DenyList["Kibe"] = type;

        Assert.Throws<ArgumentException>(() => new PiiDetector(options));
    }

    [Fact]
    public void Constructor_DenyListWithBlankValue_ThrowsArgumentException()
    {
        var options = new PiiDetectorOptions();
        options.DenyList["  "] = "PERSON";

        Assert.Throws<ArgumentException>(() => new PiiDetector(options));
    }

    [Fact]
    public void Detect_SharedDetectorInParallel_GivesTheSequentialResults()
    {
        var detector = new PiiDetector();
        string[] pool =
        [
            "call me at +254 712 345 678", "write to jane.doe@example.org", "card 4111 1111 1111 1111",
            "iban GB82 WEST 1234 5698 7654 32", "nothing to see here", "ssn 123-45-6789", "j'ai 34 ans",
            "appelle-moi au 06 12 34 56 78", "ip 192.168.1.20", "born on 12/05/1990",
        ];
        var texts = Enumerable.Range(0, 2000)
            .Select(i => $"{pool[i % pool.Length]} #{i} and {pool[(i * 7 + 3) % pool.Length]}")
            .ToArray();
        var sequential = texts.Select(t => detector.Detect(t).ToArray()).ToArray();
        var parallel = new PiiMatch[texts.Length][];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = detector.Detect(texts[i]).ToArray());

        Assert.True(sequential.Sum(s => s.Length) > 2000);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i], parallel[i]);
        }
    }

    [Fact]
    public void Detect_ResultIsNotReusedBetweenCalls()
    {
        var detector = new PiiDetector();

        var first = detector.Detect("call me at +254 712 345 678");
        _ = detector.Detect("write to jane.doe@example.org and x@y.org");

        var match = Assert.Single(first);
        Assert.Equal(PiiEntityType.PhoneNumber, match.Type);
    }

    [Fact]
    public void Detect_AppendOverload_AppendsAfterExistingItems()
    {
        var detector = new PiiDetector();
        var results = new List<PiiMatch> { new(PiiEntityType.Person, 0, 1, 1, "earlier") };

        var added = detector.Detect("call me at +254 712 345 678", results);

        Assert.Equal(1, added);
        Assert.Equal(2, results.Count);
        Assert.Equal("earlier", results[0].Recognizer);
        Assert.Equal((11, 27), (results[1].Start, results[1].End));
    }

    /// <summary>Reports one span given by start and length, unchecked, as a faulty custom recognizer could.</summary>
    private sealed class SpanRecognizer(int start, int length) : IPiiRecognizer
    {
        public string Name => "span";

        public IReadOnlyCollection<PiiEntityType> SupportedTypes => [new PiiEntityType("SPAN_TYPE")];

        public void Recognize(ReadOnlySpan<char> text, ICollection<PiiMatch> results) =>
            results.Add(new PiiMatch(new PiiEntityType("SPAN_TYPE"), start, length, 0.9, Name));
    }

    /// <summary>Reports one fixed span of a custom type: proves the detector runs added recognizers.</summary>
    private sealed class FixedRecognizer(string name, string type, int start, int end, double score) : IPiiRecognizer
    {
        private int _calls;

        public string Name => name;

        public IReadOnlyCollection<PiiEntityType> SupportedTypes => [new PiiEntityType(type)];

        public int Calls => _calls;

        public void Recognize(ReadOnlySpan<char> text, ICollection<PiiMatch> results)
        {
            Interlocked.Increment(ref _calls);
            results.Add(new PiiMatch(new PiiEntityType(type), start, end - start, score, name));
        }
    }
}
