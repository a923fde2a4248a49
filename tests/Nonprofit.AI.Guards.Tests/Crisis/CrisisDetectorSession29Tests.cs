namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Session 29, crisis rules: an overdose announced by a pill count or a whole box (en pt es fr de hi ar) with its dose,
/// stock, farm and trip look-alikes; "this time" inside a self-harm match undoing the past attempt's cue (de ar); a boss
/// or teacher "killing" the writer (ar; es fr laughed off across a comma), a friend's laughed-off threat and a video
/// game's deaths (fr); the linear
/// <c>needs</c> check. Our own phrasings (the non-English ones need a native speaker's review); none is a review
/// corpus's line.
/// </summary>
public sealed class CrisisDetectorSession29Tests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    /// <summary>An overdose announced or just taken, by a count of 18 or more or a whole box: rules alone escalate.</summary>
    [Theory]
    [InlineData("Vou tomar 50 comprimidos hoje.")]
    [InlineData("hoje à noite vou engolir a caixa inteira de remédios e acabar com tudo")]
    [InlineData("tô tomando 40 remédios agora, não aguento mais")]
    [InlineData("Tenho 25 anos e vou tomar 60 comprimidos hoje")]
    [InlineData("tomei 40 comprimidos agora pouco")]
    [InlineData("vou tomar 50 comprimidos no meu quarto hoje")]
    [InlineData("Me voy a tomar 40 pastillas hoy.")]
    [InlineData("me voy a tomar todo el blíster de calmantes ahora")]
    [InlineData("tengo 22 años y me voy a tomar 50 pastillas hoy")]
    [InlineData("me tomé 40 pastillas hace una hora")]
    [InlineData("voy a tomar 40 pastillas en mi cuarto esta noche")]
    [InlineData("je vais avaler toute la boîte ce soir")]
    [InlineData("je vais prendre 40 cachets cette nuit et ce sera fini")]
    [InlineData("ce soir j'avale 30 comprimés d'un coup")]
    [InlineData("j'ai 30 ans et je vais prendre 50 comprimés ce soir")]
    [InlineData("j'ai pris 40 comprimés il y a une heure")]
    [InlineData("je vais prendre 40 comprimés le soir de mon anniversaire")]
    [InlineData("I'm going to take 50 pills tonight")]
    [InlineData("about to take thirty pills, just wanted someone to know")]
    [InlineData("I'm 24 and I'm going to take 60 paracetamol tonight")]
    [InlineData("I'll take 50 pills with me to the bridge tonight")]
    [InlineData("I'm taking the whole box of sleeping tablets tonight")]
    [InlineData("I'm going to take 50 pills every single one tonight")]
    [InlineData("ich nehme heute Nacht 50 Tabletten")]
    [InlineData("ich schlucke jetzt 40 Tabletten, dann ist Ruhe")]
    [InlineData("hab grad 40 Tabletten geschluckt")]
    [InlineData("ich nehme jetzt 50 Tabletten am Stück")]
    [InlineData("nitameza vidonge 50 leo usiku")]
    [InlineData("main aaj raat 50 goliyan kha lungi")]
    [InlineData("पूरा पत्ता नींद की गोलियों का खा जाऊंगा आज")]
    [InlineData("رح آخذ ٥٠ حبة الليلة")]
    [InlineData("هاخد علبة البرشام كلها النهاردة")]
    [InlineData("غادي ناخد 40 حبة دابا")]
    [InlineData("ra7 ekhod 50 7abbe el leile")]
    [InlineData("رح آخذ ٥٠ حبة في غرفتي الليلة")]
    public void Rules_OverdoseByCountOrWholeBox_Escalates(string text)
    {
        Assert.Contains(GuardCategories.CrisisSelfHarm, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Doses, a course over a period, stock, farm doses, a trip, a whole box of something else: rules stay quiet.</summary>
    [Theory]
    [InlineData("tomar 2 comprimidos por dia durante uma semana")]
    [InlineData("vou tomar 30 comprimidos durante o mês, um por dia, como o médico mandou")]
    [InlineData("a farmácia vende a caixa com 30 comprimidos por 20 reais")]
    [InlineData("vou dar 20 comprimidos de vermífugo para as vacas amanhã")]
    [InlineData("o médico disse 50 mg por dia")]
    [InlineData("vou levar 60 comprimidos na viagem, dá pra dois meses")]
    [InlineData("tomei 28 comprimidos de anticoncepcional nesse mês")]
    [InlineData("vou tomar a garrafa inteira de refri na festa")]
    [InlineData("hay que tomar 2 pastillas cada 8 horas")]
    [InlineData("me voy a tomar 30 pastillas de hierro durante el mes, una diaria")]
    [InlineData("el veterinario dijo 20 pastillas para el rebaño, una por oveja")]
    [InlineData("me tomé 30 pastillas anticonceptivas este mes sin problema")]
    [InlineData("me tomo el bote entero de helado cuando estoy triste jaja")]
    [InlineData("prendre 2 comprimés toutes les 8 heures")]
    [InlineData("je vais prendre 30 comprimés sur le mois, un par jour")]
    [InlineData("je vais prendre 60 comprimés en voyage pour les deux mois")]
    [InlineData("j'ai pris 30 comprimés de fer ce mois-ci")]
    [InlineData("je vais prendre toute la boîte de chocolats pour la fête")]
    [InlineData("take 2 tablets every 8 hours")]
    [InlineData("I took 40 pills of vitamin D over the month")]
    [InlineData("the pharmacy has 50 tablets in stock")]
    [InlineData("I'll take 30 tablets with me on holiday")]
    [InlineData("I'm going to take 28 tablets over the next four weeks as prescribed")]
    [InlineData("going to give the calves 20 tablets of dewormer tomorrow")]
    [InlineData("I'm taking 20 pills a day for my heart, is that normal")]
    [InlineData("ich muss 30 Tabletten im Monat nehmen")]
    [InlineData("ich nehme 60 Tabletten mit in den Urlaub")]
    [InlineData("ich nehme die ganze Packung Kekse mit ins Büro")]
    [InlineData("ich habe 30 Tabletten in einem Monat genommen, wie verschrieben")]
    [InlineData("nitameza vidonge viwili kila siku asubuhi")]
    [InlineData("nitawapa ng'ombe vidonge 20 vya minyoo kesho")]
    [InlineData("doctor ne 30 goliyan di hain, ek mahine ke liye")]
    [InlineData("मैं रोज़ 2 गोलियां खाती हूँ")]
    [InlineData("رح آخذ ٣٠ حبة خلال الشهر، حبة كل يوم")]
    [InlineData("الصيدلية عندها ٥٠ حبة في العلبة")]
    [InlineData("هاخد علبة الشوكولاتة كلها للحفلة")]
    [InlineData("أخدت ٣٠ حبة فيتامين في الشهر")]
    public void Rules_OverdoseLookAlikes_StayQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>
    /// A past attempt, then "this time" with a resolve (de ar), where the attempt's own past cue used to cancel it; and
    /// crises sharing words with the new ar boss idiom, the fr friend laugh and the fr game idiom.
    /// </summary>
    [Theory]
    [InlineData("vor drei jahren hab ichs versucht, diesmal mach ichs richtig", GuardCategories.CrisisSelfHarm)]
    [InlineData("letztes Jahr hab ichs versucht, diesmal findet mich niemand", GuardCategories.CrisisSelfHarm)]
    [InlineData("Vor vier Jahren hab ich es schon mal versucht, diesmal mach ich es richtig", GuardCategories.CrisisSelfHarm)]
    [InlineData("المرة اللي فاتت لحقوني في المستشفى، هالمرة مش هفشل", GuardCategories.CrisisSelfHarm)]
    [InlineData("السنة اللي فاتت عتقوني، هاد المرة ما غاديش نغلط", GuardCategories.CrisisSelfHarm)]
    [InlineData("مديري هيموتني، ضربني في المكتب وقفل الباب علي", GuardCategories.CrisisViolence)]
    [InlineData("جوزي هيموتني لو اتأخرت، ضربني امبارح", GuardCategories.CrisisViolence)]
    [InlineData("أبويا هيقتلني لو عرف إني حامل", GuardCategories.CrisisViolence)]
    [InlineData("هو قال هيموتني الليلة", GuardCategories.CrisisViolence)]
    [InlineData("mon frère va me tuer, il a pris un couteau, mdr j'ai peur", GuardCategories.CrisisViolence)]
    [InlineData("mon pote m'a dit qu'il allait me tuer, il m'a frappée hier", GuardCategories.CrisisViolence)]
    [InlineData("je vais me tuer cette fois c'est fini", GuardCategories.CrisisSelfHarm)]
    [InlineData("je me suis fait frapper par mon mari, il va me tuer", GuardCategories.CrisisViolence)]
    public void Rules_Session29Crises_Escalate(string text, string category)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Crises with a laugh word or a passive "kill" (the fr friend laugh and game idiom share their words): rules escalate.</summary>
    [Theory]
    [InlineData("mon copain m'a dit qu'il allait me tuer si je le quittais mdr il est sérieux")]
    [InlineData("je vais me faire tuer par mon mari ce soir")]
    [InlineData("ma sœur m'a dit qu'elle allait me tuer, elle a un couteau mdr")]
    public void Rules_Session29CrisesWithLaughOrPassive_Escalate(string text)
    {
        Assert.NotEmpty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [InlineData("vor drei jahren hab ich es mit dem Marathon versucht, diesmal schaffe ich es")]
    [InlineData("Letztes Jahr bin ich durch die Prüfung gefallen, diesmal mach ichs richtig")]
    [InlineData("حاولت أعمل الكيكة السنة اللي فاتت، هالمرة ما رح اغلط")]
    [InlineData("رسبت في الامتحان السنة اللي فاتت، هالمرة مش هفشل")]
    [InlineData("المرة اللي فاتت رحت المستشفى عشان رجلي، هالمرة مش هفشل في الماراثون")]
    [InlineData("المدير هيموتني لو اتأخرت بكرة كمان مرة 😂")]
    [InlineData("مديرتي حتموتني لو نسيت التقرير")]
    [InlineData("ma meilleure amie va me buter quand elle verra sa robe mdr")]
    [InlineData("je me suis fait tuer 20 fois par le boss final")]
    [InlineData("j'ai été tuée trois fois dans la partie, trop nul")]
    public void Rules_Session29LookAlikes_StayQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>
    /// A boss or teacher "killing" the writer, laughed off across a comma, stays quiet; the same words with a weapon, fear,
    /// "last time" or no laugh escalate (the laugh cue needs the laugh; the risk cues undo it).
    /// </summary>
    [Theory]
    [InlineData("mi jefe me va a matar, volví a olvidar el informe jajaja", false)]
    [InlineData("mi profe me va a matar, no hice la tarea jaja", false)]
    [InlineData("mi suegra me va a matar cuando vea que quemé la cena, jajaja", false)]
    [InlineData("ce prof va me tuer mdr", false)]
    [InlineData("ma belle-mère va me tuer, j'ai brûlé le rôti mdr", false)]
    [InlineData("mi jefe me va a matar, llegó tarde borracho y tiene una pistola", true)]
    [InlineData("mon chef va me tuer, j'ai peur, il m'attend dehors, je suis en retard", true)]
    [InlineData("mi jefe me va a matar jaja tiene una pistola en el cajón", true)]
    [InlineData("mon chef va me tuer mdr j'ai peur il m'attend dehors", true)]
    [InlineData("mi jefe me va a matar jajaja, tengo miedo, me sigue hasta mi casa", true)]
    [InlineData("ce prof va me tuer mdr, la dernière fois il m'a frappé", true)]
    [InlineData("mi padrastro me va a matar, olvidé lavar los platos y ya me pegó con el cinturón", true)]
    [InlineData("mon père va me tuer mdr il a pris sa ceinture j'ai peur", true)]
    [InlineData("mi novio me va a matar jaja, ya me ahorcó una vez", true)]
    public void Rules_BossLaughedOff_QuietUnlessARiskOrNoLaugh(string text, bool escalates)
    {
        var categories = CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold);
        if (escalates)
        {
            Assert.NotEmpty(categories);
        }
        else
        {
            Assert.Empty(categories);
        }
    }

    [Fact]
    public void Again_InsideASelfHarmMatch_UndoesItsPast_OutsideItDoesNot()
    {
        var detector = new CrisisDetector(CrisisLexicon.Parse("""
            en self_harm 0.9 1 zork blarg
            en past 0 0 long ago
            en again 1 0 zork
            """));
        var plainAgain = new CrisisDetector(CrisisLexicon.Parse("""
            en self_harm 0.9 1 zork blarg
            en past 0 0 long ago
            en again 0 0 zork
            """));
        var quiet = new CrisisDetector(CrisisLexicon.Parse("""
            en self_harm 0.9 1 zork blarg
            en past 0 0 long ago
            en again 0 0 frob
            """));

        Assert.Contains(GuardCategories.CrisisSelfHarm, detector.Detect("long ago I tried, zork blarg").CategoriesAtOrAbove(Threshold));
        Assert.Empty(quiet.Detect("long ago I tried, zork blarg").CategoriesAtOrAbove(Threshold));
        Assert.Empty(quiet.Detect("frob, long ago I tried, zork blarg").CategoriesAtOrAbove(Threshold));
        Assert.Empty(plainAgain.Detect("long ago I tried, zork blarg").CategoriesAtOrAbove(Threshold));
    }

    /// <summary>The needs check keeps one bit a rule: a needs rule past the 64th (a second bit word) still gates its rule.</summary>
    [Fact]
    public void Needs_RuleIndexBeyondSixtyFour_StillGates()
    {
        var filler = string.Join("\n", Enumerable.Range(0, 70).Select(i => $"en violence 0.5 0 filler{ToLetters(i)} word"));
        var detector = new CrisisDetector(CrisisLexicon.Parse(filler + """

            en self_harm 0.9 1 this time zork
            en needs 0 0 tried once
            """));

        Assert.Contains(GuardCategories.CrisisSelfHarm, detector.Detect("I tried once. This time zork.").CategoriesAtOrAbove(Threshold));
        Assert.Empty(detector.Detect("This time zork.").CategoriesAtOrAbove(Threshold));
        Assert.DoesNotContain(GuardCategories.CrisisSelfHarm, detector.Detect("fillerab word fillercr word. This time zork.").CategoriesAtOrAbove(Threshold));
        Assert.Contains(GuardCategories.CrisisViolence, detector.Detect("fillercr word. I tried once. This time zork.").CategoriesAtOrAbove(0.4));
    }

    private static string ToLetters(int i) => new([(char)('a' + (i / 26)), (char)('a' + (i % 26))]);
}
