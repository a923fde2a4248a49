using System.Diagnostics;
using System.Globalization;
using Nonprofit.Impact;
using Nonprofit.Impact.Iati;

namespace Nonprofit.Evaluation.Impact;

/// <summary>
/// <c>impact-prepare DB [--measurements N]</c> fills a SQLite store with the export workload;
/// <c>impact-export (--store DB | --recorder) [--measurements N] [--out FILE]</c> aggregates the measurements into the
/// framework's periods and writes IATI XML, printing seconds per stage and the process's peak resident memory (VmHWM).
/// Run each in its own process so the peak belongs to that stage: see benchmarks/impact-export.sh.
/// </summary>
public static class ImpactExportEvaluation
{
    public static int Prepare(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: impact-prepare DB [--measurements N]");
            return 2;
        }

        var count = Option(args, "--measurements", 1_000_000);
        var watch = Stopwatch.StartNew();
        var store = new SqliteImpactStore(new SqliteImpactStoreOptions { Path = args[0] });
        try
        {
            var batch = new List<ImpactMeasurement>(10_000);
            var written = 0;
            foreach (var m in ExportWorkload.Measurements(count))
            {
                batch.Add(m);
                if (batch.Count == batch.Capacity)
                {
                    written += store.AppendAsync(batch).GetAwaiter().GetResult();
                    batch.Clear();
                }
            }

            written += store.AppendAsync(batch).GetAwaiter().GetResult();
            Console.WriteLine(Invariant($"impact.prepare.measurements={written}"));
            Console.WriteLine(Invariant($"impact.prepare.seconds={watch.Elapsed.TotalSeconds:F1}"));
        }
        finally
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return 0;
    }

    public static int Export(string[] args)
    {
        var storePath = StringOption(args, "--store");
        var count = Option(args, "--measurements", 1_000_000);
        var output = StringOption(args, "--out");
        var framework = ExportWorkload.Framework();
        var watch = Stopwatch.StartNew();
        ResultsFramework withActuals;
        string source;
        if (storePath is not null)
        {
            source = "store";
            var store = new SqliteImpactStore(new SqliteImpactStoreOptions { Path = storePath });
            try
            {
                withActuals = FrameworkActuals.FromStoreAsync(framework, store).GetAwaiter().GetResult();
            }
            finally
            {
                store.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        else
        {
            source = "recorder";
            using var recorder = new ImpactRecorder(framework.EnumerateIndicators());
            var dims = new Dimension[3];
            foreach (var m in ExportWorkload.Measurements(count))
            {
                for (var i = 0; i < 3; i++)
                {
                    dims[i] = new Dimension(m.Dimensions[i].Name, m.Dimensions[i].Value);
                }

                recorder.Record(m.IndicatorId, m.Value, dims, m.Timestamp);
            }

            Console.WriteLine(Invariant($"impact.export.{source}.record_seconds={watch.Elapsed.TotalSeconds:F2}"));
            watch.Restart();
            withActuals = FrameworkActuals.FromRecorder(framework, recorder);
        }

        var aggregateSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var actuals = withActuals.EnumerateIndicators().SelectMany(i => i.Periods).Sum(p => p.Actuals.Count);
        long bytes;
        using (var stream = output is null ? (Stream)new CountingStream() : File.Create(output))
        {
            new IatiExporter().ExportAsync(withActuals, stream).GetAwaiter().GetResult();
            bytes = stream.Position;
        }

        Console.WriteLine(Invariant($"impact.export.{source}.aggregate_seconds={aggregateSeconds:F2}"));
        Console.WriteLine(Invariant($"impact.export.{source}.iati_write_seconds={watch.Elapsed.TotalSeconds:F2}"));
        Console.WriteLine(Invariant($"impact.export.{source}.actual_elements={actuals}"));
        Console.WriteLine(Invariant($"impact.export.{source}.iati_bytes={bytes}"));
        Console.WriteLine(Invariant($"impact.export.{source}.peak_rss_mb={PeakResidentMegabytes():F0}"));
        return 0;
    }

    /// <summary>VmHWM from /proc/self/status: the peak resident set of this process, in megabytes.</summary>
    private static double PeakResidentMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var text = StringOption(args, name);
        return text is null ? fallback : int.Parse(text, CultureInfo.InvariantCulture);
    }

    private static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>A write-only stream that counts bytes, so the export is measured without disk I/O.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
