using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Nonprofit.Privacy.Tests;

/// <summary>What several test classes need: the shared data beside the repository, and the detector's measurements.</summary>
internal static class TestSupport
{
    /// <summary>A file of the shared data (as in CI, beside the repository); a missing copy is a failure, not a skip.</summary>
    public static string FindData(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}: the shared data must sit beside the repository.");
    }

    /// <summary>The measurements of <see cref="PiiDetector.MeterName"/> that <paramref name="action"/> records on this thread.</summary>
    public static (string Instrument, long Value, KeyValuePair<string, object?>[] Tags)[] Measure(Action action)
    {
        var thread = Environment.CurrentManagedThreadId;
        var measurements = new ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)>();
        using (var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PiiDetector.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        })
        {
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                if (Environment.CurrentManagedThreadId == thread)
                {
                    measurements.Enqueue((instrument.Name, value, tags.ToArray()));
                }
            });
            listener.Start();
            action();
        }

        return [.. measurements];
    }
}
