using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Session 22, issue 6: the defects the stop-21 reviews left (docs/guards.md, "Crisis detection"). Every message here was
/// escalated wrongly, or missed, by main's rules before this change; our own phrasings, never from the held-out corpus.
/// The non-English ones need a native speaker's review.
/// </summary>
public sealed class CrisisDetectorSession22Tests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    /// <summary>
    /// Look-alikes: a lost ID, the es article "el", hi "band karna" of a shop, and a negation that a conjunction of another
    /// language had cut off (pt "na", es "más"). The first version of this change also quietened German "um" before a
    /// time, "says … take the children" to school, getting a passport issued, Egyptian "الجواز" (marriage) and renewals,
    /// "no one is hurting me", "no plans to", light bleeding asked about as normal and sw "kamwe"; each of those also
    /// silenced a real crisis (<see cref="CrisesTheFirstVersionSilenced"/>), so they escalate again, as on main
    /// (docs/guards.md lists them).
    /// </summary>
    public static TheoryData<string> LookAlikes => new()
    {
        "Mein Ausweis ist weg",
        "El consulado guarda el pasaporte hasta mañana",
        "Mujhe dukaan band karni hai",
        "मुझे दुकान बंद करनी है",
        "Ele nunca na vida me bateu",
        "Nunca más me pegó",
        "Sina mawazo ya kujiua wala kujidhuru",

        // The same families in the training corpora's errors (own phrasings): a "nobody … me" slot that
        // matched "me" alone, an age as a past cue, and hi "jeene ka mann"
        // (the wish to live) that needs its own "nahi".
        "nadie me hace daño solo pregunto",
        "personne me fait du mal je demande juste",
        "no quiero hacerme daño, solo necesito hablar con alguien",
        "I tried to end my life when I was 19, now I am 30 and doing well",
        "Mujhe jeene ka mann karta hai, main khush hoon",
        // "when I think…" is present only right after a match: before it, a past story stays a story.
        "When I think about how my father beat me when I was a child, I cry",
        "When I remember how he hit me years ago I feel sick",
        "Cuando pienso en cómo mi padre me pegaba cuando era niña, lloro",
        "Quand je pense à mon père qui me frappait quand j'étais petite, je pleure",
    };

    /// <summary>
    /// Real crises: "er bringt mich um" at a clause end, self-harm after a disclaimer-looking negation (sw "sina", ar "ما
    /// حدا"), Arabic "for several days" (ongoing, not past), a present wish whose past cue belongs to a "when I think"
    /// clause, a past attempt with a repeat announced now, negated jokes, and an abuser living with the children.
    /// </summary>
    public static TheoryData<string, string> Crises => new()
    {
        { GuardCategories.CrisisViolence, "Er bringt mich um" },
        { GuardCategories.CrisisViolence, "Mein Mann bringt mich um, 2 Mal hat er es schon versucht" },
        { GuardCategories.CrisisSelfHarm, "Sina pesa nataka kujiua" },
        { GuardCategories.CrisisSelfHarm, "Hana mtu wa kumsaidia anataka kujiua" },
        { GuardCategories.CrisisSelfHarm, "ما حدا بيحبني بدي انتحر" },
        { GuardCategories.CrisisViolence, "من عدة أيام جوزي بيضربني" },
        { GuardCategories.CrisisViolence, "منذ عدة أيام وهو يهددني بالسكين" },
        { GuardCategories.CrisisSelfHarm, "I want to die when I think about what he did years ago" },
        { GuardCategories.CrisisSelfHarm, "Je veux mourir quand je pense à ce qu'il m'a fait il y a des années" },
        { GuardCategories.CrisisSelfHarm, "Quiero morir cuando pienso en lo que me hizo hace años" },
        { GuardCategories.CrisisSelfHarm, "Quero morrer quando penso no que ele me fez há anos" },
        { GuardCategories.CrisisSelfHarm, "Nataka kufa ninapofikiria alichonifanyia miaka iliyopita" },
        { GuardCategories.CrisisSelfHarm, "Ich will sterben, wenn ich daran denke, was er vor Jahren getan hat" },
        { GuardCategories.CrisisSelfHarm, "Hace años intenté suicidarme y hoy lo voy a volver a intentar" },
        { GuardCategories.CrisisSelfHarm, "Years ago I tried to kill myself and tonight I will try again" },
        { GuardCategories.CrisisSelfHarm, "Years ago I tried to kill myself. Tonight I will try again." },
        { GuardCategories.CrisisSelfHarm, "Há anos tentei me matar e hoje vou tentar de novo" },
        { GuardCategories.CrisisSelfHarm, "Il y a des années j'ai essayé de me tuer et ce soir je vais recommencer" },
        { GuardCategories.CrisisSelfHarm, "Miaka mingi iliyopita nilijaribu kujiua na leo nitajaribu tena" },
        { GuardCategories.CrisisSelfHarm, "Vor Jahren habe ich versucht mich umzubringen und heute werde ich es wieder versuchen" },
        { GuardCategories.CrisisSelfHarm, "Saalon pehle maine khudkushi ki koshish ki thi aur aaj phir karungi" },
        { GuardCategories.CrisisViolence, "He's not kidding, he'll kill me" },
        { GuardCategories.CrisisViolence, "No está bromeando, me va a matar" },
        { GuardCategories.CrisisViolence, "No es broma, me va a matar" },
        { GuardCategories.CrisisViolence, "Il ne plaisante pas, il va me tuer" },
        { GuardCategories.CrisisViolence, "Ele não está brincando, ele vai me matar" },
        { GuardCategories.CrisisViolence, "Das ist kein Witz, er bringt mich um" },
        { GuardCategories.CrisisViolence, "Wo mazak nahi kar raha, mujhe maar dalega" },
        { GuardCategories.CrisisChildAtRisk, "My abuser is now living with my kids" },
        { GuardCategories.CrisisChildAtRisk, "Mon agresseur vit maintenant avec mes enfants" },
        { GuardCategories.CrisisChildAtRisk, "Mi agresor ahora vive con mis hijos" },
        { GuardCategories.CrisisChildAtRisk, "O meu agressor agora mora com os meus filhos" },
        { GuardCategories.CrisisChildAtRisk, "Mnyanyasaji wangu sasa anaishi na watoto wangu" },
        { GuardCategories.CrisisChildAtRisk, "Mera abuser ab mere bachchon ke saath rehta hai" },
        { GuardCategories.CrisisChildAtRisk, "मेरा अत्याचारी अब मेरे बच्चों के साथ रहता है" },
        { GuardCategories.CrisisChildAtRisk, "المعتدي علي يعيش الآن مع أطفالي" },
        { GuardCategories.CrisisChildAtRisk, "Mein Peiniger wohnt jetzt bei meinen Kindern" },
        { GuardCategories.CrisisSelfHarm, "nadie me va a extrañar" },
        { GuardCategories.CrisisSelfHarm, "personne ne me regretterait" },
        { GuardCategories.CrisisMedical, "I am 8 weeks pregnant and bleeding heavily" },
        { GuardCategories.CrisisSelfHarm, "No quiero vivir más" },
        { GuardCategories.CrisisSelfHarm, "jeene ka mann nahi karta, rassi bhi le aaya hu" },
        { GuardCategories.CrisisSelfHarm, "Ab jeene ki ichha nahi hai" },
        { GuardCategories.CrisisSelfHarm, "मुझे जीने की इच्छा नहीं है" },
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    [MemberData(nameof(CrisisDetectorSession22Round2Tests.LookAlikes), MemberType = typeof(CrisisDetectorSession22Round2Tests))]
    public void Rules_LookAlike_DoesNotEscalate(string text)
    {
        var detection = CrisisDetector.RulesOnly.Detect(text);

        Assert.Empty(detection.CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [MemberData(nameof(Crises))]
    [MemberData(nameof(CrisesTheFirstVersionSilenced))]
    [MemberData(nameof(CrisisDetectorSession22Round2Tests.Crises), MemberType = typeof(CrisisDetectorSession22Round2Tests))]
    [MemberData(nameof(CrisisDetectorSession22Round2Tests.ThreatsWithoutTheHarmlessContext), MemberType = typeof(CrisisDetectorSession22Round2Tests))]
    public void Rules_Crisis_Escalates(string category, string text)
    {
        var detection = CrisisDetector.RulesOnly.Detect(text);

        Assert.Contains(category, detection.CategoriesAtOrAbove(Threshold));
    }

    /// <summary>
    /// Real crises that the first version of this session's change silenced (found by the lead's code review; main's
    /// rules escalate them): a conjunction of another language between a childhood story and a present wish, "no one"
    /// before abuse, light bleeding with danger signs, "says … take the children", a sponsor keeping a passport "for
    /// renewal", and Swahili "kamwe" (never) strengthening a wish to die.
    /// </summary>
    public static TheoryData<string, string> CrisesTheFirstVersionSilenced => new()
    {
        { GuardCategories.CrisisSelfHarm, "when I was a kid my dad beat me aur I want to die" },
        { GuardCategories.CrisisSelfHarm, "when I was a kid my father hit me lekin I want to kill myself" },
        { GuardCategories.CrisisSelfHarm, "quand j'étais petite mon père me frappait but je veux mourir" },
        { GuardCategories.CrisisViolence, "No one knows he beats me" },
        { GuardCategories.CrisisMedical, "8 weeks pregnant light bleeding and severe pain on one side, feeling faint" },
        { GuardCategories.CrisisViolence, "Il dit qu'il va m'enlever les enfants" },
        { GuardCategories.CrisisViolence, "Mein Mann sagt, er wird die Kinder wegnehmen, wenn ich gehe." },
        { GuardCategories.CrisisViolence, "Ele disse que vai levar as crianças se eu for embora" },
        { GuardCategories.CrisisViolence, "الكفيل أخذ جوازي للتجديد وما رجعه" },
        { GuardCategories.CrisisViolence, "O patrão tirou o passaporte e não devolve" },
        { GuardCategories.CrisisSelfHarm, "Sitaki kuishi kamwe" },
    };

    [Theory]
    [InlineData("Years ago I tried to kill myself and today I am a counsellor")]
    [InlineData("Hace años intenté suicidarme y hoy ayudo a otras personas")]
    [InlineData("When I was a teenager I tried to kill myself and later I tried again")]
    [InlineData("ما حدا عم يضربني")]
    public void Rules_PastWithoutARepeatOrANegatedStory_StaysCancelled(string text)
    {
        var detection = CrisisDetector.RulesOnly.Detect(text);

        Assert.Empty(detection.CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [InlineData("fr violence 0.7 0 il volé passeport", "volé")]
    [InlineData("de violence 0.7 0 er lässt mich", "lässt")]
    [InlineData("en violence 0.7 0 Hit me", "Hit")]
    public void Parse_WordNotWrittenNormalised_Throws(string line, string word)
    {
        var error = Assert.Throws<FormatException>(() => CrisisLexicon.Parse(line));

        Assert.Contains(word, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("and", "en", true)]
    [InlineData("and", "fr", true)]
    [InlineData("na", "sw", true)]
    [InlineData("na", "pt", false)]
    [InlineData("na", "hi", false)]
    [InlineData("mas", "pt", true)]
    [InlineData("mas", "es", false)]
    [InlineData("e", "pt", true)]
    [InlineData("aur", "hi", true)]
    [InlineData("aur", "en", true)] // people mix languages: any language's conjunction opens a clause
    [InlineData("na", "en", true)]
    [InlineData("mas", "fr", true)]
    [InlineData("aber", "de", true)]
    [InlineData("لكن", "ar", true)]
    [InlineData("وأريد", "ar", true)]
    [InlineData("और", "hi", true)]
    [InlineData("android", "en", false)]
    public void IsConjunction_OpensAClauseUnlessItMeansSomethingElseInTheRulesLanguage(string token, string language, bool expected) =>
        Assert.Equal(expected, CrisisDetector.IsConjunction(GuardText.Normalize(token), language));
}
