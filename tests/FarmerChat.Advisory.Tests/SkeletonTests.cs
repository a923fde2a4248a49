namespace FarmerChat.Advisory.Tests;

public sealed class SkeletonTests
{
    [Fact]
    public void Main_WithNoArguments_ExitsZero() => Assert.Equal(0, Program.Main([]));
}
