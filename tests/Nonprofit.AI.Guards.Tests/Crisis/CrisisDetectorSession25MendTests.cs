namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Session 25, the mend after the code review of the session's crisis rules: crises the session's idioms and narrowed
/// rules had lost (a pt exam idiom over "vou me matar", weather idioms over a person's blows, child rules without the
/// diminutives), blows no rule matched, and the false escalations the new rules and cues let through (es "me mato"
/// with the effort named, ar "stabbed me with her words", a headline's possessive or "just" far from the match, a
/// retraction ending with a form of address, a due date, fr "contre les"). Our own phrasings (the non-English ones
/// need a native speaker's review).
/// </summary>
public sealed class CrisisDetectorSession25MendTests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    /// <summary>Crises sharing words with the narrowed idioms and rules: rules alone escalate.</summary>
    [Theory]
    [InlineData("Depois da prova eu vou me matar hoje", GuardCategories.CrisisSelfHarm)]
    [InlineData("Se eu reprovar na prova vou me matar", GuardCategories.CrisisSelfHarm)]
    [InlineData("Amanhã tem prova e eu quero me matar", GuardCategories.CrisisSelfHarm)]
    [InlineData("O padrasto com o galho me bate", GuardCategories.CrisisViolence)]
    [InlineData("Cuando hay tormenta me pega más fuerte", GuardCategories.CrisisViolence)]
    [InlineData("Con la tormenta golpea a mi mamá", GuardCategories.CrisisViolence)]
    [InlineData("Con una rama me pega todos los días", GuardCategories.CrisisViolence)]
    [InlineData("O vento bate na porta, ele bate em mim todo dia", GuardCategories.CrisisViolence)]
    [InlineData("La tempête frappe, il me tape dessus tous les soirs", GuardCategories.CrisisViolence)]
    [InlineData("Mon copain me tape dessus quand il boit", GuardCategories.CrisisViolence)]
    [InlineData("Cuando hay viento mi esposo golpea a mi madre", GuardCategories.CrisisViolence)]
    [InlineData("Com a tempestade ele bateu em mim a noite toda", GuardCategories.CrisisViolence)]
    [InlineData("La pluie tape contre les vitres et il me frappe encore", GuardCategories.CrisisViolence)]
    [InlineData("Preparan el matrimonio de mi hermanita con un viejo", GuardCategories.CrisisChildAtRisk)]
    [InlineData("O trabalho de meu irmãozinho na carvoaria começa às 4h", GuardCategories.CrisisChildAtRisk)]
    [InlineData("Mariage des gamines au village, ma soeur est la suivante", GuardCategories.CrisisChildAtRisk)]
    [InlineData("O trabalho da menina na casa do patrão não para, ela tem 10 anos", GuardCategories.CrisisChildAtRisk)]
    [InlineData("Ya me mato, no aguanto más", GuardCategories.CrisisSelfHarm)]
    [InlineData("Mañana me mato después del examen", GuardCategories.CrisisSelfHarm)]
    [InlineData("Hoy me mato, el trabajo ya no tiene sentido", GuardCategories.CrisisSelfHarm)]
    [InlineData("Depois da prova meu pai me bate", GuardCategories.CrisisViolence)]
    [InlineData("Na tempestade meu pai bate na minha mãe", GuardCategories.CrisisViolence)]
    [InlineData("Cuando hay tormenta mi papá golpea a mis hermanos", GuardCategories.CrisisViolence)]
    [InlineData("Tiene contracciones desde ayer y el bebé no sale hasta el momento", GuardCategories.CrisisMedical)]
    [InlineData("طعنني غدرا بالسكين وأنا أنزف", GuardCategories.CrisisViolence)]
    [InlineData("Esta noche me mato con pastillas", GuardCategories.CrisisSelfHarm)]
    [InlineData("Hoy me mato en mi cuarto, ya lo decidí", GuardCategories.CrisisSelfHarm)]
    [InlineData("Ya pasaron horas de parto y el bebé no sale hasta ahora", GuardCategories.CrisisMedical)]
    [InlineData("طعنتني زوجة أبي بسكين المطبخ", GuardCategories.CrisisViolence)]
    [InlineData("News: my husband just stabbed me", GuardCategories.CrisisViolence)]
    [InlineData("Actualités : mon mari vient de me poignarder", GuardCategories.CrisisViolence)]
    [InlineData("Documentary aside, my boyfriend hits me every day", GuardCategories.CrisisViolence)]
    [InlineData("I'm gonna kill myself, it's not a joke bro", GuardCategories.CrisisSelfHarm)]
    [InlineData("I want to die and my friends think it is a joke bro", GuardCategories.CrisisSelfHarm)]
    public void Rules_CrisesSharingTheMendedWords_Escalate(string text, string category)
    {
        Assert.Contains(category, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>The look-alikes of the review: rules alone stay quiet.</summary>
    [Theory]
    [InlineData("A prova me mata")]
    [InlineData("O vento bate forte na janela")]
    [InlineData("La lluvia golpea las ventanas")]
    [InlineData("O galho bate na janela")]
    [InlineData("La pluie tape contre les vitres")]
    [InlineData("Hoy me mato en el trabajo")]
    [InlineData("Hoy me mato a trabajar")]
    [InlineData("Hoy me mato con la dieta")]
    [InlineData("ya me mato de tanto reír")]
    [InlineData("Mañana me mato en el examen")]
    [InlineData("Ahora me mato con este calor")]
    [InlineData("ya me mato el profesor con ese examen")]
    [InlineData("طعنني صديقي بكلامه")]
    [InlineData("طعنتني كلماتها")]
    [InlineData("Film: just watched a man beat his wife, so sad")]
    [InlineData("Documentary: my thoughts on why people kill themselves")]
    [InlineData("Película: mi escena favorita es cuando él la apuñala")]
    [InlineData("I'm gonna kill him haha just a joke bro")]
    [InlineData("Tuvo contracciones pero el bebé no nace hasta la semana que viene, todo bien")]
    [InlineData("El bebé no sale hasta finales de mes, según el médico")]
    [InlineData("Trabajo de medio tiempo para estudiantes")]
    public void Rules_ReviewLookAlikes_StayQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    [Theory]
    [InlineData("flim: my a b c d zork me", false)] // the possessive five words before the match
    [InlineData("flim: my a b c zork me", true)] // four words before ("mon mari vient de me poignarder")
    [InlineData("flim: just a b zork me", false)] // "just" three words before
    [InlineData("flim: just a zork me", true)] // two words before ("my husband just stabbed me")
    [InlineData("flim: zork me, my friend", false)] // after the match, outside it
    public void CounterFrames_OwnOrRecentNearTheMatchOnly(string text, bool escalates)
    {
        var detector = new CrisisDetector(CrisisLexicon.Parse("""
            en violence 0.9 1 zork me
            en counter 0 0 flim
            """));

        Assert.Equal(escalates, detector.Detect(text).CategoriesAtOrAbove(Threshold).Count > 0);
    }

    [Theory]
    [InlineData("zork me, just a jape bro", false)] // a form of address ends a retraction
    [InlineData("zork me, everyone says its a jape bro", true)] // others' words are no retraction
    public void Joke_FormOfAddressAfterRetraction(string text, bool escalates)
    {
        var detector = new CrisisDetector(CrisisLexicon.Parse("""
            en violence 0.9 1 zork me
            en joke 0 0 jape
            """));

        Assert.Equal(escalates, detector.Detect(text).CategoriesAtOrAbove(Threshold).Count > 0);
    }
}
