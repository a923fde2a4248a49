namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Session 24, issue 6: one-word counter cues ("film", "news", "documentary") cancel a match only when they frame it
/// (its clause, or a cue-only clause right before it); a first person announcing in French or Portuguese that they will
/// kill themself is acute, so a work idiom that ends with it no longer silences it. Rules alone; our own phrasings (the
/// non-English ones need a native speaker's review).
/// </summary>
public sealed class CrisisDetectorSession24Tests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    /// <summary>Reports of violence followed, in another clause, by a one-word counter cue (main's rules silence them).</summary>
    public static TheoryData<string, string> CrisesWithACounterCueInAnotherClause => new()
    {
        { GuardCategories.CrisisViolence, "My husband hits me, I saw a documentary about it" },
        { GuardCategories.CrisisViolence, "He beat me again and I read an article about leaving" },
        { GuardCategories.CrisisViolence, "Meu marido me bate, vi uma reportagem sobre isso" },
        { GuardCategories.CrisisViolence, "Meu marido me bate todo dia e eu vi na novela que isso é crime" },
        { GuardCategories.CrisisViolence, "Mon mari me frappe, j'ai vu un documentaire" },
        { GuardCategories.CrisisViolence, "Mi marido me pega y vi un documental sobre eso" },
        { GuardCategories.CrisisViolence, "Mein Mann schlägt mich und ich habe einen Artikel darüber gelesen" },
    };

    /// <summary>Counter-speech that frames the match: the cue in the match's clause, or a cue-only clause right before it.</summary>
    public static TheoryData<string> CounterSpeechFramingTheMatch => new()
    {
        "In the film, he kills her",
        "In the novel, the character kills himself",
        "I watched a film where a man kills himself",
        "The novel's character kills himself at the end",
        "No filme, ele mata a esposa",
        "Na novela, o personagem se mata",
        "Nachrichten: Polizei nimmt Mann fest, der seine Nachbarn bedroht hat",
    };

    /// <summary>First person, future, self-kill verb next to a fr/pt work idiom: main's rules silence these.</summary>
    public static TheoryData<string> FirstPersonSelfKillNextToAnIdiom => new()
    {
        "Après le travail je vais me tuer",
        "Après le boulot je vais me tuer",
        "Depois do trabalho vou me matar",
        "Depois do trabalho eu vou me matar",
        "Depois do trabalho vou matar-me",
        "Com esse calor e esse trabalho eu vou me matar hoje",
    };

    /// <summary>The fr/pt idioms that only look like it stay quiet.</summary>
    public static TheoryData<string> IdiomsStillQuiet => new()
    {
        "Vou me matar de rir com esse vídeo",
        "Meu chefe vai me matar se eu chegar atrasada",
        "Minha mãe vai me matar se eu chegar tarde",
        "Ma mère va me tuer si je rentre tard",
        "Ce travail me tue",
        "Esse trabalho está me matando",
        "Je vais me tuer de rire",
    };

    [Theory]
    [MemberData(nameof(CrisesWithACounterCueInAnotherClause))]
    public void Rules_CounterCueInAnotherClause_DoesNotCancel(string category, string text)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [MemberData(nameof(CounterSpeechFramingTheMatch))]
    public void Rules_CounterCueFramingTheMatch_StillCancels(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [MemberData(nameof(FirstPersonSelfKillNextToAnIdiom))]
    public void Rules_FirstPersonSelfKillNextToAWorkIdiom_Escalates(string text)
    {
        Assert.Contains(GuardCategories.CrisisSelfHarm, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [MemberData(nameof(IdiomsStillQuiet))]
    public void Rules_IdiomThatOnlyLooksLikeIt_StaysQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [InlineData("flim zork me", false)] // the cue in the match's clause
    [InlineData("flim, zork me", false)] // a cue-only clause right before it
    [InlineData("zork me, flim", true)] // after the match
    [InlineData("zork me and flim", true)] // joined by a conjunction
    [InlineData("flim and zork me", true)]
    [InlineData("gorp flim, zork me", false)]
    [InlineData("zork us, flim, zork me", true)] // the second match is framed, the first is not
    [InlineData("flim: gorp, zork me", false)] // only punctuation between the cue and the match
    [InlineData("flim, gorp and zork me", true)] // a conjunction between them
    [InlineData("flim, zork us, zork me", true)] // a crisis match between the cue and the second match
    public void CounterFrames_OneWordCue_CancelsOnlyTheMatchItFrames(string text, bool escalates)
    {
        var detector = new CrisisDetector(CrisisLexicon.Parse("""
            en violence 0.9 0 zork me|us
            en counter 0 0 flim
            """));

        Assert.Equal(escalates, detector.Detect(text).CategoriesAtOrAbove(Threshold).Count > 0);
    }

    [Fact]
    public void CounterFrames_PhraseCue_KeepsItsWindow()
    {
        var detector = new CrisisDetector(CrisisLexicon.Parse("""
            en violence 0.9 0 zork me
            en counter 0 0 flim about
            """));

        Assert.Empty(detector.Detect("zork me, flim about it").CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [InlineData("work i zork", true)] // an idiom ending with the acute match does not cancel it
    [InlineData("i zork laugh", false)] // an idiom running on past it does
    public void AcuteSelfHarm_IdiomCancelsOnlyWhenItRunsOnPastTheMatch(string text, bool escalates)
    {
        var acute = new CrisisDetector(CrisisLexicon.Parse("""
            en self_harm! 0.9 0 i zork
            en idiom 0 1 work zork
            en idiom 0 0 zork laugh
            """));
        var plain = new CrisisDetector(CrisisLexicon.Parse("""
            en self_harm 0.9 0 i zork
            en idiom 0 1 work zork
            en idiom 0 0 zork laugh
            """));

        Assert.Equal(escalates, acute.Detect(text).CategoriesAtOrAbove(Threshold).Count > 0);
        Assert.Empty(plain.Detect(text).CategoriesAtOrAbove(Threshold));
    }
}
