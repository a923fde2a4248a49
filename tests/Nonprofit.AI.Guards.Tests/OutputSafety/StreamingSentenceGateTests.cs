using CsCheck;

namespace Nonprofit.AI.Guards.Tests.OutputSafety;

public sealed class StreamingSentenceGateTests
{
    [Fact]
    public void Append_ReleasesWholeSentencesOnly()
    {
        var gate = new StreamingSentenceGate(400);

        Assert.Equal("", gate.Append("Take 2."));
        Assert.Equal("", gate.Append("5 mg now"));
        Assert.Equal("Take 2.5 mg now.", gate.Append(". Then"));
        Assert.Equal("", gate.Append(" rest"));
        Assert.Equal(" Then rest", gate.Flush());
    }

    [Fact]
    public void Append_NoSentenceEnd_ReleasesAtASpaceAfterTheHoldBack()
    {
        var gate = new StreamingSentenceGate(20);
        var released = gate.Append("one two three four five six seven");
        Assert.Equal("one two three four five six ", released);
        Assert.Equal("seven", gate.Flush());
    }

    [Fact]
    public void Append_AnySplit_ReleasesTheTextUnchangedAndInOrder() =>
        Gen.Select(Gen.String[Gen.Char["ab .!?\n"], 0, 200], Gen.Int[1, 9].Array[1, 20], Gen.Int[16, 60]).Sample((text, sizes, hold) =>
        {
            var gate = new StreamingSentenceGate(hold);
            var output = new System.Text.StringBuilder();
            var position = 0;
            for (var i = 0; position < text.Length; i++)
            {
                var n = Math.Min(sizes[i % sizes.Length], text.Length - position);
                output.Append(gate.Append(text.Substring(position, n)));
                position += n;
                Assert.True(gate.PendingLength <= Math.Max(hold, 9) + 9);
            }

            output.Append(gate.Flush());
            Assert.Equal(text, output.ToString());
        }, iter: 500);
}
