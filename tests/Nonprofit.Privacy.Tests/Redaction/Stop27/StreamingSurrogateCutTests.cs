using System.Text;

namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Finding 13 (stop 27): a released piece never ends inside a surrogate pair.</summary>
public sealed class StreamingSurrogateCutTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(5)]
    [InlineData(1)]
    public void Stream_LongTokenOfEmoji_EveryReleasedPieceIsWellFormed(int chunk)
    {
        var text = string.Concat(Enumerable.Repeat("\U0001F600", 400)) + string.Concat(Enumerable.Repeat("\U0001F389", 100));
        var stream = new StreamingPiiRedactor(new PiiRedactor(new PiiDetector()), holdBack: 32);
        var pieces = new List<string>();
        for (var i = 0; i < text.Length; i += chunk)
        {
            pieces.Add(stream.Append(text.AsSpan(i, Math.Min(chunk, text.Length - i))));
        }

        pieces.Add(stream.Complete());

        Assert.Equal(text, string.Concat(pieces));
        Assert.True(pieces.Count(p => p.Length > 0) > 2);
        foreach (var piece in pieces)
        {
            Assert.True(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(piece)) == piece, "a piece ends or starts inside a surrogate pair");
        }
    }
}
