using System.Diagnostics;
using Nonprofit.Privacy;

namespace Nonprofit.Evaluation.Pii;

/// <summary>Rough per-recognizer timing on the data set (for finding hot spots; claims come from BenchmarkDotNet).</summary>
internal static class RecognizerProfile
{
    public static int Run(string[] args)
    {
        var records = PresidioRecord.Load(PiiEvaluation.FindData());
        var detector = new PiiDetector();
        if (args.Length == 2 && args[0] == "--only")
        {
            // A long loop over one recognizer, for a sampling profiler (dotnet-trace).
            if (args[1] == "detector")
            {
                var loopAll = Stopwatch.StartNew();
                while (loopAll.Elapsed < TimeSpan.FromSeconds(8))
                {
                    foreach (var r in records)
                    {
                        detector.Detect(r.Text);
                    }
                }

                return 0;
            }

            var only = detector.Recognizers.Single(r => r.Name == args[1]);
            var loop = Stopwatch.StartNew();
            var sinkOnly = new List<PiiMatch>();
            while (loop.Elapsed < TimeSpan.FromSeconds(8))
            {
                foreach (var r in records)
                {
                    sinkOnly.Clear();
                    only.Recognize(r.Text, sinkOnly);
                }
            }

            return 0;
        }

        var sink = new List<PiiMatch>();
        var bytes = records.Sum(r => System.Text.Encoding.UTF8.GetByteCount(r.Text));
        foreach (var recognizer in detector.Recognizers)
        {
            for (var warm = 0; warm < 3; warm++)
            {
                foreach (var r in records)
                {
                    sink.Clear();
                    recognizer.Recognize(r.Text, sink);
                }
            }

            var sw = Stopwatch.StartNew();
            const int Passes = 20;
            for (var pass = 0; pass < Passes; pass++)
            {
                foreach (var r in records)
                {
                    sink.Clear();
                    recognizer.Recognize(r.Text, sink);
                }
            }

            Console.WriteLine($"{recognizer.Name,-14} {bytes * Passes / 1e6 / sw.Elapsed.TotalSeconds,8:0.0} MB/s");
        }

        var total = Stopwatch.StartNew();
        for (var pass = 0; pass < 20; pass++)
        {
            foreach (var r in records)
            {
                detector.Detect(r.Text);
            }
        }

        Console.WriteLine($"{"detector",-14} {bytes * 20 / 1e6 / total.Elapsed.TotalSeconds,8:0.0} MB/s");
        return 0;
    }
}
