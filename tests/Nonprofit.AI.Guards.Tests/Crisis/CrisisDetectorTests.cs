using System.Text.Json;
using CsCheck;
using Nonprofit.AI.Guards.Detection;
using Nonprofit.Evaluation.Guards;

namespace Nonprofit.AI.Guards.Tests.Crisis;

public sealed class CrisisDetectorTests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    private static readonly CrisisDetector s_detector = CrisisDetector.Instance;

    /// <summary>Each category in every language (our own texts).</summary>
    public static TheoryData<string, string, string> Crises => new()
    {
        { "en", GuardCategories.CrisisViolence, "He is outside with a knife and says he will kill me" },
        { "en", GuardCategories.CrisisSelfHarm, "I want to kill myself tonight" },
        { "en", GuardCategories.CrisisChildAtRisk, "My stepfather touches my daughter when I am at work" },
        { "en", GuardCategories.CrisisMedical, "I am seven months pregnant and bleeding heavily" },
        { "fr", GuardCategories.CrisisViolence, "Mon mari me frappe tous les soirs" },
        { "fr", GuardCategories.CrisisSelfHarm, "Je veux mourir, je n'en peux plus" },
        { "fr", GuardCategories.CrisisChildAtRisk, "Ils veulent marier ma fille de 13 ans" },
        { "fr", GuardCategories.CrisisMedical, "Mon bébé ne respire plus" },
        { "es", GuardCategories.CrisisViolence, "Mi esposo me pega todos los días" },
        { "es", GuardCategories.CrisisSelfHarm, "Quiero quitarme la vida" },
        { "es", GuardCategories.CrisisChildAtRisk, "El vecino golpea a su hija todos los días" },
        { "es", GuardCategories.CrisisMedical, "Estoy embarazada y sangro mucho" },
        { "pt", GuardCategories.CrisisViolence, "Ele disse que vai me matar" },
        { "pt", GuardCategories.CrisisSelfHarm, "Não quero mais viver" },
        { "pt", GuardCategories.CrisisChildAtRisk, "O padrasto abusa da minha sobrinha" },
        { "pt", GuardCategories.CrisisMedical, "Ela está tendo convulsões" },
        { "sw", GuardCategories.CrisisViolence, "Mume wangu ananipiga kila siku" },
        { "sw", GuardCategories.CrisisSelfHarm, "Nataka kujiua" },
        { "sw", GuardCategories.CrisisChildAtRisk, "Wanataka kumkeketa binti yangu" },
        { "sw", GuardCategories.CrisisMedical, "Mimi ni mjamzito na ninatoka damu nyingi" },
        { "hi", GuardCategories.CrisisViolence, "Mera pati mujhe roz maarta hai" },
        { "hi", GuardCategories.CrisisSelfHarm, "Main aatmhatya karne ki soch rahi hoon" },
        { "hi", GuardCategories.CrisisChildAtRisk, "Wo meri 12 saal ki beti ki shaadi karwana chahte hain" },
        { "hi", GuardCategories.CrisisMedical, "Bachcha saans nahi le raha" },
        { "hi", GuardCategories.CrisisViolence, "मेरा पति मुझे रोज़ मारता है" },
        { "hi", GuardCategories.CrisisSelfHarm, "मैं मरना चाहती हूँ" },
        { "hi", GuardCategories.CrisisChildAtRisk, "पड़ोसी अपने बच्चे को रोज़ पीटता है" },
        { "hi", GuardCategories.CrisisMedical, "मैं गर्भवती हूँ और बहुत खून बह रहा है" },
        { "ar", GuardCategories.CrisisViolence, "زوجي يضربني كل يوم" },
        { "ar", GuardCategories.CrisisSelfHarm, "أفكر في الانتحار" },
        { "ar", GuardCategories.CrisisChildAtRisk, "يريدون تزويج ابنتي وعمرها 13 سنة" },
        { "ar", GuardCategories.CrisisMedical, "أنا حامل وأنزف بشدة" },
        { "de", GuardCategories.CrisisViolence, "Mein Mann schlägt mich jeden Tag" },
        { "de", GuardCategories.CrisisSelfHarm, "Ich will nicht mehr leben" },
        { "de", GuardCategories.CrisisChildAtRisk, "Der Nachbar schlägt sein Kind jeden Tag" },
        { "de", GuardCategories.CrisisMedical, "Mein Baby atmet nicht" },
    };

    /// <summary>Idioms, negation, past events, small talk and counter-speech: no crisis.</summary>
    public static TheoryData<string, string> LookAlikes => new()
    {
        { "en", "This drought is killing my maize" },
        { "en", "I'm dying to know how the story ends" },
        { "en", "This heat kills me" },
        { "en", "Years ago he hit me, I am safe now" },
        { "en", "I would never hurt myself" },
        { "en", "In the film the hero kills himself at the end" },
        { "en", "My cow is bleeding after calving" },
        { "en", "We campaign against domestic violence in our district" },
        { "fr", "Cette sécheresse tue mon maïs" },
        { "fr", "Je ne me ferais jamais de mal" },
        { "es", "Hace años me pegaba, ahora estoy a salvo" },
        { "es", "Me muero de ganas de saberlo" },
        { "pt", "Essa seca está matando meu milho" },
        { "sw", "Ukame unaua mahindi yangu" },
        { "hi", "Saal pehle wo mujhe maarta tha, ab main surakshit hoon" },
        { "hi", "मैं खुद को कभी नुकसान नहीं पहुँचाऊँगी" },
        { "ar", "هذا الحر يقتلني" },
        { "de", "Diese Hitze bringt mich um" },
        { "de", "Er schlägt mich nicht mehr, wir haben eine Therapie gemacht" },
    };

    [Theory]
    [MemberData(nameof(Crises))]
    public void Detect_CrisisInEveryLanguage_FindsTheCategory(string language, string category, string text)
    {
        var detection = s_detector.Detect(text, out var hint);

        Assert.Contains(category, detection.CategoriesAtOrAbove(Threshold));
        Assert.Equal(language, hint);
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Rules_IdiomNegationPastOrCounterSpeech_FindNoCrisis(string language, string text)
    {
        _ = language;
        var detection = CrisisDetector.RulesOnly.Detect(text);

        Assert.Empty(detection.CategoriesAtOrAbove(Threshold));
    }

    [Fact]
    public void Detect_LookAlikes_TheModelAddsFewFalseAlarms()
    {
        // The model does not know the rules' cancelling contexts; it learned look-alikes from its training data. Its
        // cross-validated false-positive rate on look-alikes is about 0.1: here at most 2 of the 19 (today: 1, the
        // German "he no longer hits me, we did therapy").
        var flagged = LookAlikes.Count(row => s_detector.Detect((string)row[1]).Score >= Threshold);

        Assert.InRange(flagged, 0, 2);
    }

    /// <summary>
    /// Crises written for this test (not in any training corpus) that no rule matches; a null category where the message
    /// fits more than one ("she took something and does not get up": poisoning, by herself or by accident). Stop 21 moved
    /// the passport and locked-in examples to the rules' tests (CrisisDetectorContextScopeTests): rules now catch them.
    /// </summary>
    public static TheoryData<string?, string> CrisesTheRulesMiss => new()
    {
        { GuardCategories.CrisisMedical, "mama yangu ameanguka jikoni na hajibu tunapomwita" },
        { null, "meri behen ne kuch kha liya hai aur uth nahi rahi" },
        // "My daughter's teacher says she comes to school with bruises every week and is too afraid to go home" moved to
        // CrisisDetectorChildHomeTests in session 27: the rules catch it now (as stop 21 moved the lines the rules came to catch).
    };

    [Theory]
    [MemberData(nameof(CrisesTheRulesMiss))]
    public void Detect_CrisisWithoutARulePhrase_TheModelFindsIt(string? category, string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
        Assert.Empty(new CrisisDetector(useModel: false).Detect(text).CategoriesAtOrAbove(Threshold));

        var found = s_detector.Detect(text).CategoriesAtOrAbove(Threshold);
        Assert.NotEmpty(found);
        if (category is not null)
        {
            Assert.Contains(category, found);
        }
    }

    [Theory]
    [InlineData("Je m'appelle Amélie Durand, appelez-moi au 06 12 34 56 78 ou écrivez à amelie.durand@example.org.")]
    [InlineData("Hola, quería saber el horario de la clínica el sábado")]
    [InlineData("Can you tell me the price of maize seed this season? My number is 0712 345 678")]
    [InlineData("Ich möchte einen Termin für die Impfung meines Sohnes am Dienstag")]
    [InlineData("Habari, mbolea ya kupandia mahindi inauzwa bei gani?")]
    public void Detect_OrdinaryMessage_FindsNoCrisis(string text)
    {
        Assert.Empty(s_detector.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    [Fact]
    public void Detect_WithTheModel_NeverScoresACategoryBelowTheRules()
    {
        string[] words = ["he", "me", "hit", "kill", "die", "want", "to", "bleeding", "pregnant", "knife", "baby", "not", "years", "ago", "safe", "now", "my", "daughter", "mahindi", "maarta", "frappe", "morir", "."];
        Gen.Int[0, words.Length - 1].Array[1, 14].Sample(indices =>
        {
            var text = string.Join(' ', indices.Select(i => words[i]));
            var rules = CrisisDetector.RulesOnly.Detect(text);
            var both = s_detector.Detect(text);
            foreach (var finding in rules.Findings)
            {
                Assert.True(both.Findings.Any(f => f.Category == finding.Category && f.Score >= finding.Score), text);
            }
        });
    }

    [Fact]
    public void Constructor_ModelWithOtherClassesOrOrder_Throws()
    {
        var featurizer = new TextFeaturizer(8, 0, 0, words: true, wordBigrams: false);
        string[] swapped = [GuardCategories.None, GuardCategories.CrisisSelfHarm, GuardCategories.CrisisViolence, GuardCategories.CrisisChildAtRisk, GuardCategories.CrisisMedical];
        var model = new LinearTextModel(featurizer, swapped, new float[featurizer.BucketCount * swapped.Length], new float[swapped.Length]);

        var e = Assert.Throws<ArgumentException>(() => new CrisisDetector(CrisisLexicon.Default, model));

        Assert.Equal("model", e.ParamName);
        var right = new LinearTextModel(featurizer, CrisisTraining.Labels, new float[featurizer.BucketCount * 5], new float[5]);
        Assert.Null(Record.Exception(() => new CrisisDetector(CrisisLexicon.Default, right)));
    }

    [Fact]
    public void EmbeddedCrisisModel_IsTheOneTheTrainingCodeMakesFromTheCorpora()
    {
        // Deterministic training: the corpora and the code in the repository give exactly the embedded bytes.
        var root = Repository.Root();
        var cases = CrisisTraining.LoadCorpora(CrisisTraining.Corpora.Select(c => Path.Combine(root, c)));
        var trained = CrisisTraining.Train(cases, [], CrisisTraining.Chosen);
        using var bytes = new MemoryStream();
        trained.Save(bytes);

        using var resource = typeof(CrisisDetector).Assembly.GetManifestResourceStream("Nonprofit.AI.Guards.Models." + CrisisDetector.ModelFileName)!;
        using var resourceBytes = new MemoryStream();
        resource.CopyTo(resourceBytes);

        Assert.Equal(File.ReadAllBytes(Path.Combine(root, CrisisTraining.ModelPath)), bytes.ToArray());
        Assert.Equal(bytes.ToArray(), resourceBytes.ToArray());
        Assert.Equal(CrisisTraining.Labels, trained.Labels);
    }

    [Fact]
    public void Detect_NegationOrPastRemoved_FindsTheCrisisAgain()
    {
        // The same words without their context must be detected: the context, not the words, made them safe.
        Assert.Empty(s_detector.Detect("I would never hurt myself").CategoriesAtOrAbove(Threshold));
        Assert.Contains(GuardCategories.CrisisSelfHarm, s_detector.Detect("I want to hurt myself").CategoriesAtOrAbove(Threshold));
        Assert.Empty(s_detector.Detect("Years ago he hit me, I am safe now").CategoriesAtOrAbove(Threshold));
        Assert.Contains(GuardCategories.CrisisViolence, s_detector.Detect("He hit me again, I am not safe").CategoriesAtOrAbove(Threshold));
        Assert.Contains(GuardCategories.CrisisViolence, s_detector.Detect("Years ago he hit me and now he hits me again").CategoriesAtOrAbove(Threshold));
    }

    [Fact]
    public void Detect_ThirdPersonReport_IsStillAtRisk()
    {
        var detection = s_detector.Detect("My friend said she wants to die");

        Assert.Equal(GuardCategories.CrisisSelfHarm, detection.Category);
        Assert.True(detection.Score >= Threshold);
    }

    [Fact]
    public void Rules_WeakCuesOnly_StayBelowTheThreshold()
    {
        var detection = CrisisDetector.RulesOnly.Detect("I feel hopeless and empty and numb");

        Assert.Equal(GuardCategories.CrisisSelfHarm, detection.Category);
        Assert.InRange(detection.Score, 0.01, Threshold - 0.001);
    }

    [Fact]
    public void Detect_EmptyOrBenign_ReturnsNone()
    {
        Assert.Same(GuardDetection.None, s_detector.Detect(""));
        Assert.Same(GuardDetection.None, s_detector.Detect("When should I plant beans after the first rains?"));
    }

    [Fact]
    public void Detect_AnyText_NeverThrowsAndScoresStayInRange()
    {
        Gen.String.Sample(text =>
        {
            var detection = s_detector.Detect(text);
            Assert.All(detection.Findings, f => Assert.InRange(f.Score, 0, 1));
        });
    }

    [Fact]
    public void Detect_CrisisInsideLongText_IsFound()
    {
        var filler = string.Concat(Enumerable.Repeat("We planted maize and beans on the hill this season. ", 200));

        var detection = s_detector.Detect(filler + "My husband beats me every night. " + filler);

        Assert.Equal(GuardCategories.CrisisViolence, detection.Category);
    }

    [Fact]
    public void Parse_MalformedLine_ThrowsFormatExceptionWithTheLine()
    {
        var e = Assert.Throws<FormatException>(() => CrisisLexicon.Parse("# comment\nen violence 0.8 0 hit|beat me\nen nonsense 0.5 0 x"));

        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => CrisisLexicon.Parse("en violence 1.5 0 hit me"));
        Assert.Throws<FormatException>(() => CrisisLexicon.Parse("en violence 0.5 0 hit-me"));
    }

    [Fact]
    public void DevelopmentCorpus_RecallAndFalsePositiveRate_MeetTheGoals()
    {
        // Regression guard on our own development corpus (the held-out corpus is written independently and not here).
        var path = Path.Combine(AppContext.BaseDirectory, "Crisis", "crisis-dev.jsonl");
        int positives = 0, found = 0, negatives = 0, falseAlarms = 0;
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var expected = json.RootElement.GetProperty("expected").GetString();
            var flagged = s_detector.Detect(json.RootElement.GetProperty("text").GetString()).Score >= Threshold;
            if (expected == "none")
            {
                negatives++;
                falseAlarms += flagged ? 1 : 0;
            }
            else
            {
                positives++;
                found += flagged ? 1 : 0;
            }
        }

        Assert.True(positives > 150 && negatives > 100, "the corpus is too small");
        Assert.True(found >= 0.95 * positives, $"recall {found}/{positives}");
        Assert.True(falseAlarms <= 0.10 * negatives, $"false positives {falseAlarms}/{negatives}");
    }
}
