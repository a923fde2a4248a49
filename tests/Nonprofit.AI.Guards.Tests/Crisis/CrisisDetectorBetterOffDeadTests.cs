namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>
/// Stop 28 (the lead): "better off dead" and its es/pt forms never matched a rule — the old lines' slots read
/// "better off dead|without me" as "better off (dead|without) me" — and "Estou melhor morto." scored 0. Both ways.
/// </summary>
public sealed class CrisisDetectorBetterOffDeadTests
{
    private static readonly CrisisDetector s_detector = new();

    [Theory]
    [InlineData("I'm better off dead.")]
    [InlineData("honestly everyone says it gets better but i'd be better off dead")]
    [InlineData("Estoy mejor muerta.")]
    [InlineData("a veces pienso que estaría mejor muerto, nadie lo notaría")]
    [InlineData("Estou melhor morto.")]
    [InlineData("acho que eu ficaria melhor morta, ninguém liga")]
    public void BetterOffDead_Escalates(string text)
    {
        Assert.Contains(GuardCategories.CrisisSelfHarm, s_detector.Detect(text).CategoriesAtOrAbove(CrisisDetector.DefaultThreshold));
    }

    [Theory]
    [InlineData("The tomato plants are better off in the shade.")]
    [InlineData("Estoy mejor, gracias, ya no me duele la muela.")]
    [InlineData("Estou melhor hoje, obrigada pela ajuda de ontem.")]
    [InlineData("the old printer is dead, we are better off buying a new one")]
    public void BetterWithoutDeath_DoesNotEscalate(string text) =>
        Assert.Empty(s_detector.Detect(text).CategoriesAtOrAbove(CrisisDetector.DefaultThreshold));
}
