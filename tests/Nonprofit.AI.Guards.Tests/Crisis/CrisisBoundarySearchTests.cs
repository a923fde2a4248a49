namespace Nonprofit.AI.Guards.Tests.Crisis;

/// <summary>The tokenizer finds clause and sentence boundaries with a vectorised search: its set must be BoundaryKind's.</summary>
public sealed class CrisisBoundarySearchTests
{
    [Fact]
    public void SearchSetIsExactlyTheBoundaryCharacters()
    {
        var boundaries = 0;
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var kind = CrisisDetector.BoundaryKind((char)c);
            Assert.True(CrisisDetector.IsBoundarySearched((char)c) == (kind != 0), $"U+{c:X4}");
            boundaries += kind != 0 ? 1 : 0;
        }

        Assert.Equal(22, boundaries);
    }
}
