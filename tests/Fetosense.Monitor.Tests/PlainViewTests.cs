using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace Fetosense.Monitor.Tests;

/// <summary>When stdout is not the terminal, the sample prints one plain line per event.</summary>
public sealed partial class PlainViewTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fetosense-plain-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"^\d\d:\d\d (SignalLoss|SuspectedFalseSignal|ProlongedDeceleration|Bradycardia|Tachycardia|CategoryChange) (Started|Escalated|Ended|Changed)( normal| suspicious| pathological)? \[(continue|reposition the probe|refer urgently)\] \S.*$")]
    private static partial Regex EventLine();

    [Fact]
    public async Task RedirectedOutput_OneLinePerEvent_NoEscapeCodes()
    {
        var output = new StringWriter();
        var code = await App.RunAsync(["--scenario", "probe-slipping", "--speed", "0", "--data", _dir], output, new StringWriter(), new FakeTimeProvider(), null, CancellationToken.None);
        Assert.Equal(0, code);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.DoesNotContain(lines, l => l.Contains('\u001b', StringComparison.Ordinal));
        var events = lines[..^1];
        Assert.All(events, l => Assert.Matches(EventLine(), l));
        Assert.StartsWith("FIGO normal; action: reposition the probe; report: ", lines[^1], StringComparison.Ordinal);

        // Three probe-off episodes: three signal-loss starts, each followed by its end, in time order.
        Assert.Equal(3, events.Count(l => l.Contains("SignalLoss Started [reposition the probe]", StringComparison.Ordinal)));
        Assert.Equal(3, events.Count(l => l.Contains("SignalLoss Ended [continue]", StringComparison.Ordinal)));
        var times = events.Select(l => l[..5]).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
    }

    [Fact]
    public async Task French_MessagesAndActions()
    {
        var output = new StringWriter();
        await App.RunAsync(["--scenario", "probe-slipping", "--speed", "0", "--data", _dir, "--lang", "fr"], output, new StringWriter(), new FakeTimeProvider(), null, CancellationToken.None);
        Assert.Contains("SignalLoss Started [repositionner la sonde] Le cœur du bébé n'est plus capté.", output.ToString(), StringComparison.Ordinal);
    }
}
