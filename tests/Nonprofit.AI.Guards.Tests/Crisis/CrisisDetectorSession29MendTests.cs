namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Session 29, the mend of the whole-diff review's crisis findings 1, 5 and 6: a reported act of violence undoes a
/// laughed-off boss or mother-in-law threat (es fr en); a death or ending word undoes the pill period and trip idioms; the
/// hi whole-box rule needs a pill word. Our own phrasings, no review corpus's line.
/// </summary>
public sealed class CrisisDetectorSession29MendTests
{
    private const double Threshold = CrisisDetector.DefaultThreshold;

    /// <summary>Finding 1: the laugh does not cancel a threat next to a reported assault.</summary>
    [Theory]
    [InlineData("mi suegra me va a matar jaja, me empujó por las escaleras")]
    [InlineData("mi jefa me va a matar jaja, ayer me pegó en la cara")]
    [InlineData("ma belle-mère va me tuer mdr elle m'a poussée dans l'escalier")]
    [InlineData("ce prof va me tuer mdr, il m'a déjà frappée")]
    public void Rules_LaughedOffThreat_WithAnAssault_Escalates(string text)
    {
        Assert.Contains(GuardCategories.CrisisViolence, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Finding 6: a period or a trip after the pills does not cancel the count next to a death or ending word.</summary>
    [Theory]
    [InlineData("I'm going to take 50 tablets on my trip so nobody finds me in time")]
    [InlineData("vou tomar 50 comprimidos na viagem e acabar com tudo")]
    [InlineData("vou tomar 40 comprimidos por dia até morrer")]
    [InlineData("je vais prendre 50 comprimés en vacances pour en finir")]
    [InlineData("ich nehme 50 Tabletten pro Tag bis ich tot bin")]
    [InlineData("me voy a tomar 40 pastillas este mes no aguanto más")]
    public void Rules_PillPeriodOrTrip_WithADeathWord_Escalates(string text)
    {
        Assert.Contains(GuardCategories.CrisisSelfHarm, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Finding 6, the look-alikes stay quiet; finding 5, a whole box of sweets (hi) is no overdose; a slip ("burned the dinner") is no assault.</summary>
    [Theory]
    [InlineData("vou tomar 30 comprimidos durante o mês, um por dia, como o médico mandou")]
    [InlineData("I'll take 30 tablets over the month as prescribed")]
    [InlineData("mi jefa me va a matar, se me quemó la cena de la oficina jajaja")]
    [InlineData("बच्चों ने पूरा डिब्बा लड्डू खा लिया")]
    public void Rules_DoseOrSweets_StaysQuiet(string text)
    {
        Assert.Empty(CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Finding 4: a past attempt told as past, with an older `again` cue inside the match, stays quiet.</summary>
    [Theory]
    [InlineData("Last year I was going to end it, but therapy really helped and I'm doing well now")]
    [InlineData("Two years ago I was gonna end it all. Today I'm three years clean and happy")]
    public void Rules_PastAttemptToldAsPast_StaysQuiet(string text)
    {
        Assert.DoesNotContain(GuardCategories.CrisisSelfHarm, CrisisDetector.RulesOnly.Detect(text).CategoriesAtOrAbove(Threshold));
    }

    /// <summary>Finding 5: the hi whole-box rule still escalates with a pill word.</summary>
    [Fact]
    public void Rules_HindiWholeStripOfPills_Escalates()
    {
        Assert.Contains(GuardCategories.CrisisSelfHarm, CrisisDetector.RulesOnly.Detect("पूरा पत्ता नींद की गोलियों का खा जाऊंगा आज").CategoriesAtOrAbove(Threshold));
    }
}
