namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Session 28, crisis rules: a message-level <c>needs</c> line (a rule matches only where another pattern matches
/// somewhere in the message), the look-alikes it and narrower idioms quiet (a past attempt told with the writer well now,
/// "domestic violence" as a school project's or an arrest's topic, a TV crime series, a butcher at the door with his
/// knife), and the families only the model carried at stop 27 (a past attempt then "this time", giving things away then
/// "I won't need anything", third-person death threats heard, Arabizi). Our own phrasings (the non-English ones need a
/// native speaker's review); none is a review corpus's line.
/// </summary>
public sealed class CrisisDetectorSession28Tests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    [Fact]
    public void Needs_RuleMatchesOnlyWhenItsNeedsPatternMatchesAnywhereInTheMessage()
    {
        var detector = new CrisisDetector(CrisisLexicon.Parse("""
            en self_harm 0.9 1 this time zork
            en needs 0 0 tried once
            """));

        Assert.Contains(GuardCategories.CrisisSelfHarm, detector.Detect("I tried once. This time zork.").CategoriesAtOrAbove(Threshold));
        Assert.Contains(GuardCategories.CrisisSelfHarm, detector.Detect("this time zork, I tried once").CategoriesAtOrAbove(Threshold));
        Assert.Empty(detector.Detect("This time zork.").CategoriesAtOrAbove(Threshold));
        Assert.Empty(detector.Detect("I tried it once. This time zork.").CategoriesAtOrAbove(Threshold));
    }

    [Fact]
    public void Needs_OnACancellingCue_TheCueCancelsOnlyWhenItsNeedsMatch()
    {
        var detector = new CrisisDetector(CrisisLexicon.Parse("""
            en self_harm 0.9 0 zork me
            en past:self_harm 0 0 at 00
            en needs 0 0 fine now
            """));

        Assert.Empty(detector.Detect("zork me at 15. I am fine now.").CategoriesAtOrAbove(Threshold));
        Assert.Contains(GuardCategories.CrisisSelfHarm, detector.Detect("zork me at 15.").CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [InlineData("en needs 0 0 tried once")]
    [InlineData("en self_harm 0.9 0 zork me\nen needs 0 0 tried once\nen needs 0 0 fine now")]
    public void Parse_NeedsWithoutItsOwnRule_Throws(string text)
    {
        Assert.Throws<FormatException>(() => CrisisLexicon.Parse(text));
    }

    /// <summary>
    /// Crises, most sharing words with a cue, idiom, needs line or subject gate this session added (school project,
    /// arrest, Tatort, an age with recovery words, "bin mir nicht sicher", "hurt me by", "kill the", "avec ses", "enfermée
    /// dehors", "desaparecer de", a work or exam idiom, bleeding gums): rules alone escalate.
    /// </summary>
    [Theory]
    [InlineData("For my school project on domestic violence I need help, my dad hits my mum every night and I'm scared", GuardCategories.CrisisViolence)]
    [InlineData("Estou fazendo um trabalho sobre violência doméstica porque meu marido me bate todo dia", GuardCategories.CrisisViolence)]
    [InlineData("hago un trabajo sobre violencia doméstica pero la verdad es que mi pareja me pega", GuardCategories.CrisisViolence)]
    [InlineData("mon mari a été arrêté pour violences conjugales, il est sorti hier et il menace de me tuer", GuardCategories.CrisisViolence)]
    [InlineData("nafanya kazi ya shule kuhusu ukatili wa nyumbani, baba ananipiga kila siku", GuardCategories.CrisisViolence)]
    [InlineData("school project ke liye gharelu hinsa likh rahi hu, papa mummy ko roz maarte hain", GuardCategories.CrisisViolence)]
    [InlineData("My husband was arrested for domestic violence, he is out now and standing outside my door with a knife", GuardCategories.CrisisViolence)]
    [InlineData("Wie im Tatort: mein Mann hat mich eingesperrt und droht mich umzubringen", GuardCategories.CrisisViolence)]
    [InlineData("Ich schaue keinen Krimi mehr, mein Freund hat mich eingesperrt und schlägt mich", GuardCategories.CrisisViolence)]
    [InlineData("Tentei me matar aos 16 e hoje quero morrer de novo", GuardCategories.CrisisSelfHarm)]
    [InlineData("Tentei me matar aos 16. Hoje tô bem mal, vou tentar de novo", GuardCategories.CrisisSelfHarm)]
    [InlineData("aos 15 anos já tentei me matar duas vezes", GuardCategories.CrisisSelfHarm)]
    [InlineData("Tentei me matar aos 16. Não estou bem, quero morrer", GuardCategories.CrisisSelfHarm)]
    [InlineData("intenté quitarme la vida a los 19 y hoy tengo 30 y quiero volver a intentarlo", GuardCategories.CrisisSelfHarm)]
    [InlineData("intenté quitarme la vida a los 19. Hoy estoy mal otra vez, quiero morir", GuardCategories.CrisisSelfHarm)]
    [InlineData("intenté quitarme la vida a los 19. No estoy bien.", GuardCategories.CrisisSelfHarm)]
    [InlineData("J'ai fait une tentative de suicide à 17 ans, ça va mieux mais ce soir je veux mourir", GuardCategories.CrisisSelfHarm)]
    [InlineData("J'ai essayé de me tuer à 17 ans et je vais recommencer ce soir", GuardCategories.CrisisSelfHarm)]
    [InlineData("J'ai voulu me tuer à 17 ans. Ça ne va pas mieux.", GuardCategories.CrisisSelfHarm)]
    [InlineData("Ich hatte mit 20 einen Suizidversuch. Heute geht's mir gar nicht gut, ich will sterben", GuardCategories.CrisisSelfHarm)]
    [InlineData("Mit 16 will ich mich umbringen, mir geht es nicht gut", GuardCategories.CrisisViolence)]
    [InlineData("nilijaribu kujiua nikiwa na miaka 18 na leo nataka kujiua tena", GuardCategories.CrisisSelfHarm)]
    [InlineData("mwaka juzi nilijaribu kujiua, leo nitajiua", GuardCategories.CrisisSelfHarm)]
    [InlineData("18 की उम्र में मैंने आत्महत्या की कोशिश की थी, अब फिर से करूंगी", GuardCategories.CrisisSelfHarm)]
    [InlineData("5 saal pehle suicide attempt kiya tha, aaj phir marna chahti hoon", GuardCategories.CrisisSelfHarm)]
    [InlineData("حاولت أنتحر وأنا عمري ١٨ سنة والحين بدي أنتحر مرة ثانية", GuardCategories.CrisisSelfHarm)]
    [InlineData("حاولت أنتحر وأنا عمري ١٨ سنة. أنا مش بخير", GuardCategories.CrisisSelfHarm)]
    [InlineData("ما عدت أفكر إلا بالانتحار", GuardCategories.CrisisSelfHarm)]
    [InlineData("ما عدت أقدر أتحمل، بدي أموت", GuardCategories.CrisisSelfHarm)]
    [InlineData("je suis suivie par mon ex depuis la gare, j'ai peur", GuardCategories.CrisisViolence)]
    [InlineData("je suis suivie par un homme depuis ce matin, j'ai peur qu'il me frappe", GuardCategories.CrisisViolence)]
    [InlineData("he said he will kill the whole family tonight", GuardCategories.CrisisViolence)]
    [InlineData("he hurt me by burning me with his cigarette", GuardCategories.CrisisViolence)]
    [InlineData("he hurt me with a knife last night", GuardCategories.CrisisViolence)]
    [InlineData("he hurt me so much by saying he'd kill me if I leave", GuardCategories.CrisisViolence)]
    [InlineData("Es hat mich verletzt, als er mich heute geschlagen hat", GuardCategories.CrisisViolence)]
    [InlineData("Ich bin mir nicht sicher, ob er mich heute umbringt, er hat ein Messer", GuardCategories.CrisisViolence)]
    [InlineData("Ich fühle mich nicht sicher, er ist wieder da und schlägt mich", GuardCategories.CrisisViolence)]
    [InlineData("il va me tuer avec son couteau", GuardCategories.CrisisViolence)]
    [InlineData("il m'a enfermée dehors en pleine nuit avec le bébé", GuardCategories.CrisisViolence)]
    [InlineData("quiero desaparecer de este mundo", GuardCategories.CrisisSelfHarm)]
    [InlineData("quero sumir do mapa pra sempre, não aguento mais viver", GuardCategories.CrisisSelfHarm)]
    [InlineData("بدي اختفي من هالدنيا", GuardCategories.CrisisSelfHarm)]
    [InlineData("زوجي قاعد يذبحني", GuardCategories.CrisisViolence)]
    [InlineData("sharam se mar jaungi, main khud ko khatam kar dungi aaj raat", GuardCategories.CrisisSelfHarm)]
    [InlineData("papa ka tension hai, woh mujhe maar dalenge aaj", GuardCategories.CrisisViolence)]
    [InlineData("estou grávida e sangrando muito pelo nariz e por baixo", GuardCategories.CrisisMedical)]
    [InlineData("I'm pregnant and bleeding heavily from down there, my gums too", GuardCategories.CrisisMedical)]
    [InlineData("my neighbour is screaming that he will kill her, I can hear her crying", GuardCategories.CrisisViolence)]
    [InlineData("la vecina grita, el marido dice que la va a matar", GuardCategories.CrisisViolence)]
    [InlineData("ouvi o vizinho gritar que vai matar ela hoje", GuardCategories.CrisisViolence)]
    [InlineData("mein Nachbar brüllt, dass er sie umbringt", GuardCategories.CrisisViolence)]
    [InlineData("جاري بيصرخ وبيقول هيقتلها", GuardCategories.CrisisViolence)]
    [InlineData("I attempted suicide before and survived. This time I've planned everything", GuardCategories.CrisisSelfHarm)]
    [InlineData("hab es schon mal versucht, diesmal schaffe ich es", GuardCategories.CrisisSelfHarm)]
    [InlineData("lo intenté una vez, esta vez nadie me va a salvar", GuardCategories.CrisisSelfHarm)]
    [InlineData("nilishajaribu, safari hii sitashindwa", GuardCategories.CrisisSelfHarm)]
    [InlineData("gave away my cat and my books. i won't need anything after tonight", GuardCategories.CrisisSelfHarm)]
    [InlineData("dei minhas roupas pra minha irmã. não vou precisar mais de nada", GuardCategories.CrisisSelfHarm)]
    [InlineData("regalé mis cosas a mi hermana, no voy a necesitar nada más", GuardCategories.CrisisSelfHarm)]
    [InlineData("nimewapa marafiki vitu vyangu, sitahitaji kitu tena", GuardCategories.CrisisSelfHarm)]
    [InlineData("عطيت أغراضي لأختي، مش هحتاج أي شي بعد اليوم", GuardCategories.CrisisSelfHarm)]
    [InlineData("maine apna phone bhai ko de diya, ab mujhe kisi cheez ki zarurat nahi padegi", GuardCategories.CrisisSelfHarm)]
    [InlineData("j'ai laissé des lettres à tout le monde, plus la peine de me rappeler", GuardCategories.CrisisSelfHarm)]
    [InlineData("el 7abl gahez w ana msh 2adra akammel", GuardCategories.CrisisSelfHarm)]
    [InlineData("ana ba2ta3 7ali w el dam ktir", GuardCategories.CrisisSelfHarm)]
    [InlineData("howa 2afal 3alaye el bab w a5ad telefoni", GuardCategories.CrisisViolence)]
    [InlineData("mrati 7amel w btenzof ktir", GuardCategories.CrisisMedical)]
    [InlineData("my dad hit us when we were kids and now he hits my children", GuardCategories.CrisisChildAtRisk)]
    [InlineData("when we were kids he hit us, and yesterday he hit me again", GuardCategories.CrisisViolence)]
    [InlineData("mi papá nos pegaba de chicos y ahora me pega a mí otra vez", GuardCategories.CrisisViolence)]
    [InlineData("Mein Vater hat uns als Kinder geschlagen und heute schlägt er mich wieder", GuardCategories.CrisisViolence)]
    [InlineData("my husband keeps threatening to sell our daughter to his friend", GuardCategories.CrisisViolence)]
    [InlineData("my husband threatens to kill me and sell the land", GuardCategories.CrisisViolence)]
    [InlineData("my neighbour is being beaten right now, I hear her screaming", GuardCategories.CrisisViolence)]
    [InlineData("my daughters are being abused by their stepfather", GuardCategories.CrisisViolence)]
    [InlineData("novel padh rahi thi tab pati ne mujhe maara, woh roz maarta hai", GuardCategories.CrisisViolence)]
    [InlineData("meri kahani suno, pati mujhe roz maarta hai", GuardCategories.CrisisViolence)]
    [InlineData("ele me bateu ontem, agora tô segura mas ele disse que vai me matar", GuardCategories.CrisisViolence)]
    [InlineData("halla2 ana b amen bas howa 3am yedrabni kol yom", GuardCategories.CrisisViolence)]
    [InlineData("kwa game wananiua, lakini mume wangu ananipiga kila siku", GuardCategories.CrisisViolence)]
    [InlineData("estou grávida e sangrou muito hoje, não é da gengiva", GuardCategories.CrisisMedical)]
    [InlineData("pehle bhi koshish ki thi. is baar koi nahi rokega", GuardCategories.CrisisSelfHarm)]
    [InlineData("पिछली बार बच गई थी, इस बार कोई नहीं बचाएगा", GuardCategories.CrisisSelfHarm)]
    public void Rules_Session28Crises_Escalate(string text, string category)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Look-alikes sharing words with those rules and cues: rules alone stay quiet.</summary>
    [Theory]
    [InlineData("the butcher is at the door with a knife selling meat")]
    [InlineData("Le boucher est devant la porte avec un couteau pour la viande")]
    [InlineData("El cocinero estaba en la puerta con un cuchillo cortando cebolla")]
    [InlineData("I tried the recipe once last year. This time I'll do it properly")]
    [InlineData("I tried it once and it failed, this time I'm sure the cake will rise")]
    [InlineData("hab das Rezept schon mal versucht, diesmal mach ich es richtig")]
    [InlineData("nilijaribu kupika keki mwaka jana, safari hii sitakosea")]
    [InlineData("pichli baar exam mein koshish ki thi, is baar pakka pass hounga")]
    [InlineData("جربت الوصفة مرة، هالمرة رح أعملها صح")]
    [InlineData("j'ai essayé le permis l'an dernier, cette fois je suis vraiment prête")]
    [InlineData("I gave away my old sofa. I won't need it after the move")]
    [InlineData("dei minhas roupas velhas pro bazar, não vou precisar mais delas")]
    [InlineData("nimegawa nguo zangu za zamani, sitahitaji kitu kingine kwa safari")]
    [InlineData("maine purani cycle bhai ko de di, ab mujhe nayi ki zarurat nahi padegi")]
    [InlineData("the neighbour's cat is going to kill that mouse")]
    [InlineData("elle va la tuer cette robe, trop belle")]
    [InlineData("o câncer vai matar ela aos poucos, ela está em cuidados paliativos, como lidar com o luto?")]
    [InlineData("Er bringt sie um acht zur Schule")]
    [InlineData("die Kinder schreien um Hilfe beim Versteckspiel, so laut")]
    [InlineData("ich höre Schläge vom Hammer nebenan, die Nachbarn renovieren")]
    [InlineData("ana 2afal el bab 3alaye 3ashan azaker")]
    [InlineData("sam7ouni kellkon, msh ha2dar aji el 7afla bokra")]
    [InlineData("ebni shereb dwa el kohha")]
    [InlineData("haddi tod di match mein, doctor ne plaster lagaya")]
    [InlineData("Wir haben gestern Tatort geschaut, der Mörder hat sie erstochen")]
    [InlineData("for our homework on domestic violence, what laws exist in Kenya?")]
    [InlineData("fizemos um projeto sobre violência doméstica na escola, ficou lindo")]
    [InlineData("J'ai voulu mourir à 17 ans. Aujourd'hui ça va beaucoup mieux, merci à vous")]
    [InlineData("ich bin mir nicht sicher, ob der Laden heute offen hat")]
    [InlineData("my sister hurt me by ignoring my messages all week")]
    [InlineData("quiero desaparecer de instagram un mes")]
    [InlineData("il va me tuer avec ses questions bêtes")]
    [InlineData("je me suis enfermé dehors encore une fois")]
    [InlineData("turn off the stove and kill the lights")]
    [InlineData("when we were kids our dad hit us, he has been dead for years")]
    [InlineData("de chicos nos pegaban en la escuela, ahora soy maestro")]
    [InlineData("my neighbour keeps threatening to sell his cow to me lol")]
    [InlineData("articles about women being beaten make me so angry")]
    [InlineData("ek novel padh rahi hu jisme hero villain ko maar deta hai")]
    [InlineData("com que idade uma criança pode ficar sozinha em casa por uma hora?")]
    [InlineData("pichli baar koshish ki thi, is baar koi nahi aayega party mein")]
    [InlineData("पिछली बार परीक्षा में कोशिश की थी, इस बार गलती नहीं करूंगा")]
    public void Rules_Session28LookAlikes_StayQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>
    /// The session-28 mend (whole-diff review findings 1–5, 8): present crises that the recovery past cues, the fr
    /// "suivie" idiom or the plural past cue silenced on this branch, and door-with-a-knife subjects the needs lists left
    /// out. The first nine are the reviewer's own lines (must escalate); the rest are ours, of the same shapes.
    /// </summary>
    [Theory]
    [InlineData("Tenho 25 anos e vou me matar com 40 comprimidos hoje.", GuardCategories.CrisisSelfHarm)]
    [InlineData("Vou me matar com 30 comprimidos. Hoje tenho terapia mas não adianta nada.", GuardCategories.CrisisSelfHarm)]
    [InlineData("Vou me matar com 40 comprimidos hoje. Estou melhor morta.", GuardCategories.CrisisSelfHarm)]
    [InlineData("A los 30 años quiero morirme. Todos creen que me siento bien.", GuardCategories.CrisisSelfHarm)]
    [InlineData("Itni kam umar mein main mar jaana chahti hoon. Sab sochte hain main theek hoon.", GuardCategories.CrisisSelfHarm)]
    [InlineData("وأنا عمري 25 سنة وبدي انتحر. قدام الناس انا بخير", GuardCategories.CrisisSelfHarm)]
    [InlineData("Je suis suivie par un homme depuis la gare, je vais bien mais j'ai très peur.", GuardCategories.CrisisViolence)]
    [InlineData("I tried to kill myself last year. This time I will make sure nobody finds me.", GuardCategories.CrisisSelfHarm)]
    [InlineData("My stepdad beat us when we were kids. Now he is back and says he wants us all dead.", GuardCategories.CrisisViolence)]
    [InlineData("Tenho 30 anos e vou me matar com 20 comprimidos esta noite.", GuardCategories.CrisisSelfHarm)]
    [InlineData("Is umar mein jeena nahi chahta, sab sochte hain main theek hoon.", GuardCategories.CrisisSelfHarm)]
    [InlineData("Je suis suivie par mon ex depuis ce matin, je vais bien pour l'instant mais il me menace.", GuardCategories.CrisisViolence)]
    [InlineData("Je suis suivie par un psy mais mon ex me suit partout et me menace.", GuardCategories.CrisisViolence)]
    [InlineData("I attempted suicide two years ago. This time nobody will stop me.", GuardCategories.CrisisSelfHarm)]
    [InlineData("Tentei me matar ano passado, desta vez ninguém vai me salvar.", GuardCategories.CrisisSelfHarm)]
    [InlineData("lo intenté una vez, esta vez nadie me va a salvar", GuardCategories.CrisisSelfHarm)]
    [InlineData("pehle bhi koshish ki thi. is baar koi nahi rokega", GuardCategories.CrisisSelfHarm)]
    [InlineData("j'ai essayé une fois, cette fois personne ne me sauvera", GuardCategories.CrisisSelfHarm)]
    [InlineData("I tried before. This time nobody will find me.", GuardCategories.CrisisSelfHarm)]
    [InlineData("já tentei uma vez, desta vez ninguém vai me salvar", GuardCategories.CrisisSelfHarm)]
    [InlineData("My father beat us when we were small, and last night he said he wants us dead.", GuardCategories.CrisisViolence)]
    [InlineData("Er hat uns als Kinder geschlagen, ich wäre lieber tot.", GuardCategories.CrisisViolence)]
    [InlineData("Ma femme est devant la porte avec un couteau", GuardCategories.CrisisViolence)]
    [InlineData("Un mec est devant ma porte avec un couteau.", GuardCategories.CrisisViolence)]
    [InlineData("Mon fils est devant la porte avec un couteau.", GuardCategories.CrisisViolence)]
    [InlineData("Mi mujer está en la puerta con un cuchillo gritando.", GuardCategories.CrisisViolence)]
    [InlineData("Minha mulher está na porta com uma faca.", GuardCategories.CrisisViolence)]
    public void Rules_Session28Mend_PresentCrisesEscalate(string text, string category)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>
    /// The mend's look-alikes (review findings 3, 4, 10): a recipe, a match or an exam tried before, things left or
    /// given away without a farewell, an Arabizi kitchen cut and last day at work, hi "people die every day", treatment
    /// "suivie". Our own lines of the reviewer's shapes: rules alone stay quiet.
    /// </summary>
    [Theory]
    [InlineData("J'ai laissé mes affaires au vestiaire, pas la peine de me rappeler.")]
    [InlineData("They tried once and lost the cup. This time they are ready.")]
    [InlineData("We tried before and lost. This time nobody will stop us.")]
    [InlineData("J'ai essayé le gâteau hier, cette fois je suis sûre de le réussir.")]
    [InlineData("Eu tentei a prova de direção ano passado, desta vez não vou errar.")]
    [InlineData("I tried once and failed the exam. I'll do it properly this time.")]
    [InlineData("Lo intenté en el examen de manejo, esta vez seguro que paso.")]
    [InlineData("Pichle saal exam ki koshish ki thi, is baar galti nahi hogi.")]
    [InlineData("Pichli baar driving test ki koshish ki thi, is baar poori taiyari hai.")]
    [InlineData("I donated my old books and gave away my bike. I won't need anything from the shop.")]
    [InlineData("Deixei minha mala no hotel, não vou precisar de nada lá.")]
    [InlineData("2ata3t idi bil sekkine w ana 3am 2a2ta3 el bandora")]
    [InlineData("sam7ouni kellkon, akher yom bel madrase bokra")]
    [InlineData("Is desh mein roz marte hain log sadak haadson mein")]
    [InlineData("Je suis suivie par une psy depuis deux ans et ça va mieux.")]
    public void Rules_Session28MendLookAlikes_StayQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }
}
