using CsCheck;
using Nonprofit.AI.Guards.Detection;
using Nonprofit.Evaluation.Guards;

namespace Nonprofit.AI.Guards.Tests.Language;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier s_identifier = LanguageIdentifier.Default;

    // Our own sentences, none of them in the training corpus.
    [Theory]
    [InlineData("en", "Latn", "My sister cannot find the key to the pharmacy and it is closing soon.")]
    [InlineData("fr", "Latn", "Ma voisine m'a prêté sa voiture pour aller chercher les médicaments.")]
    [InlineData("fr", "Latn", "jsuis pas sur que le bus passe encore a cette heure la")]
    [InlineData("es", "Latn", "Mi vecina me prestó su coche para ir a buscar las medicinas.")]
    [InlineData("pt", "Latn", "A minha vizinha emprestou-me o carro para ir buscar os remédios.")]
    [InlineData("de", "Latn", "Meine Nachbarin hat mir ihr Auto geliehen, damit ich die Medikamente holen kann.")]
    [InlineData("it", "Latn", "La mia vicina mi ha prestato la macchina per andare a prendere le medicine.")]
    [InlineData("nl", "Latn", "Mijn buurvrouw heeft me haar auto geleend om de medicijnen op te halen.")]
    [InlineData("pl", "Latn", "Sąsiadka pożyczyła mi samochód, żebym mogła odebrać leki.")]
    [InlineData("sw", "Latn", "Jirani yangu aliniazima gari lake ili nikachukue dawa.")]
    [InlineData("hi", "Latn", "meri padosan ne mujhe dawai lane ke liye apni gaadi di")]
    [InlineData("hi", "Latn", "please koi meri help karo, wo mujhe roz marta hai")]
    [InlineData("hi", "Deva", "मेरी पड़ोसन ने मुझे दवाई लाने के लिए अपनी गाड़ी दी।")]
    [InlineData("ar", "Arab", "أعارتني جارتي سيارتها لأذهب وأحضر الدواء.")]
    [InlineData("ar", "Latn", "gartna edetny 3arabeyetha 3ashan ageeb el dawa")]
    [InlineData("zh", "Hans", "我的邻居把车借给我去拿药。")]
    [InlineData("zh", "Hant", "我的鄰居把車借給我，這樣我可以去拿藥。")]
    [InlineData("ur", "Arab", "میری پڑوسن نے مجھے دوائی لانے کے لیے اپنی گاڑی دی۔")]
    [InlineData("ja", "Jpan", "隣の人が薬を取りに行くために車を貸してくれました。")]
    public void Identify_KnownLanguages(string language, string script, string text)
    {
        var result = s_identifier.Identify(text);

        Assert.Equal(language, result.Language);
        Assert.Equal(script, result.Script);
        Assert.True(result.IsKnown);
        Assert.InRange(result.Confidence, s_identifier.MinimumConfidence, 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("12345 678")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("😀😀🙏❤️")]
    [InlineData("?!... :-)")]
    [InlineData("ok")]
    [InlineData("a")]
    public void Identify_TooShortOrNoLetters_IsUnknown(string text)
    {
        var result = s_identifier.Identify(text);

        Assert.False(result.IsKnown);
        Assert.Equal(LanguageIdentification.UnknownLanguage, result.Language);
        Assert.Equal(0, result.Confidence);
    }

    [Fact]
    public void Identify_NoLetters_HasNoScript() =>
        Assert.Equal(LanguageIdentification.Unknown, s_identifier.Identify("2026-11-29 12:00 !!!"));

    [Fact]
    public void Identify_SharedScriptTheModelDoesNotCover_IsUnknownWithTheScript()
    {
        var result = s_identifier.Identify("Мне нужна помощь, пожалуйста");

        Assert.Equal(LanguageIdentification.UnknownLanguage, result.Language);
        Assert.Equal("Cyrl", result.Script);
    }

    [Theory]
    [InlineData("kya aap meri help kar sakte ho? I really need a doctor", new[] { "hi", "en" })]
    [InlineData("mujhe doctor ke paas jaana hai", new[] { "hi" })]
    [InlineData("मुझे doctor के पास जाना है, please help", new[] { "hi" })]
    [InlineData("Je suis à la maison, مرحبا بكم في بيتنا الجديد", new[] { "ar", "fr" })]
    [InlineData("Thank you, merci beaucoup pour votre aide et votre patience", new[] { "fr", "en" })]
    public void Identify_CodeMixed_IsOneOfTheLanguagesMixed(string text, string[] expected) =>
        Assert.Contains(s_identifier.Identify(text).Language, expected);

    [Fact]
    public void Identify_SpelledOutAndLeetWords_StillIdentified()
    {
        Assert.Equal("it", s_identifier.Identify("Non s o p p o r t o più questo r u m o r e").Language);
        Assert.Equal("pt", s_identifier.Identify("Eu n4o aguento mais esse bar1lho").Language);
    }

    [Fact]
    public void Identify_LongText_ReadsOnlyTheStartAndIsTheSameEachTime()
    {
        var text = string.Concat(Enumerable.Repeat("Il pleut depuis trois jours et la rivière monte. ", 60));

        var first = s_identifier.Identify(text);

        Assert.True(text.Length > LanguageIdentifier.MaximumCharacters);
        Assert.Equal("fr", first.Language);
        Assert.Equal(first, s_identifier.Identify(text.AsSpan(0, LanguageIdentifier.MaximumCharacters)));
    }

    [Fact]
    public void Identify_ConcurrentCalls_GiveTheSameResults()
    {
        string[] texts = ["Where is the clinic?", "Où est le dispensaire ?", "Kliniki iko wapi?", "clinic kahan hai bhai", "Wo ist die Praxis?"];
        var expected = texts.Select(t => s_identifier.Identify(t)).ToArray();

        var results = new LanguageIdentification[200];
        Parallel.For(0, results.Length, i => results[i] = s_identifier.Identify(texts[i % texts.Length]));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], results[i]);
        }
    }

    [Fact]
    public void Identify_AnyText_NeverThrowsAndStaysInRange() =>
        Gen.String.Sample(text =>
        {
            var result = s_identifier.Identify(text);
            return result.Confidence is >= 0 and <= 1
                && (result.IsKnown ? result.Confidence >= s_identifier.MinimumConfidence : result.Confidence == 0)
                && !string.IsNullOrEmpty(result.Language);
        });

    [Theory]
    [InlineData("h a t e you", "hate you")]
    [InlineData("i am a b", "i am a b")]
    [InlineData("x y z", "xyz")]
    [InlineData("so s p a c e d out", "so spaced out")]
    [InlineData("a b c d e f", "abcdef")]
    [InlineData("word", "word")]
    public void JoinSpacedLetters_JoinsRunsOfThreeOrMore(string normalized, string expected)
    {
        var buffer = normalized.ToCharArray();

        var length = LanguageIdentifier.JoinSpacedLetters(buffer, buffer.Length);

        Assert.Equal(expected, new string(buffer, 0, length));
    }

    [Fact]
    public void Prepare_IsIdempotentAndNeverLonger() =>
        Gen.String.Sample(text =>
        {
            var once = LanguageIdentifier.Prepare(text);
            return once.Length <= text.Length && LanguageIdentifier.Prepare(once) == once;
        });

    [Fact]
    public void Constructor_InvalidThresholds_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LanguageIdentifier(minimumConfidence: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LanguageIdentifier(minimumConfidence: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LanguageIdentifier(minimumLetters: 0));
    }

    [Fact]
    public void Constructor_HigherMinimumConfidence_SaysUnknownMoreOften()
    {
        const string Text = "merci beaucoup";
        var lenient = s_identifier.Identify(Text);
        var strict = new LanguageIdentifier(minimumConfidence: lenient.Confidence + 0.01);

        Assert.Equal("fr", lenient.Language);
        Assert.False(strict.Identify(Text).IsKnown);
        Assert.Equal("Latn", strict.Identify(Text).Script);
    }

    [Fact]
    public void EmbeddedModel_IsTheOneTheTrainingCodeMakesFromTheCorpus()
    {
        // Deterministic training: the corpus and the code in the repository give exactly the embedded bytes.
        var corpus = Path.Combine(Repository.Root(), LanguageTraining.CorpusFolder);
        var trained = LanguageTraining.Train(corpus, LanguageTraining.Featurizer(), LanguageTraining.Options, out _, out _);
        using var bytes = new MemoryStream();
        trained.Save(bytes);

        var embedded = File.ReadAllBytes(Path.Combine(Repository.Root(), LanguageTraining.ModelPath));
        using var resource = typeof(LanguageIdentifier).Assembly.GetManifestResourceStream("Nonprofit.AI.Guards.Models." + LanguageIdentifier.ModelFileName)!;
        using var resourceBytes = new MemoryStream();
        resource.CopyTo(resourceBytes);

        Assert.Equal(embedded, bytes.ToArray());
        Assert.Equal(embedded, resourceBytes.ToArray());
        Assert.True(embedded.Length < 2 * 1024 * 1024);
    }

    [Fact]
    public void EmbeddedModel_LabelsAreTheLatinScriptLanguages()
    {
        var model = LinearTextModel.LoadEmbedded(LanguageIdentifier.ModelFileName);

        Assert.Equal(["ar", "de", "en", "es", "fr", "hi", "it", "nl", "pl", "pt", "sw"], model.Labels);
    }
}
