using System.Text;

namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Finding 9 (stop 27): one large text does not leave a thread holding large lists.</summary>
public sealed class ScratchRetentionTests
{
    [Fact]
    public void Detect_LargeText_DoesNotKeepLargeListsOnTheThread()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            text.Append("mail u").Append(i).Append("@example.org ");
        }

        var detector = new PiiDetector();
        var kept = new int[2];
        int count = 0;
        var thread = new Thread(() =>
        {
            count = detector.Detect(text.ToString()).Count;
            kept[0] = PiiDetector.KeptScratchCapacity;
            var list = new List<PiiMatch>();
            detector.Detect(text.ToString().AsSpan(), list);
            kept[1] = PiiDetector.KeptScratchCapacity;
        });
        thread.Start();
        thread.Join();

        Assert.Equal(20_000, count);
        Assert.True(kept[0] <= 4096, $"kept {kept[0]}");
        Assert.True(kept[1] <= 4096, $"kept {kept[1]}");
    }
}
