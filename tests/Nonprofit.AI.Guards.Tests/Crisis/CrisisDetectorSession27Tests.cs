namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Session 27, crisis rules: the misses and false alarms left at stop 26 (a phrase counter cue across a comma, one-word
/// counter cues inside compounds such as "report card", a mother's threat with being thrown out, Arabic "small" next to a
/// child word, a weapon or "last time" that kept a kitchen joke from being one), families only the model carried
/// (strangulation, letters and goodbyes to the family, gathering pills, a coded "call me and ask about…", the ex at the
/// school gate with a knife, a drooping face with slurred speech, an abuser "like this" again with the last injury named,
/// hopelessness with the means at hand).
/// Our own phrasings (the non-English ones need a native speaker's review).
/// </summary>
public sealed class CrisisDetectorSession27Tests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    /// <summary>Crises, several sharing words with a cue, idiom or gate this session added or narrowed: rules alone escalate.</summary>
    [Theory]
    [InlineData("I am against violence, he hits me every night", GuardCategories.CrisisViolence)]
    [InlineData("Je suis contre la violence, il me frappe tous les soirs", GuardCategories.CrisisViolence)]
    [InlineData("Estoy en contra de la violencia, él me pega todos los días", GuardCategories.CrisisViolence)]
    [InlineData("Sou contra a violência, ele me bate todo dia", GuardCategories.CrisisViolence)]
    [InlineData("Ich bin gegen Gewalt, er schlägt mich jeden Tag", GuardCategories.CrisisViolence)]
    [InlineData("main hinsa ke khilaf hoon, woh mujhe roz maarta hai", GuardCategories.CrisisViolence)]
    [InlineData("Mum saw my report card lol she hits me with a belt every time", GuardCategories.CrisisViolence)]
    [InlineData("mummy maar degi aaj, pichli baar ghar se nikal diya tha", GuardCategories.CrisisViolence)]
    [InlineData("मम्मी मार देगी, पिछली बार घर से निकाल दिया था", GuardCategories.CrisisViolence)]
    [InlineData("طفل صغير وحده في سيارة مقفولة والشمس حارة", GuardCategories.CrisisChildAtRisk)]
    [InlineData("ابني الصغير محبوس في السيارة والجو حر", GuardCategories.CrisisChildAtRisk)]
    [InlineData("il m'a serré le cou hier soir jusqu'à ce que je tombe", GuardCategories.CrisisViolence)]
    [InlineData("il m'a pris à la gorge ce soir", GuardCategories.CrisisViolence)]
    [InlineData("he put his hands around my neck last night", GuardCategories.CrisisViolence)]
    [InlineData("mi novio me ahorcó con las manos ayer", GuardCategories.CrisisViolence)]
    [InlineData("me apretó el cuello anoche hasta que no podía respirar", GuardCategories.CrisisViolence)]
    [InlineData("meu namorado me esganou ontem", GuardCategories.CrisisViolence)]
    [InlineData("ele apertou meu pescoço ontem à noite", GuardCategories.CrisisViolence)]
    [InlineData("er hat mir den Hals zugedrückt", GuardCategories.CrisisViolence)]
    [InlineData("mume wangu alinibana shingo jana", GuardCategories.CrisisViolence)]
    [InlineData("usne kal raat mera gala daba diya", GuardCategories.CrisisViolence)]
    [InlineData("उसने मेरा गला दबाया", GuardCategories.CrisisViolence)]
    [InlineData("مسك رقبتي وضغط عليها", GuardCategories.CrisisViolence)]
    [InlineData("J'ai écrit une lettre à chacun de mes enfants, je les aime, ils comprendront plus tard", GuardCategories.CrisisSelfHarm)]
    [InlineData("Escribí una carta a mis hijos, díganles que los quise mucho", GuardCategories.CrisisSelfHarm)]
    [InlineData("Ich habe meinen Kindern Briefe geschrieben, sagt ihnen, dass ich sie liebe", GuardCategories.CrisisSelfHarm)]
    [InlineData("tell my mum it's not her fault, I couldn't go on", GuardCategories.CrisisSelfHarm)]
    [InlineData("díganle a mi mamá que no fue su culpa, adiós", GuardCategories.CrisisSelfHarm)]
    [InlineData("papa ko kehna ki unki galti nahi thi, alvida", GuardCategories.CrisisSelfHarm)]
    [InlineData("قولوا لأمي إنه مش ذنبها، مع السلامة", GuardCategories.CrisisSelfHarm)]
    [InlineData("je ne vois plus l'intérêt, je rassemble les comprimés", GuardCategories.CrisisSelfHarm)]
    [InlineData("call me and ask about the recipe, he is right next to me", GuardCategories.CrisisViolence)]
    [InlineData("appelle-moi et demande-moi pour la recette, il est à côté de moi", GuardCategories.CrisisViolence)]
    [InlineData("Llámame y pregúntame por la receta, él está aquí a mi lado", GuardCategories.CrisisViolence)]
    [InlineData("ruf mich an und frag nach dem Rezept, er sitzt neben mir", GuardCategories.CrisisViolence)]
    [InlineData("اتصلي بي واسأليني عن الوصفة، هو جنبي", GuardCategories.CrisisViolence)]
    [InlineData("my ex is at the school gate with a knife", GuardCategories.CrisisViolence)]
    [InlineData("mon ex est devant l'école avec un couteau", GuardCategories.CrisisViolence)]
    [InlineData("mi ex está en la puerta del colegio con un cuchillo", GuardCategories.CrisisViolence)]
    [InlineData("ex wangu yuko getini shuleni na kisu", GuardCategories.CrisisViolence)]
    [InlineData("طليقي واقف قدام المدرسة ومعاه سكينة", GuardCategories.CrisisViolence)]
    [InlineData("my mum's face is drooping on one side and her speech is slurred", GuardCategories.CrisisMedical)]
    [InlineData("Das Gesicht meines Vaters hängt auf einer Seite und er spricht verwaschen", GuardCategories.CrisisMedical)]
    [InlineData("Uso wa baba umelegea upande mmoja na anaongea kwa shida", GuardCategories.CrisisMedical)]
    [InlineData("papa ka chehra ek taraf latak gaya hai aur bol nahi pa rahe", GuardCategories.CrisisMedical)]
    [InlineData("पापा का चेहरा एक तरफ लटक गया है और बोल नहीं पा रहे", GuardCategories.CrisisMedical)]
    [InlineData("وش أبوي مايل على جنب وكلامه ثقيل", GuardCategories.CrisisMedical)]
    [InlineData("mon père a le visage qui tombe d'un côté et il n'arrive pas à parler", GuardCategories.CrisisMedical)]
    [InlineData("he's like this again, last time he was like this I had a broken arm", GuardCategories.CrisisViolence)]
    [InlineData("ele tá daquele jeito, da última vez fui parar no hospital com o braço quebrado", GuardCategories.CrisisViolence)]
    [InlineData("رجع معصب زي المرة اللي فاتت لما كسر إيدي ودخلت المستشفى", GuardCategories.CrisisViolence)]
    [InlineData("Mum will kill me when she sees the kitchen lol last time she came at me with a knife", GuardCategories.CrisisViolence)]
    [InlineData("ma mère va me tuer si je rentre tard mdr la dernière fois elle a sorti un couteau", GuardCategories.CrisisViolence)]
    [InlineData("Durante o trabalho da escola ele me bateu", GuardCategories.CrisisViolence)]
    [InlineData("I'm writing a school project about how my dad hits me every day", GuardCategories.CrisisViolence)]
    [InlineData("أنا ضد العنف، طليقي خنقني امبارح", GuardCategories.CrisisViolence)]
    [InlineData("طليقي برا البيت ومعاه سكينة", GuardCategories.CrisisViolence)]
    [InlineData("Bad news: he hit me again last night", GuardCategories.CrisisViolence)]
    [InlineData("Habari gani, baba ananipiga kila siku", GuardCategories.CrisisViolence)]
    [InlineData("ما عدت أقدر أتحمل. ما عدت أقدر أتحمل. ما عدت أقدر أتحمل.", GuardCategories.CrisisSelfHarm)]
    [InlineData("مش قادر أستحمل الحر، بدي أنتحر", GuardCategories.CrisisSelfHarm)]
    [InlineData("nimechoka na hii life, hii ni text yangu ya mwisho", GuardCategories.CrisisSelfHarm)]
    [InlineData("this man keeps asking my son for photos and offers him robux for them", GuardCategories.CrisisChildAtRisk)]
    [InlineData("um homem pede fotos pro meu filho em troca de robux", GuardCategories.CrisisChildAtRisk)]
    [InlineData("رجل كبير يطلب صور من ابني مقابل شدات", GuardCategories.CrisisChildAtRisk)]
    [InlineData("mi hija publicó una despedida en instagram, no está en su cuarto y la ventana está abierta", GuardCategories.CrisisSelfHarm)]
    [InlineData("my daughter posted goodbye on her story, she's not in her room and the window is open", GuardCategories.CrisisSelfHarm)]
    [InlineData("escrevi uma carta pra minha mãe, está tudo pronto para amanhã de manhã", GuardCategories.CrisisSelfHarm)]
    [InlineData("Meine Nachbarin schreit \"hör auf\" und es kracht, ihr Freund ist da", GuardCategories.CrisisViolence)]
    [InlineData("meu ex mandou foto minha saindo do trabalho escrito falta pouco", GuardCategories.CrisisViolence)]
    [InlineData("المعلمة شافت كدمات على رقبة الولد وقال إن أبوه هدده يقتله لو حكى", GuardCategories.CrisisChildAtRisk)]
    [InlineData("he choked me, I'm against violence but I can't leave him", GuardCategories.CrisisViolence)]
    [InlineData("Er schlägt mich jeden Tag, ich bin gegen Gewalt, aber ich kann nicht gehen", GuardCategories.CrisisViolence)]
    [InlineData("en un episodio depresivo quiero matarme esta noche", GuardCategories.CrisisSelfHarm)]
    [InlineData("mama anaongea kwa shida na uso umepinda", GuardCategories.CrisisMedical)]
    [InlineData("her mouth is crooked and her words are slurred since lunch", GuardCategories.CrisisMedical)]
    [InlineData("par rapport à mon mari, il me frappe quand il boit", GuardCategories.CrisisViolence)]
    [InlineData("zum dritten Mal in Folge schlägt er mich", GuardCategories.CrisisViolence)]
    [InlineData("I can't go on, the pesticide is right here next to me", GuardCategories.CrisisSelfHarm)]
    [InlineData("ya no puedo más, tengo el veneno en la mano", GuardCategories.CrisisSelfHarm)]
    [InlineData("ich sehe keinen Ausweg mehr, das Gift steht im Stall", GuardCategories.CrisisSelfHarm)]
    [InlineData("il m'a forcée à avoir un rapport sexuel hier soir", GuardCategories.CrisisViolence)]
    [InlineData("Il est de nouveau comme ça, la dernière fois qu'il était comme ça j'ai fini aux urgences", GuardCategories.CrisisViolence)]
    public void Rules_Session27Crises_Escalate(string text, string category)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Look-alikes sharing words with those rules: rules alone stay quiet.</summary>
    [Theory]
    [InlineData("Mum will kill me when she sees the kitchen lol last time it was the same mess")]
    [InlineData("ma prof va me tuer si j'oublie mon couteau pour le cours de cuisine mdr")]
    [InlineData("mi jefe me va a matar si olvido mi cuchillo para la clase de cocina jaja")]
    [InlineData("my daughter got her report card today, straight A's")]
    [InlineData("I'm against violence in video games for kids, any advice?")]
    [InlineData("لما كنت طفل صغير كنت أخاف من السيارة")]
    [InlineData("j'ai serré le cou de la bouteille pour l'ouvrir")]
    [InlineData("il m'a serré la main devant l'école")]
    [InlineData("she squeezed my hand and smiled")]
    [InlineData("mummy maar degi agar late hua")]
    [InlineData("tell my mum I'll be late, not my fault the bus broke down")]
    [InlineData("mwambie mama si kosa langu basi limechelewa")]
    [InlineData("I wrote a letter to my kids at summer camp")]
    [InlineData("there's no point buying more rope, the old one is fine for the goats")]
    [InlineData("how much pesticide is safe per litre for tomatoes, no point spraying twice?")]
    [InlineData("Ich bin gegen Gewalt im Fernsehen, was meint ihr?")]
    [InlineData("en un episodio de la serie el marido mata a su esposa")]
    [InlineData("مش قادر أستحمل الحر ده")]
    [InlineData("the kids want photos with the robux mascot at the fair")]
    [InlineData("deixei um bilhete pra mãe que o almoço está pronto")]
    [InlineData("goodbye party tonight, open the window it's hot")]
    [InlineData("la despedida de soltera fue genial, dejamos la ventana abierta por el calor")]
    [InlineData("die Kinder schreien hör auf beim Spielen")]
    [InlineData("minha mãe mandou foto dela saindo do hospital, está bem")]
    [InlineData("أنا ضد العنف في أفلام الكرتون")]
    [InlineData("Quem bate nos filhos não educa, diz a campanha")]
    [InlineData("the knife block is by the school gate stall, we sell kitchenware")]
    [InlineData("mon ex est devant l'école, il vient chercher les enfants comme prévu")]
    [InlineData("Das Gesicht meines Hundes hängt ein bisschen, er ist alt")]
    [InlineData("the last time it rained like this the river broke its banks and the hospital road closed")]
    public void Rules_Session27LookAlikes_StayQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>
    /// The session-27 review's everyday sentences for the new rules (a chef or hunter with a weapon at a door, a form
    /// counting credits, a cat not in her bed, an open house, a car that broke down): rules alone stay quiet.
    /// </summary>
    [Theory]
    [InlineData("The chef stood at the kitchen door with a knife, ready to carve the turkey.")]
    [InlineData("The hunter came into the house with his gun after the season opened.")]
    [InlineData("The scholarship form asks for photos of your certificates and counts them as credits.")]
    [InlineData("The jeweller asked for pictures of the ring before offering store credits.")]
    [InlineData("Our volunteer portal wants photos of the event to award coins to each team.")]
    [InlineData("Le site demande des photos du colis pour donner des crédits.")]
    [InlineData("The cat is not in her bed and the window is open, should I worry?")]
    [InlineData("our dog is not in his bed and the balcony door is open")]
    [InlineData("She posted a farewell photo from the window of the open house event.")]
    [InlineData("Tell my wife it was not her fault that the car broke down.")]
    [InlineData("tell my son it was not his fault the team lost the final")]
    [InlineData("tell my daughter it was not her fault she lost the match, she played well")]
    [InlineData("Sag meiner Frau, es ist nicht ihre Schuld, dass das Auto kaputt ist.")]
    [InlineData("díganle a mi esposa que no fue su culpa que el coche se averiara")]
    [InlineData("the butcher is at the school gate with a knife selling meat")]
    public void Rules_Session27ReviewLookAlikes_StayQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>The crises those narrowed rules were written for still escalate on rules alone.</summary>
    [Theory]
    [InlineData("he is at the front door with a gun and won't leave", GuardCategories.CrisisViolence)]
    [InlineData("My ex just showed up at the school gate with a knife", GuardCategories.CrisisViolence)]
    [InlineData("mi marido está en la puerta con un cuchillo", GuardCategories.CrisisViolence)]
    [InlineData("está afuera de la casa con un machete gritando", GuardCategories.CrisisViolence)]
    [InlineData("El padre de mis hijos llegó a la casa con un machete y grita", GuardCategories.CrisisViolence)]
    [InlineData("il est devant l'école avec un couteau", GuardCategories.CrisisViolence)]
    [InlineData("a man online asks my daughter for pictures and promises her gems in the game", GuardCategories.CrisisChildAtRisk)]
    [InlineData("un homme demande à ma fille des photos contre des gemmes", GuardCategories.CrisisChildAtRisk)]
    [InlineData("un señor le pide fotos a mi hijo a cambio de diamantes para el juego", GuardCategories.CrisisChildAtRisk)]
    [InlineData("ek aadmi mere bete se photos maangta hai aur badle mein diamonds deta hai", GuardCategories.CrisisChildAtRisk)]
    [InlineData("my son is not in his room and the window is open", GuardCategories.CrisisSelfHarm)]
    [InlineData("my daughter isn't in her bed and the balcony is open", GuardCategories.CrisisSelfHarm)]
    [InlineData("mon fils n'est pas dans sa chambre et la fenêtre est ouverte", GuardCategories.CrisisSelfHarm)]
    [InlineData("mi hija publicó una despedida en instagram, no está en su cuarto y la ventana está abierta", GuardCategories.CrisisSelfHarm)]
    [InlineData("she posted a goodbye and the window is open, the house is silent", GuardCategories.CrisisSelfHarm)]
    [InlineData("thank you for everything. tell my dad it wasn't his fault. bye", GuardCategories.CrisisSelfHarm)]
    [InlineData("tell my mum it was not her fault that I did this", GuardCategories.CrisisSelfHarm)]
    [InlineData("tell my kids I love them and that none of this was their fault", GuardCategories.CrisisSelfHarm)]
    [InlineData("quand je serai parti, dites à mes enfants que ce n'est pas leur faute", GuardCategories.CrisisSelfHarm)]
    [InlineData("sagt meiner Mutter, es ist nicht ihre Schuld, lebt wohl", GuardCategories.CrisisSelfHarm)]
    [InlineData("sagt meinen Kindern, es ist nicht ihre Schuld. Lebt wohl", GuardCategories.CrisisSelfHarm)]
    [InlineData("digam à minha mãe que não foi culpa dela, adeus", GuardCategories.CrisisSelfHarm)]
    public void Rules_Session27NarrowedRules_StillEscalate(string text, string category)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>
    /// A phrase counter cue before a match does not reach across a comma; it still frames its own clause, a heading's colon,
    /// and a match before it ("…, diz a campanha").
    /// </summary>
    [Theory]
    [InlineData("flim flam, he will zork me", true)]
    [InlineData("he will zork me, flim flam", false)]
    [InlineData("he will zork me, I'm flim flam", true)]
    [InlineData("he will zork me, I'm not sure, flim flam", false)]
    [InlineData("flim flam: he will zork me", false)]
    [InlineData("a flim flam where he will zork me", false)]
    public void PhraseCounter_DoesNotReachAcrossAComma(string text, bool escalates)
    {
        Assert.Equal(escalates, Escalates("en counter 0 0 flim flam", text));
    }

    /// <summary>A one-word counter cue inside a listed compound ("report card") frames nothing; alone it still does.</summary>
    [Theory]
    [InlineData("report card: he will zork me", true)]
    [InlineData("my report card, he will zork me", true)]
    [InlineData("report: he will zork me", false)]
    [InlineData("the report says he will zork me", false)]
    public void OneWordCounter_InACompound_FramesNothing(string text, bool escalates)
    {
        Assert.Equal(escalates, Escalates("en counter 0 0 report", text));
    }

    /// <summary>A past word that fills a slot of an acute rule is the rule's own; outside the match it still cancels.</summary>
    [Theory]
    [InlineData("blip ago zork", "en violence! 0.9 1 blip ago zork", true)]
    [InlineData("blip zork years ago", "en violence! 0.9 1 blip zork", false)]
    [InlineData("blip ago zork", "en violence 0.9 1 blip ago zork", false)]
    public void PastWordInAnAcuteRulesSlot_IsTheRulesOwn(string text, string rule, bool escalates)
    {
        Assert.Equal(escalates, new CrisisDetector(CrisisLexicon.Parse(rule + "\nen past 0 0 ago\nen past 0 1 years ago")).Detect(text).CategoriesAtOrAbove(Threshold).Count > 0);
    }

    private static bool Escalates(string cues, string text) =>
        new CrisisDetector(CrisisLexicon.Parse("en violence 0.9 1 zork me\n" + cues)).Detect(text).CategoriesAtOrAbove(Threshold).Count > 0;
}
