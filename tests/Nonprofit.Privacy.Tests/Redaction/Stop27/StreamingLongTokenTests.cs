using System.Text;

namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Finding 7 (stop 27): a long matched token is released in bounded pieces, still redacted.</summary>
public sealed class StreamingLongTokenTests
{
    private static (string Output, int MaxPending) Stream(StreamingPiiRedactor stream, string text, int chunk)
    {
        var output = new StringBuilder();
        var maxPending = 0;
        for (var i = 0; i < text.Length; i += chunk)
        {
            output.Append(stream.Append(text.AsSpan(i, Math.Min(chunk, text.Length - i))));
            maxPending = Math.Max(maxPending, stream.PendingLength);
        }

        output.Append(stream.Complete());
        return (output.ToString(), maxPending);
    }

    [Fact]
    public void Stream_UrlOf40000Characters_HoldsBoundedTextAndNeverReleasesItsTail()
    {
        var redactor = new PiiRedactor(new PiiDetector());
        var url = "https://example.org/" + new string('q', 40_000);
        var text = "see " + url + " and then some ordinary words follow here.";

        var (output, maxPending) = Stream(new StreamingPiiRedactor(redactor), text, 16);

        Assert.True(maxPending <= StreamingPiiRedactor.DefaultHoldBack * 6, $"held {maxPending} characters");
        Assert.DoesNotContain("qqqq", output, StringComparison.Ordinal);
        Assert.StartsWith("see <URL>", output, StringComparison.Ordinal);
        Assert.EndsWith(" and then some ordinary words follow here.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_LongUrlWithMask_KeepsTheUtf16LengthAndMasksEveryLetter()
    {
        var redactor = new PiiRedactor(new PiiDetector(), new PiiRedactorOptions { DefaultOperator = RedactionOperator.KeepLast(4) }, new InMemoryPseudonymVault());
        var url = "https://example.org/" + new string('q', 5_000);
        var text = "see " + url + " end";

        var (output, _) = Stream(new StreamingPiiRedactor(redactor, holdBack: 64), text, 16);

        Assert.Equal(text.Length, output.Length);
        Assert.DoesNotContain("q", output, StringComparison.Ordinal);
        Assert.EndsWith(" end", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_LongTokenWithoutPersonalData_IsReleasedUnchanged()
    {
        var text = "plain " + new string('z', 20_000) + " words after";

        var (output, maxPending) = Stream(new StreamingPiiRedactor(new PiiRedactor(new PiiDetector())), text, 16);

        Assert.Equal(text, output);
        Assert.True(maxPending <= StreamingPiiRedactor.DefaultHoldBack * 6, $"held {maxPending} characters");
    }
}
