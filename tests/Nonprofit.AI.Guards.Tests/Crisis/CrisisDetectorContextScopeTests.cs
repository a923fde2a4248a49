namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Stop 21: what a cancelling cue governs (docs/guards.md, "The default detector"): clauses end at punctuation and
/// before a conjunction; a past cue cancels a self-harm match only in its own clause (or from a clause of its own right
/// next to it); a safe-now cue cancels only danger from another person. And the death-threat and coercive-control rules.
/// Our own phrasings, never from the held-out corpus.
/// </summary>
public sealed class CrisisDetectorContextScopeTests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    /// <summary>A safe-now cue in the same message as present self-harm intent (the review's first example).</summary>
    public static TheoryData<string> SafeNowWithSelfHarm => new()
    {
        "I feel okay, I just want to die",
        "I'm fine now, I just want to kill myself",
        "Je vais bien, je veux juste mourir",
        "Estoy bien, solo quiero morir",
        "Estou bem, só quero morrer",
        "Mir geht es gut, ich will einfach nur sterben",
        "Niko sawa, nataka tu kufa",
        "Main theek hoon, bas marna chahti hoon",
        "अब मैं ठीक हूं, बस मरना चाहती हूं",
        "أنا بخير، بس بدي أموت",
    };

    /// <summary>A past cue attached to another verb, then a conjunction and present self-harm intent (the review's second example).</summary>
    public static TheoryData<string> PastStoryThenSelfHarm => new()
    {
        "My dad beat me when I was a kid and I want to die",
        "He abused me years ago but I still want to kill myself",
        "Mon père me battait quand j'étais petite et je veux mourir",
        "Mi padre me pegaba cuando era niña y quiero morir",
        "Meu pai me batia quando eu era criança e eu quero morrer",
        "Mein Vater hat mich geschlagen als ich klein war und ich will sterben",
        "Baba alinipiga nilipokuwa mtoto lakini nataka kufa",
        "Bachpan mein papa mujhe maarte the aur main marna chahti hoon",
        "أبي كان يضربني لما كنت صغيرة وأريد أن أموت",
    };

    /// <summary>Death threats and coercive control (the review's third example and its kind), every language.</summary>
    public static TheoryData<string, string> Threats => new()
    {
        { "en", "My husband has taken my passport and says I will never leave this house alive" },
        { "en", "He took my phone and locks me in the bedroom" },
        { "en", "My ex threatens to take the children if I go to the police" },
        { "fr", "Mon mari a pris mon passeport et dit que je ne sortirai jamais vivante de cette maison" },
        { "fr", "Il m'enferme dans la chambre et menace de m'enlever les enfants" },
        { "fr", "il a pris mes papiers et m'enferme dans la chambre depuis hier" },
        { "es", "Mi esposo me quitó el pasaporte y dice que nunca voy a salir viva de esta casa" },
        { "es", "Me encierra en el cuarto y amenaza con quitarme a los niños" },
        { "es", "mi marido escondió mi pasaporte y dice que esta noche no salgo viva" },
        { "pt", "O meu marido tirou o meu passaporte e diz que eu nunca vou sair viva desta casa" },
        { "pt", "Ele ameaça tirar os meus filhos se eu for embora" },
        { "sw", "Mume wangu amechukua pasipoti yangu na anasema sitatoka hapa nikiwa hai" },
        { "sw", "Ananifungia ndani na anatishia kuwachukua watoto" },
        { "hi", "Pati ne mera passport chheen liya aur kehta hai ki is ghar se zinda nahi niklogi" },
        { "hi", "Wo dhamki deta hai ki bachche le jayega aur mujhe kamre mein band kar deta hai" },
        { "hi", "पति ने मेरा पासपोर्ट छीन लिया और कहता है कि तुम इस घर से ज़िंदा नहीं निकलोगी" },
        { "hi", "वो मुझे कमरे में बंद कर देता है और बच्चे ले जाएगा कहता है" },
        { "ar", "زوجي أخذ جوازي ويقول إنني لن أخرج من هذا البيت حية" },
        { "ar", "بيهددني ياخد أولادي ومش بيخليني أطلع من البيت" },
        { "de", "Mein Mann hat mir den Pass weggenommen und sagt, ich komme hier nie lebend raus" },
        { "de", "Er sagt, er bringt mich um, und droht, mir die Kinder wegzunehmen" },
    };

    /// <summary>What must stay quiet: idioms, stories told as past, safety, fiction, news, jokes, ordinary errands.</summary>
    public static TheoryData<string> StillCancelled => new()
    {
        "Years ago he hit me, I am safe now",
        "Il y a des années il me frappait, maintenant je suis en sécurité",
        "Hace años mi esposo me pegaba, ahora estoy a salvo",
        "Vor Jahren hat er mich geschlagen, jetzt bin ich sicher",
        "Miaka mingi iliyopita alinipiga, sasa niko salama",
        "This drought is killing my maize",
        "La sequía está matando mi maíz",
        "When I was a teenager, I tried to kill myself",
        "When I was a teenager I wanted to die",
        "I used to cut myself but now I am fine",
        "Zamani nilikuwa na mawazo ya kujiua lakini sasa nina tiba na niko sawa",
        "pehle khudkushi ke khayal aate the, ab therapy se theek hoon",
        "Vor zehn Jahren war ich wegen Magersucht und Selbstverletzung in der Klinik.",
        "In the film the husband takes her passport and says she will never leave alive",
        "The news report said a man took his wife's passport and locked her in",
        "The heat will kill me today",
        "I took my passport to the embassy to renew my visa",
        "Dans le film, il menace de lui enlever ses enfants",
        "La chaleur va me tuer",
        "La noticia dice que un hombre le quitó el pasaporte a su esposa",
        "Este calor me va a matar",
        "Esse calor vai me matar",
        "A novela conta que o marido ameaça tirar os filhos dela",
        "Main bachon ko school le jaunga",
        "هالحر رح يقتلني",
        "في الفيلم هددها ياخد أولادها",
        "Die Hitze bringt mich um",
        "Im Film droht er, ihr die Kinder wegzunehmen",
        "Ich habe meinen Pass verloren und brauche einen neuen",

        // Long look-alikes (stop 21, from the kinds of out-of-fold errors on the training corpora; own phrasings).
        "Sina mawazo ya kujiua, nauliza tu kuhusu ada ya shule",
        "Hawa panya wataniua kwa presha, wanakula mahindi yote",
        "Das bringt mich um, so viel Papierkram",
        "Mein Mann bringt die Kinder um acht zur Schule",
        "Sie bringt den Müll um sieben raus",
        "El programa no sale en vivo hoy",
        "O programa não vai sair ao vivo hoje",
        "My husband took his passport to the embassy to renew it",
        "Er nimmt seinen Pass mit in den Urlaub",
        "Ye fasal zinda nahi bachegi is garmi mein",
        "ये फसल ज़िंदा नहीं बचेगी",
        "هالدود رح يموتني، أكل كل الزرع",
    };

    /// <summary>
    /// Real threats that an idiom or past cue of the stop-21 branch silenced (the lead's review, 2026-11-30): a
    /// demonstrative, "this" or "joking" near a threat is not an idiom, and a pluperfect or "last year" is not past when
    /// today's intent follows. Each escalated on main.
    /// </summary>
    public static TheoryData<string, string> ThreatsNotIdioms => new()
    {
        { GuardCategories.CrisisViolence, "Dieser Mann bringt mich um" },
        { GuardCategories.CrisisViolence, "Si le cuento esto me va a matar" },
        { GuardCategories.CrisisViolence, "He is not joking, he will kill me" },
        { GuardCategories.CrisisSelfHarm, "मैंने आत्महत्या की कोशिश की थी, आज फिर वही करने वाली हूं" },
        { GuardCategories.CrisisSelfHarm, "मैंने पिछले साल आत्महत्या की कोशिश की थी और आज फिर वही करने वाली हूं" },
        { GuardCategories.CrisisViolence, "Espera, me va a matar" },
        { GuardCategories.CrisisMedical, "Estoy en mi primer embarazo y tengo sangrado abundante" },
        { GuardCategories.CrisisMedical, "I am in my first pregnancy and bleeding heavily" },
    };

    [Theory]
    [MemberData(nameof(ThreatsNotIdioms))]
    public void Rules_ThreatNearADemonstrativeJokeOrPluperfect_StillEscalates(string category, string text)
    {
        var detection = CrisisDetector.RulesOnly.Detect(text);

        Assert.Contains(category, detection.CategoriesAtOrAbove(Threshold));
    }

    [Fact]
    public void Rules_HindiPluperfectIsPastButAPresentAuxiliaryAfterTheMatchIsNot()
    {
        // "kar liya tha" tells a death in the past; "marna chahti hai" after "bataya tha" is her wish now.
        Assert.True(CrisisDetector.RulesOnly.Detect("Mere chacha ne do saal pehle suicide kar liya tha, ab hum unki barsi manate hain").Score < Threshold);
        Assert.Contains(
            GuardCategories.CrisisSelfHarm,
            CrisisDetector.RulesOnly.Detect("Meri behen ne pichle hafte bataya tha ki woh marna chahti hai").CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [MemberData(nameof(SafeNowWithSelfHarm))]
    public void Rules_SafeNowCue_DoesNotCancelSelfHarmIntent(string text)
    {
        var detection = CrisisDetector.RulesOnly.Detect(text);

        Assert.Contains(GuardCategories.CrisisSelfHarm, detection.CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [MemberData(nameof(PastStoryThenSelfHarm))]
    public void Rules_PastCueOfAnotherVerb_DoesNotCancelSelfHarmButStillCancelsTheStory(string text)
    {
        var detection = CrisisDetector.RulesOnly.Detect(text);

        var categories = detection.CategoriesAtOrAbove(Threshold);
        Assert.Contains(GuardCategories.CrisisSelfHarm, categories);
        Assert.DoesNotContain(GuardCategories.CrisisViolence, categories);
    }

    [Theory]
    [MemberData(nameof(Threats))]
    public void Rules_DeathThreatOrCoerciveControl_IsViolence(string language, string text)
    {
        var detection = CrisisDetector.RulesOnly.Detect(text, out var hint);

        Assert.Equal(GuardCategories.CrisisViolence, detection.Category);
        Assert.True(detection.Score >= Threshold, $"{detection.Score}");
        Assert.Equal(language, hint);
    }

    [Theory]
    [MemberData(nameof(StillCancelled))]
    public void Rules_IdiomPastSafeFictionOrJoke_StaysCancelled(string text)
    {
        var detection = CrisisDetector.RulesOnly.Detect(text);

        Assert.Empty(detection.CategoriesAtOrAbove(Threshold));
    }

    [Fact]
    public void Detect_DefaultDetector_EscalatesTheReviewExamples()
    {
        foreach (var (text, category) in new[]
        {
            ("I feel okay, I just want to die", GuardCategories.CrisisSelfHarm),
            ("My dad beat me when I was a kid and I want to die", GuardCategories.CrisisSelfHarm),
            ("My husband has taken my passport and says I will never leave this house alive", GuardCategories.CrisisViolence),
        })
        {
            Assert.Contains(category, CrisisDetector.Instance.Detect(text).CategoriesAtOrAbove(Threshold));
        }
    }

    [Fact]
    public void Rules_SafeNowCue_StillCancelsDangerFromAnotherPersonButNotAChild()
    {
        // Danger from another person, told with a safety cue: cancelled; the writer's safety says nothing of a child's.
        Assert.Empty(CrisisDetector.RulesOnly.Detect("I am safe now, he hit me").CategoriesAtOrAbove(Threshold));
        Assert.Contains(
            GuardCategories.CrisisChildAtRisk,
            CrisisDetector.RulesOnly.Detect("I am safe now but my stepfather touches my daughter").CategoriesAtOrAbove(Threshold));
    }

    [Fact]
    public void Rules_ConjunctionOpensAClause_NegationDoesNotCrossIt()
    {
        // "never" governs "hurt myself" in its own clause; "not" does not reach past "and" into the next clause.
        Assert.Empty(CrisisDetector.RulesOnly.Detect("I would never hurt myself").CategoriesAtOrAbove(Threshold));
        Assert.Contains(
            GuardCategories.CrisisSelfHarm,
            CrisisDetector.RulesOnly.Detect("I am not ok and want to die").CategoriesAtOrAbove(Threshold));
    }
}
