using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards.Tests.Detection;

public sealed class GuardDetectionTests
{
    [Fact]
    public void OrdersFindingsStrongestFirst()
    {
        var detection = new GuardDetection([new("crisis.medical", 0.4), new("crisis.violence", 0.9), new("crisis.medical", 0.6)]);
        Assert.Equal("crisis.violence", detection.Category);
        Assert.Equal(0.9, detection.Score);
        Assert.Equal(["crisis.violence", "crisis.medical"], detection.CategoriesAtOrAbove(0.5));
        Assert.False(detection.IsEmpty);
        Assert.Equal("crisis.violence 0.9, crisis.medical 0.6, crisis.medical 0.4", detection.ToString());
    }

    [Fact]
    public void NoneIsEmpty()
    {
        Assert.True(GuardDetection.None.IsEmpty);
        Assert.Equal(0, GuardDetection.None.Score);
        Assert.Equal(GuardCategories.None, GuardDetection.None.Category);
        Assert.Empty(GuardDetection.None.CategoriesAtOrAbove(0));
    }

    [Fact]
    public void InvalidFindingsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GuardFinding("x", 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GuardFinding("x", double.NaN));
        Assert.ThrowsAny<ArgumentException>(() => new GuardFinding("", 0.5));
        Assert.Throws<ArgumentException>(() => new GuardDetection([default]));
    }
}
