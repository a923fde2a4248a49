namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Session 25, the known holes of stop 24's reviews: a one-word counter cue in a clause of its own (a headline before a
/// colon) no longer frames a match whose clause is the writer's own present (a first-person possessive, a person word,
/// "just happened"); a joke word after a match cancels it only as the writer's own retraction ("je rigole", "just
/// kidding"), not in a clause about others ("everyone treats it like a joke"); the model is not asked about text
/// without two different letters (a bare "18", 200,000 times "x"). Our own phrasings (the non-English ones need a
/// native speaker's review).
/// </summary>
public sealed class CrisisDetectorSession25Tests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    /// <summary>A headline word before a colon, then the writer's own emergency: rules alone escalate.</summary>
    [Theory]
    [InlineData("Actualités : mon mari vient de me poignarder", GuardCategories.CrisisViolence)]
    [InlineData("Actualités : il vient de me frapper", GuardCategories.CrisisViolence)]
    [InlineData("Nachrichten: mein Mann hat mich gerade geschlagen", GuardCategories.CrisisViolence)]
    [InlineData("Noticias: mi marido me acaba de pegar", GuardCategories.CrisisViolence)]
    [InlineData("Notícias: meu marido acabou de me bater", GuardCategories.CrisisViolence)]
    [InlineData("News: my husband just stabbed me", GuardCategories.CrisisViolence)]
    [InlineData("Film: my boyfriend hits me every night", GuardCategories.CrisisViolence)]
    [InlineData("Habari: mume wangu ananipiga", GuardCategories.CrisisViolence)]
    [InlineData("Article : mon fils veut se tuer", GuardCategories.CrisisSelfHarm)]
    public void Rules_HeadlineWordThenOwnEmergency_Escalates(string text, string category)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>A headline word framing someone else's story: still quiet on the rules alone.</summary>
    [Theory]
    [InlineData("Nachrichten: Polizei nimmt Mann fest, der seine Nachbarn bedroht hat")]
    [InlineData("In the novel, the character kills himself")]
    [InlineData("Dans le film elle dit : je vais me tuer")]
    [InlineData("Actualités : un homme poignarde sa femme à Lyon")]
    [InlineData("In the film, he kills her")]
    [InlineData("Noticias: un hombre mata a su esposa en Madrid")]
    public void Rules_HeadlineWordFramingAStory_StaysQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [InlineData("flim: zork me", false)] // framed across the colon
    [InlineData("flim: my zork me", true)] // the writer's own ("my") in the match's clause
    [InlineData("flim: just zork me", true)] // "just happened"
    [InlineData("flim my zork me", false)] // the cue in the match's own clause still frames it
    public void CounterFrames_OwnOrRecentInTheMatchClause_DoesNotFrame(string text, bool escalates)
    {
        var detector = new CrisisDetector(CrisisLexicon.Parse("""
            en violence 0.9 1 zork me
            en counter 0 0 flim
            """));

        Assert.Equal(escalates, detector.Detect(text).CategoriesAtOrAbove(Threshold).Count > 0);
    }

    /// <summary>Intent first, then a joke word in a clause about others: rules alone escalate, in every language.</summary>
    [Theory]
    [InlineData("I want to die, everyone treats it like a joke", GuardCategories.CrisisSelfHarm)]
    [InlineData("I want to die and my family thinks it's a joke", GuardCategories.CrisisSelfHarm)]
    [InlineData("Je veux mourir, mes amis pensent que c'est une blague", GuardCategories.CrisisSelfHarm)]
    [InlineData("Quiero morir, todos lo toman como una broma", GuardCategories.CrisisSelfHarm)]
    [InlineData("Quero morrer, acham que é piada", GuardCategories.CrisisSelfHarm)]
    [InlineData("Ich will sterben, alle halten es für einen Witz", GuardCategories.CrisisSelfHarm)]
    [InlineData("Nataka kufa, kila mtu anaona ni utani", GuardCategories.CrisisSelfHarm)]
    [InlineData("Main marna chahti hoon, sab ise mazak samajhte hain", GuardCategories.CrisisSelfHarm)]
    [InlineData("He says he will kill me, my sister thinks it's a joke", GuardCategories.CrisisViolence)]
    [InlineData("Il va me tuer, la police croit que c'est une blague", GuardCategories.CrisisViolence)]
    public void Rules_JokeWordAboutOthersAfterTheMatch_Escalates(string text, string category)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>The writer's own retraction after the match: the rules stay quiet.</summary>
    [Theory]
    [InlineData("I want to die, just kidding")]
    [InlineData("Je vais le tuer, je rigole")]
    [InlineData("Mon frère va me tuer, je plaisante")]
    [InlineData("Quero morrer, é só brincadeira")]
    [InlineData("Ich will sterben, war nur ein Witz")]
    [InlineData("Nataka kufa, ni utani tu")]
    [InlineData("Mi hermana me va a matar, es broma")]
    public void Rules_OwnRetractionAfterTheMatch_StaysQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [InlineData("18")]
    [InlineData("17!!")]
    [InlineData("112")]
    [InlineData("...")]
    [InlineData("xxxxxxxxxxxxxxxx")]
    [InlineData("")]
    public void HasTwoLetters_NoWords_False(string text)
    {
        Assert.False(CrisisDetector.HasTwoLetters(text));
    }

    [Theory]
    [InlineData("no")]
    [InlineData("J'ai 14 ans")]
    [InlineData("ساعدوني")]
    [InlineData("मदद")]
    public void HasTwoLetters_Words_True(string text)
    {
        Assert.True(CrisisDetector.HasTwoLetters(text));
    }

    /// <summary>A model sure of a crisis everywhere is not asked about digits or one repeated letter, but about any words.</summary>
    [Theory]
    [InlineData("18", false)]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", false)]
    [InlineData("I am 14", true)]
    [InlineData("ok 18", true)]
    public void Model_TextWithoutTwoLetters_NotAsked(string text, bool escalates)
    {
        var detector = new CrisisDetector(CrisisLexicon.Default, CrisisDetectorSession24Tests.ConstantModel(GuardCategories.CrisisChildAtRisk, 0.95));

        Assert.Equal(escalates, detector.Detect(text).CategoriesAtOrAbove(Threshold).Contains(GuardCategories.CrisisChildAtRisk));
    }

    [Fact]
    public void Detect_BareNumberOrOneLetterRepeated_Allowed()
    {
        Assert.Empty(CrisisDetector.Instance.Detect("18").CategoriesAtOrAbove(Threshold));
        Assert.Empty(CrisisDetector.Instance.Detect(new string('x', 200_000)).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Short crises the model or the rules catch keep escalating with the gate.</summary>
    [Theory]
    [InlineData("socorro")]
    [InlineData("au secours")]
    [InlineData("bachao")]
    [InlineData("ساعدوني")]
    public void Detect_ShortCries_StillEscalate(string text)
    {
        Assert.NotEmpty(CrisisDetector.Instance.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Adults asking about work, weather on the windows, shoes and exams: the rules stay quiet (corpus j's kinds).</summary>
    [Theory]
    [InlineData("Tengo 34 años y busco trabajo de albañil")]
    [InlineData("Procuro trabalho de pedreiro")]
    [InlineData("Je cherche du travail des champs pour l'été")]
    [InlineData("Le mariage des voisins est samedi")]
    [InlineData("La lluvia golpea las ventanas toda la noche")]
    [InlineData("A chuva bateu na janela a noite inteira")]
    [InlineData("O vento bate forte na porta do celeiro")]
    [InlineData("O sol bate na varanda de manhã")]
    [InlineData("La pluie tape contre les vitres")]
    [InlineData("Diese neuen Schuhe bringen mich um")]
    [InlineData("Essa prova me matou")]
    public void Rules_WorkWeatherShoesExams_StayQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Crises sharing those words: child labour and marriage named, a person hitting beside the weather, labour that does not progress.</summary>
    [Theory]
    [InlineData("Hay trabajo infantil en la finca de al lado", GuardCategories.CrisisChildAtRisk)]
    [InlineData("Hay explotación de menores en el mercado", GuardCategories.CrisisChildAtRisk)]
    [InlineData("Van a hacer un matrimonio de niñas en el pueblo", GuardCategories.CrisisChildAtRisk)]
    [InlineData("exploração de crianças na fazenda", GuardCategories.CrisisChildAtRisk)]
    [InlineData("casamento de meninas na aldeia no sábado", GuardCategories.CrisisChildAtRisk)]
    [InlineData("le travail des enfants dans la mine", GuardCategories.CrisisChildAtRisk)]
    [InlineData("maltrato infantil en la casa de al lado", GuardCategories.CrisisChildAtRisk)]
    [InlineData("La lluvia golpea las ventanas y él me pega", GuardCategories.CrisisViolence)]
    [InlineData("A chuva bate no telhado e ele me bate com o cinto", GuardCategories.CrisisViolence)]
    [InlineData("La pluie tape sur les vitres et il me frappe encore", GuardCategories.CrisisViolence)] // "contre les" would cancel it, on main too (a phrase counter cue)
    [InlineData("Diese Schuhe sind egal, mein Mann bringt mich um", GuardCategories.CrisisViolence)]
    [InlineData("Essa prova foi difícil, mas hoje eu vou me matar", GuardCategories.CrisisSelfHarm)]
    [InlineData("mi esposa lleva desde ayer en trabajo de parto y el bebé no sale", GuardCategories.CrisisMedical)]
    [InlineData("minha mulher está em trabalho de parto desde ontem e o bebê não sai", GuardCategories.CrisisMedical)]
    public void Rules_CrisesSharingWorkWeatherWords_Escalate(string text, string category)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Rule gaps found by our probes: es "me mato" said for now, ar "طعنني" (stabbed me).</summary>
    [Theory]
    [InlineData("no puedo más, esta noche me mato", GuardCategories.CrisisSelfHarm)]
    [InlineData("ya no aguanto, hoy me mato", GuardCategories.CrisisSelfHarm)]
    [InlineData("mejor me mato y ya", GuardCategories.CrisisSelfHarm)]
    [InlineData("زوجي طعنني", GuardCategories.CrisisViolence)]
    [InlineData("أخبار: زوجي طعنني للتو", GuardCategories.CrisisViolence)]
    public void Rules_MeMatoNowAndArabicStabbedMe_Escalate(string text, string category)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [InlineData("hoy me mato trabajando para terminar la cosecha")]
    [InlineData("ya me mato de risa con ese video")]
    [InlineData("mañana me mato estudiando para el examen")]
    public void Rules_MeMatoIdioms_StayQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }
}
