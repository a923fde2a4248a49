using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards.Tests.OutputSafety;

/// <summary>
/// The identity placeholder lexicon of the hate model (<see cref="HateSpeechIdentities"/>) and hateful / non-hateful
/// pairs that differ only in the target, written for these tests.
/// </summary>
public sealed class HateSpeechIdentitiesTests
{
    private const char P = HateSpeechIdentities.Placeholder;

    [Theory]
    [InlineData("Women are strong.", "ꙮ are strong")]
    [InlineData("People with disabilities vote too.", "ꙮ vote too")]
    [InlineData("Les personnes handicapées travaillent.", "les ꙮ travaillent")]
    [InlineData("Ich helfe Flüchtlingen und Ausländern.", "ich helfe ꙮ und ꙮ")]
    [InlineData("Pomagamy uchodźcom i imigrantom.", "pomagamy ꙮ i ꙮ")]
    [InlineData("Os muçulmanos rezam.", "os ꙮ rezam")]
    [InlineData("Las personas con discapacidad trabajan.", "las ꙮ trabajan")]
    [InlineData("De vluchtelingen zijn hier.", "de ꙮ zijn hier")]
    [InlineData("Gli ebrei e i rifugiati.", "gli ꙮ e i ꙮ")]
    [InlineData("Wakimbizi na wanawake wanasaidiwa.", "ꙮ na ꙮ wanasaidiwa")]
    [InlineData("Aurton ki madad karo.", "ꙮ ki madad karo")]
    public void Abstract_ReplacesInflectedAndMultiWordForms(string text, string expected) =>
        Assert.Equal(expected.Replace('ꙮ', P), HateSpeechIdentities.Abstract(text));

    [Theory]
    [InlineData("महिलाओं को मदद मिलनी चाहिए।", "ꙮ को मदद मिलनी चाहिए")]
    [InlineData("शरणार्थियों का स्वागत है", "ꙮ का स्वागत है")]
    [InlineData("وللمهاجرين حقوق", "ꙮ حقوق")]
    [InlineData("هذا للنساء", "هذا ꙮ")]
    [InlineData("ذوي الإعاقة", "ꙮ")]
    [InlineData("我们帮助难民和黑人。", "我们帮助ꙮ和ꙮ")]
    [InlineData("跨性别者", "ꙮ")]
    public void Abstract_HandlesNonLatinScripts(string text, string expected) =>
        Assert.Equal(expected.Replace('ꙮ', P), HateSpeechIdentities.Abstract(text));

    [Theory]
    [InlineData("Womenswear is on sale.")]
    [InlineData("The transport of frozen goods.")]
    [InlineData("A romantic dinner in Rome.")]
    [InlineData("Homogeneous mixtures are blended.")]
    [InlineData("Das Frauenhaus hat offen.")]
    [InlineData("Negroni is a cocktail.")]
    [InlineData("السودان بلد كبير")]
    [InlineData("Migrantenbeirat")]
    public void Abstract_DoesNotMatchInsideOtherWords(string text) =>
        Assert.Equal(GuardText.Normalize(text), HateSpeechIdentities.Abstract(text));

    [Fact]
    public void Abstract_IsStableUnderNormalisation_AndNeverLonger()
    {
        foreach (var text in new[] { "Women, Muslims and refugees.", "Les Juifs", "وللمهاجرين", "难民", "Uchodźcy!" })
        {
            var abstracted = HateSpeechIdentities.Abstract(text);
            Assert.Equal(abstracted, GuardText.Normalize(abstracted));
            Assert.True(abstracted.Length <= GuardText.Normalize(text).Length);
            Assert.Contains(P, abstracted);
        }
    }

    [Fact]
    public void Forms_AreNormalised_AndHoldNoPlaceholder()
    {
        var forms = HateSpeechIdentities.Forms.ToList();
        Assert.True(forms.Count > 300);
        Assert.All(forms, f => Assert.Equal(GuardText.Normalize(f), f));
        Assert.DoesNotContain(forms, f => f.Contains(P));
    }

    [Fact]
    public void AbstractingModel_ScoresTwoGroupsAlike_AndKeepsTheScoreOfGroupFreeText()
    {
        // Scoring with the placeholder is blind to which group is named; a text without a group is scored as before.
        var weights = LinearTextModel.LoadEmbedded(HateSpeechModel.FileName);
        var abstracting = new HateSpeechModel(weights, abstractIdentities: true);
        var plain = new HateSpeechModel(weights);
        Assert.Equal(abstracting.Score("Refugees are a plague on this town."), abstracting.Score("Lesbians are a plague on this town."));
        Assert.NotEqual(plain.Score("Refugees are a plague on this town."), plain.Score("Lesbians are a plague on this town."));
        Assert.Equal(plain.Score("Locusts are a plague on this farm."), abstracting.Score("Locusts are a plague on this farm."));
    }

    /// <summary>Pairs that differ only in the target: a protected group, then an animal or a thing.</summary>
    public static TheoryData<string, string> TargetPairs() => new()
    {
        { "Immigrants are vermin and must be driven out.", "Rats are vermin and must be driven out." },
        { "Les musulmans sont une plaie pour ce pays.", "Les moustiques sont une plaie pour ce pays." },
        { "Las mujeres son basura.", "Estas revistas son basura." },
        { "Flüchtlinge sind Ungeziefer.", "Kakerlaken sind Ungeziefer." },
        { "Os judeus são uma praga.", "Os gafanhotos são uma praga." },
        { "I gay sono schifosi.", "I topi sono schifosi." },
    };

    [Theory]
    [MemberData(nameof(TargetPairs))]
    public void EmbeddedModel_ScoresTheProtectedTargetAboveTheObject(string hateful, string nonHateful) =>
        Assert.True(HateSpeechModel.Default.Score(hateful) > HateSpeechModel.Default.Score(nonHateful));
}
