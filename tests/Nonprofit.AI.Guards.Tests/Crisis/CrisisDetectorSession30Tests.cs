namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Session 30, crisis rules: the weak families of the session-29 review set, in our own phrasings (the non-English ones
/// need a native speaker's review; none is a review corpus's line): a past attempt with the urge back now (en es pt de
/// hi), rope bought "not for" its ordinary use (en es pt fr de sw), stalking by the same car or man, a protection order
/// ignored or photos of the writer's home (en es pt fr de sw), Arabizi crises, and singles (a goodbye asking others to
/// look after the children, "disappear for good" with a plan, a knife held to someone's throat, foaming while shaking, a
/// child tied up, an adult coming into a child's room at night). Look-alikes for each, and the real crises that share
/// words with every cancelling cue added (a pt friend's laughed-off "me mata" and its risk cues, the fr medical rule no
/// longer reading the English "seizure", the ar relative "اللي كان"), and stalking that also happens on a social network.
/// </summary>
public sealed class CrisisDetectorSession30Tests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    /// <summary>Crises of the session's families: rules alone escalate them in the expected category.</summary>
    [Theory]
    [InlineData("I tried it two years ago. the urge is back now and this time I will not screw it up", GuardCategories.CrisisSelfHarm)]
    [InlineData("two years ago I tried to end it. the urges are back and I already know how", GuardCategories.CrisisSelfHarm)]
    [InlineData("attempted back in 2021, survived. the thoughts came back this week and tonight I'm doing it properly", GuardCategories.CrisisSelfHarm)]
    [InlineData("already tried once. the darkness is back and tonight I'm going to do it properly", GuardCategories.CrisisSelfHarm)]
    [InlineData("hace tres años lo intenté, hoy volvieron las ganas de no despertar nunca más", GuardCategories.CrisisSelfHarm)]
    [InlineData("lo intenté el año pasado y esta noche otra vez tengo ganas de no despertar, ya tengo las pastillas", GuardCategories.CrisisSelfHarm)]
    [InlineData("tentei em 2020 e agora a vontade voltou, dessa vez vou até o fim", GuardCategories.CrisisSelfHarm)]
    [InlineData("já tentei uma vez, hoje a vontade voltou e desta vez não vou falhar", GuardCategories.CrisisSelfHarm)]
    [InlineData("vor drei jahren hab ichs versucht. jetzt sind die gedanken wieder da und ich weiß schon wie", GuardCategories.CrisisSelfHarm)]
    [InlineData("vor zwei jahren habe ich es versucht. jetzt ist es wieder da und ich habe schon einen plan", GuardCategories.CrisisSelfHarm)]
    [InlineData("do saal pehle try kiya tha, ab phir se wahi khayal aa rahe hain, is baar pakka kar lungi", GuardCategories.CrisisSelfHarm)]
    [InlineData("maine pichle saal koshish ki thi, ab phir wahi karne ka mann hai, is baar nahi bachungi", GuardCategories.CrisisSelfHarm)]
    [InlineData("दो साल पहले कोशिश की थी, अब फिर से वही करने का मन है, इस बार पक्का", GuardCategories.CrisisSelfHarm)]
    [InlineData("got some rope this afternoon. it's not for the boat", GuardCategories.CrisisSelfHarm)]
    [InlineData("compré cuerda esta tarde, no es para tender la ropa", GuardCategories.CrisisSelfHarm)]
    [InlineData("comprei uma corda hoje, não é para o varal", GuardCategories.CrisisSelfHarm)]
    [InlineData("j'ai acheté une corde aujourd'hui, pas pour le jardin", GuardCategories.CrisisSelfHarm)]
    [InlineData("heute einen strick gekauft. nicht für die wäsche", GuardCategories.CrisisSelfHarm)]
    [InlineData("nimenunua kamba jioni hii. si ya kufunga ng'ombe", GuardCategories.CrisisSelfHarm)]
    [InlineData("that same silver van is parked outside my flat again, it's him, I know it", GuardCategories.CrisisViolence)]
    [InlineData("he has a restraining order and he still shows up outside my work every morning", GuardCategories.CrisisViolence)]
    [InlineData("él tiene orden de alejamiento y aun así aparece en la puerta de mi casa cada noche", GuardCategories.CrisisViolence)]
    [InlineData("ele tem medida protetiva e mesmo assim fica esperando na frente da minha escola", GuardCategories.CrisisViolence)]
    [InlineData("il a une interdiction de m'approcher et il m'attend quand même devant le travail", GuardCategories.CrisisViolence)]
    [InlineData("er hat ein kontaktverbot und steht trotzdem jeden tag vor meiner arbeit", GuardCategories.CrisisViolence)]
    [InlineData("ex wangu ananitumia picha za nyumba yangu kila usiku, naogopa sana", GuardCategories.CrisisViolence)]
    [InlineData("jawzi 3am yhadded ekhti bel sekkine hala2 bel salon", GuardCategories.CrisisViolence)]
    [InlineData("howa bihaddedni bel sekkine w ana bel 7ammam hala2", GuardCategories.CrisisViolence)]
    [InlineData("jirani beyedrabo bentohom kol leile w el yom ma 3am tsamma3 sot", GuardCategories.CrisisChildAtRisk)]
    [InlineData("jarti khallat ebnha wa7do fel sayyara w el shams 7amye", GuardCategories.CrisisChildAtRisk)]
    [InlineData("mrati 7amla f chher 7 w katnzef bzaf daba", GuardCategories.CrisisMedical)]
    [InlineData("khouya rash dwa dyal l7chrat w daba kayqi w ma kaytnfsch", GuardCategories.CrisisMedical)]
    [InlineData("ma ba2a fiyye kammel, 7adart el 7boub w bye la kelkon", GuardCategories.CrisisSelfHarm)]
    [InlineData("بنتي شربت سم الفيران اللي كان في الحمام", GuardCategories.CrisisMedical)]
    [InlineData("ابني شرب الكلور اللي كانت أمي حاطاه تحت المغسلة", GuardCategories.CrisisMedical)]
    [InlineData("सबको अलविदा, मेरे बच्चों का ध्यान रखना", GuardCategories.CrisisSelfHarm)]
    [InlineData("sabko alvida, mere bachchon ka khayal rakhna", GuardCategories.CrisisSelfHarm)]
    [InlineData("goodbye everyone, please look after my kids", GuardCategories.CrisisSelfHarm)]
    [InlineData("je pense à disparaître pour de bon, j'ai tout prévu", GuardCategories.CrisisSelfHarm)]
    [InlineData("der mann meiner cousine hat ihr heute nacht ein messer an den hals gehalten", GuardCategories.CrisisViolence)]
    [InlineData("he's shaking all over and foaming at the mouth, this never happened before", GuardCategories.CrisisMedical)]
    [InlineData("o menino do vizinho está amarrado no quintal desde cedo sem comida", GuardCategories.CrisisChildAtRisk)]
    [InlineData("my mum's boyfriend comes into my room at night and I'm 11, nobody believes me", GuardCategories.CrisisChildAtRisk)]
    public void Rules_Session30Crises_Escalate(string text, string category)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>
    /// Look-alikes of each family (recovery and hobby "tries", rope bought for something, a neighbour's van, a followed
    /// recipe, everyday Arabizi, a holiday goodbye, a goose and a knife, a febrile seizure last year, a friend's
    /// laughed-off "me mata"): rules stay quiet.
    /// </summary>
    [Theory]
    [InlineData("I tried that recipe two years ago, this time I won't mess it up")]
    [InlineData("I tried once to run a marathon, the feeling is back and this time I will finish it")]
    [InlineData("tried once to bake bread, the urge is back and this time I'm sure it will rise")]
    [InlineData("I tried the keto diet in 2020, now the cravings are back")]
    [InlineData("I attempted once years ago; I'm safe now and the urge is gone")]
    [InlineData("intenté dejar de fumar hace dos años, hoy otra vez tengo ganas de intentarlo")]
    [InlineData("tentei o vestibular em 2020, agora a vontade voltou e desta vez vou passar")]
    [InlineData("tentei o concurso ano passado, agora a vontade voltou e vou até o fim dessa vez")]
    [InlineData("vor drei jahren hab ichs mit dem marathon versucht. jetzt ist die lust wieder da")]
    [InlineData("der drang ist wieder da, ich will wieder joggen, hab es vor einem jahr schon mal versucht")]
    [InlineData("pichle saal exam ki koshish ki thi, is baar pakka paas hounga")]
    [InlineData("bought rope today for the new tent")]
    [InlineData("compré una soga para el columpio de los niños")]
    [InlineData("comprei uma corda para o varal hoje")]
    [InlineData("j'ai acheté une corde pour l'escalade")]
    [InlineData("heute ein seil gekauft für den klettergarten")]
    [InlineData("nimenunua kamba ya kufunga mbuzi leo")]
    [InlineData("I followed the recipe exactly and the cake still sank")]
    [InlineData("the same van is parked outside every morning, it's the baker's delivery")]
    [InlineData("el mismo coche está afuera cada mañana, es el del vecino")]
    [InlineData("the judge granted the restraining order last year and I have not seen him since, I'm safe")]
    [InlineData("my mum sends me photos of her garden every day")]
    [InlineData("khayye 3am yi2ta3 el la7me bel sekkine bel matbakh")]
    [InlineData("mrati 7amla f chher 7 w kolchi mzyan l7amdullah")]
    [InlineData("ma ba2a fiyye kammel el film, ana ta3ban, bye")]
    [InlineData("bba rash dwa 3la l ard w kolchi bikhir")]
    [InlineData("ابني شرب العصير اللي كان في الثلاجة")]
    [InlineData("सबको अलविदा, मैं छुट्टी पर जा रही हूं, बच्चों का ध्यान रखना")]
    [InlineData("goodbye everyone, I'm off to Spain for a week, look after the kids")]
    [InlineData("the goodbye party was fun, everyone take care of the kids' presents")]
    [InlineData("der koch hat das messer an den hals der gans gehalten")]
    [InlineData("o cachorro está amarrado no quintal desde cedo")]
    [InlineData("my dad comes into my room every night to read me a story")]
    [InlineData("my son had a seizure with a high fever last year and the doctor said it was harmless")]
    [InlineData("meu irmão disse que me mata se eu usar o carro dele de novo kkkkk")]
    [InlineData("minha melhor amiga disse que me mata se eu não for na festa rsrs")]
    public void Rules_Session30LookAlikes_StayQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>
    /// Real crises that share words with the cues added this session (a friend's laughed-off "me mata", the English
    /// "seizure" left to the English rule, a relative "اللي كان") or with a social-network follow (the idioms tried for
    /// it silenced the rules on these, so there are none): rules still escalate them.
    /// </summary>
    [Theory]
    [InlineData("my ex follows me on instagram and also follows me home from work every night", GuardCategories.CrisisViolence)]
    [InlineData("he follows me everywhere, even on instagram, and waits outside my door", GuardCategories.CrisisViolence)]
    [InlineData("ele me segue no instagram e agora me segue na rua também, estou com medo", GuardCategories.CrisisViolence)]
    [InlineData("my ex keeps following me on tiktok and in real life, he was outside my school today", GuardCategories.CrisisViolence)]
    [InlineData("il me suit sur insta et il me suit aussi jusqu'à chez moi le soir", GuardCategories.CrisisViolence)]
    [InlineData("minha amiga disse que me mata kkkk mas ela me bateu ontem e to com medo", GuardCategories.CrisisViolence)]
    [InlineData("meu irmão disse que vai me matar kkkk ele me empurrou da escada", GuardCategories.CrisisViolence)]
    [InlineData("minha colega falou que me mata kkk, ela tem uma faca na bolsa e tenho medo", GuardCategories.CrisisViolence)]
    [InlineData("meu ex disse que me mata se eu sair de casa kkkk socorro", GuardCategories.CrisisViolence)]
    [InlineData("minha irmã disse que vai me matar kkk, ela tá bêbada e quebrando tudo", GuardCategories.CrisisViolence)]
    [InlineData("minha amiga disse que me mata kkkk ela tá com uma faca", GuardCategories.CrisisViolence)]
    [InlineData("meu primo disse que me mata rsrs, ele já me machucou antes", GuardCategories.CrisisViolence)]
    [InlineData("my daughter is having a seizure right now and she's turning blue", GuardCategories.CrisisMedical)]
    [InlineData("my son is having a seizure right now", GuardCategories.CrisisMedical)]
    [InlineData("ma fille convulse depuis cinq minutes", GuardCategories.CrisisMedical)]
    [InlineData("mon fils fait une crise de convulsions maintenant, il ne répond plus", GuardCategories.CrisisMedical)]
    [InlineData("زوجي اللي كان يضربني رجع الحين للبيت ومعاه سكين", GuardCategories.CrisisViolence)]
    [InlineData("heute ein seil gekauft, nicht für den garten, ich will nicht mehr", GuardCategories.CrisisSelfHarm)]
    [InlineData("same guy outside my flat again tonight, it's him, my ex", GuardCategories.CrisisViolence)]
    public void Rules_CrisesSharingTheNewCuesWords_Escalate(string text, string category)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>
    /// Pills carried to a person or a pharmacy (en fr ar) and a past attempt followed by "this time I'll get through the
    /// therapy" (de) are errands and recovery, not an overdose: the laugh cues keep the rules quiet.
    /// </summary>
    [Theory]
    [InlineData("I need to take 25 tablets to the clinic for my dad's refill")]
    [InlineData("can you take 30 pills to the chemist for me, they are expired")]
    [InlineData("je dois prendre 30 comprimés à la pharmacie pour la voisine")]
    [InlineData("هاخد علبة الدوا لأمي بكرة الصبح")]
    [InlineData("vor zwei jahren hab ichs versucht, diesmal packe ich die reha")]
    [InlineData("Ich habe es vor drei Jahren schon mal versucht, diesmal schaffe ich die Therapie")]
    public void Rules_PillErrandsAndTherapyThisTime_StayQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>
    /// The same words with a death, a place to die or a second announcement: the death risk cues undo the errand and
    /// therapy cues, and a place that is no errand ("to my room") never matched them; rules still escalate.
    /// </summary>
    [Theory]
    [InlineData("I'm going to take 50 pills to my room tonight")]
    [InlineData("I'll take 40 tablets to my mum's house and end it there")]
    [InlineData("I will take 50 tablets to my grandma's house tonight and swallow them all")]
    [InlineData("je vais prendre 50 comprimés chez ma mère ce soir pour en finir")]
    [InlineData("je vais prendre 50 comprimés chez ma grand-mère cette nuit, je ne veux plus me réveiller")]
    [InlineData("هاخد علبة الدوا للصيدلية بعدين هاخد علبة البرشام كلها الليلة")]
    [InlineData("هاخد علبة الدوا للصيدلية؟ لا، هاخدها كلها الليلة وأموت")]
    [InlineData("vor zwei jahren hab ichs versucht, diesmal schaffe ich die Therapie nicht mehr, diesmal mach ich Schluss")]
    [InlineData("ich hab es vor einem jahr schon mal versucht, diesmal schaffe ich die klinik nicht, ich will sterben")]
    [InlineData("ich hab es letztes jahr versucht, diesmal schaffe ich die klinik nicht mehr, ich bring mich um")]
    public void Rules_PillErrandsAndTherapyWordsWithARealRisk_Escalate(string text)
    {
        Assert.Contains(GuardCategories.CrisisSelfHarm, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }
}
