using System.Text;

namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Finding 2 (stop 27): a context window above 64 characters still reaches released text.</summary>
public sealed class StreamingContextWindowTests
{
    [Fact]
    public void Stream_ContextWindowOf200_RedactsWhatRedactRedacts()
    {
        var redactor = new PiiRedactor(new PiiDetector(new PiiDetectorOptions { ContextWindow = 200 }));
        var filler = string.Concat(Enumerable.Repeat("and later we spoke of rain ", 4));
        var tail = string.Concat(Enumerable.Repeat("nothing more to say now ", 30));
        var failures = new List<int>();
        for (var prefix = 0; prefix < 400; prefix += 7)
        {
            var text = string.Concat(Enumerable.Repeat("ok ", prefix / 3)) + "passport " + filler + "B7654321 " + tail;
            var whole = redactor.Redact(text);
            Assert.DoesNotContain("B7654321", whole, StringComparison.Ordinal); // the cue 120+ characters away counts

            var stream = new StreamingPiiRedactor(redactor);
            var output = new StringBuilder();
            foreach (var c in text)
            {
                output.Append(stream.Append([c]));
            }

            output.Append(stream.Complete());
            if (output.ToString() != whole)
            {
                failures.Add(prefix);
            }
        }

        Assert.Empty(failures);
    }
}
