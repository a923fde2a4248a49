using System.Diagnostics;
using Nonprofit.Privacy;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Evaluation.Pii;

/// <summary>
/// Rough per-recognizer timing on the data set (for finding hot spots; claims come from BenchmarkDotNet): the
/// best of several passes over the 1,500 records, in milliseconds per pass and MB/s, plus bytes allocated.
/// </summary>
internal static class RecognizerProfile
{
    private const int Passes = 15;

    public static int Run(string[] args)
    {
        var records = PresidioRecord.Load(PiiEvaluation.FindData()).Select(r => r.Text).ToArray();
        var detector = new PiiDetector();
        if (args.Length == 2 && args[0] == "--only")
        {
            if (args[1] == "detector-short")
            {
                // The fixed cost per call, for a sampling profiler (perf).
                records = Enumerable.Repeat(PiiSideBySide.ShortText, records.Length).ToArray();
                args[1] = "detector";
            }

            if (args[1] == "detector-batch")
            {
                // The batch entry point over the records, for a sampling profiler (perf).
                var sink = new List<PiiMatch>();
                var ends = new int[records.Length];
                var batchLoop = Stopwatch.StartNew();
                while (batchLoop.Elapsed < TimeSpan.FromSeconds(8))
                {
                    sink.Clear();
                    detector.DetectMany(records, sink, ends);
                }

                return 0;
            }

            if (args[1] is "detector-concatenated" or "names-concatenated" or "pattern-concatenated")
            {
                // One call on the records joined with '\n' and repeated 16 times (2 MB), for a sampling profiler (perf):
                // the detector, or the name scan or pattern recognizer alone.
                var joined = string.Join('\n', Enumerable.Repeat(records, 16).SelectMany(r => r));
                Action<string> call = args[1] == "detector-concatenated" ? t => detector.Detect(t)
                    : RecognizeInto(detector.Recognizers.Single(r => r.Name == (args[1] == "names-concatenated" ? "names-places" : "pattern")));
                var longLoop = Stopwatch.StartNew();
                while (longLoop.Elapsed < TimeSpan.FromSeconds(12))
                {
                    call(joined);
                }

                return 0;
            }

            // A long loop over one recognizer (or the whole detector), for a sampling profiler (dotnet-trace).
            Action<string> one = args[1] == "detector" ? t => detector.Detect(t) : RecognizeInto(detector.Recognizers.Single(r => r.Name == args[1]));
            var loop = Stopwatch.StartNew();
            while (loop.Elapsed < TimeSpan.FromSeconds(8))
            {
                foreach (var text in records)
                {
                    one(text);
                }
            }

            return 0;
        }

        if (args.Length >= 1 && args[0] == "--floor")
        {
            // [--passes N]: the floor of a pass (calls only, tokenizers, each recognizer alone), alternating in one process.
            var floorPasses = Array.IndexOf(args, "--passes") is var fp and > 0 && fp + 1 < args.Length
                ? int.Parse(args[fp + 1], System.Globalization.CultureInfo.InvariantCulture)
                : 100;
            return RecognizerFloor.Run(records, detector, floorPasses);
        }

        if (args.Length >= 1 && args[0] == "--batch-ab")
        {
            // [--passes N] [--no-names]: the latter compares both paths without the name and place scan.
            var passes = Array.IndexOf(args, "--passes") is var p and > 0 && p + 1 < args.Length
                ? int.Parse(args[p + 1], System.Globalization.CultureInfo.InvariantCulture)
                : 150;
            var compared = args.Contains("--no-names") ? new PiiDetector(new PiiDetectorOptions { EnableNameAndPlaceRecognizers = false }) : detector;
            return BatchSideBySide(records, compared, passes);
        }

        if (args.Length == 2 && args[0] == "--concatenated")
        {
            // The records joined with '\n' and repeated N times, detected in one call: how the one-call reading of the
            // issue scales with the text's length.
            var copies = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
            var joined = string.Join('\n', Enumerable.Repeat(records, copies).SelectMany(r => r));
            var joinedBytes = System.Text.Encoding.UTF8.GetByteCount(joined);
            // Many calls first, so that tiered compilation reaches the optimised code (one call runs mostly unoptimised code).
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < TimeSpan.FromSeconds(3))
            {
                detector.Detect(joined);
            }

            var bestMs = double.MaxValue;
            var found = 0;
            for (var i = 0; i < 10; i++)
            {
                var sw = Stopwatch.StartNew();
                found = detector.Detect(joined).Count;
                bestMs = Math.Min(bestMs, sw.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"concatenated x{copies}: {joinedBytes / 1e6:0.00} MB, {found} matches, best of 10 {bestMs:0.0} ms, {joinedBytes / 1e3 / bestMs:0.0} MB/s");

            // Where the time goes: each recognizer alone over the joined text, and the detector without context scoring.
            var sink = new List<PiiMatch>();
            foreach (var r in detector.Recognizers)
            {
                var best = double.MaxValue;
                for (var i = 0; i < 10; i++)
                {
                    sink.Clear();
                    var sw = Stopwatch.StartNew();
                    r.Recognize(joined, sink);
                    best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine($"  {r.Name,-14} {best,8:0.0} ms, {sink.Count} candidates");
            }

            var withoutContext = new PiiDetector(new PiiDetectorOptions { ContextBoost = 0 });
            var bestNoContext = double.MaxValue;
            for (var i = 0; i < 10; i++)
            {
                var sw = Stopwatch.StartNew();
                withoutContext.Detect(joined);
                bestNoContext = Math.Min(bestNoContext, sw.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"  det. no context {bestNoContext,6:0.0} ms");

            return 0;
        }

        if (args.Length == 1 && args[0] == "--identifier-ab")
        {
            // The identifier recognizer with and without its pass over capitalised words, and through the interface the
            // detector calls, alternating passes in one process.
            var identifier = new IdentifierRecognizer();
            var reference = new IdentifierRecognizer(capitalisedWords: false);
            var sink = new List<PiiMatch>();
            var times = new[] { new List<double>(), new List<double>(), new List<double>() };
            var asInterface = detector.Recognizers.Single(r => r.Name == "identifier");
            for (var pass = 0; pass < 400; pass++)
            {
                for (var k = 0; k < 3; k++)
                {
                    var variant = (k + pass) % 3;
                    times[variant].Add(Pass(records, t =>
                    {
                        sink.Clear();
                        if (variant == 2)
                        {
                            asInterface.Recognize(t, sink);
                        }
                        else
                        {
                            (variant == 0 ? identifier : reference).Recognize(t, sink);
                        }
                    }));
                }
            }

            foreach (var (name, list) in new[] { ("shortcut", times[0]), ("full", times[1]), ("interface", times[2]) })
            {
                list.Sort();
                Console.WriteLine($"identifier {name,-9} best {list[0]:0.000} ms median {list[list.Count / 2]:0.000} ms");
            }

            return 0;
        }

        if (args.Length == 1 && args[0] == "--context-ab")
        {
            // Context scoring's word search over the 48-character windows of every candidate below 1: the bit-mask path
            // against the walk over the characters, alternating passes in one process.
            var searches = ContextLexicon.Words.ToDictionary(p => p.Key, p => new WordSearch(p.Value));
            var windows = records.Select(t => new List<(int From, int Start, int End, int To, WordSearch Search)>()).ToArray();
            for (var k = 0; k < records.Length; k++)
            {
                var list = new List<PiiMatch>();
                foreach (var r in detector.Recognizers)
                {
                    r.Recognize(records[k], list);
                }

                foreach (var c in list.Where(c => c.Score < 1 && searches.ContainsKey(c.Type)))
                {
                    windows[k].Add((Math.Max(0, c.Start - 48), c.Start, c.End, Math.Min(records[k].Length, c.End + 48), searches[c.Type]));
                }
            }

            var recordIndex = records.Select((t, k) => (t, k)).GroupBy(p => p.t).ToDictionary(g => g.Key, g => g.First().k);
            var times = new[] { new List<double>(), new List<double>() };
            var hits = 0;
            for (var pass = 0; pass < 400; pass++)
            {
                for (var k = 0; k < 2; k++)
                {
                    var masks = (k ^ (pass % 2)) == 0;
                    times[masks ? 0 : 1].Add(Pass(records, t =>
                    {
                        foreach (var w in windows[recordIndex[t]])
                        {
                            var span = t.AsSpan();
                            var found = masks
                                ? w.Search.ContainsWord(span[w.From..w.Start]) || w.Search.ContainsWord(span[w.End..w.To])
                                : w.Search.ContainsWordScalar(span[w.From..w.Start]) || w.Search.ContainsWordScalar(span[w.End..w.To]);
                            hits += found ? 1 : 0;
                        }
                    }));
                }
            }

            foreach (var (name, list) in new[] { ("masks", times[0]), ("walk", times[1]) })
            {
                list.Sort();
                Console.WriteLine($"context {name,-6} best {list[0]:0.000} ms median {list[list.Count / 2]:0.000} ms ({windows.Sum(w => w.Count)} candidates, {hits / 800} found per pass)");
            }

            return 0;
        }

        var bytes = records.Sum(r => System.Text.Encoding.UTF8.GetByteCount(r));
        var sum = 0.0;
        foreach (var recognizer in detector.Recognizers)
        {
            sum += Report(recognizer.Name, records, bytes, RecognizeInto(recognizer));
        }

        // The pattern recognizer's age and date steps on every record (whatever its trigger words): the regular
        // expressions trying every position against the scans that try them only near runs of digits.
        ReportPatternSteps(records, bytes);

        Report("tokenizer", records, bytes, t =>
        {
            var tokenizer = new Nonprofit.Privacy.Recognizers.WordTokenizer(t);
            tokenizer.Dispose();
        });

        // The detector's own steps on the recognizers' candidates: context scoring.
        var candidates = records.Select(t =>
        {
            var list = new List<PiiMatch>();
            foreach (var r in detector.Recognizers)
            {
                r.Recognize(t, list);
            }

            return list.ToArray();
        }).ToArray();
        Console.WriteLine($"{"(candidates)",-14} {candidates.Sum(c => c.Length),8}");
        if (Environment.GetEnvironmentVariable("PII_PROFILE_CONTEXT_STATS") == "1")
        {
            var withContext = candidates.SelectMany(c => c.Where(m => m.Score < 1 && ContextLexicon.Words.ContainsKey(m.Type))).ToArray();
            Console.WriteLine($"context calls {withContext.Length}; by type: {string.Join(", ", withContext.GroupBy(m => m.Type.Name).Select(g => g.Key + "=" + g.Count()))}");
            var sameBefore = candidates.Sum(c => c.Where(m => m.Score < 1 && ContextLexicon.Words.ContainsKey(m.Type)).GroupBy(m => (m.Type, m.Start)).Sum(g => g.Count() - 1));
            var sameAfter = candidates.Sum(c => c.Where(m => m.Score < 1 && ContextLexicon.Words.ContainsKey(m.Type)).GroupBy(m => (m.Type, m.End)).Sum(g => g.Count() - 1));
            Console.WriteLine($"repeated before-windows {sameBefore}, repeated after-windows {sameAfter}");
        }

        var index = new Dictionary<string, int>(records.Length);
        for (var k = 0; k < records.Length; k++)
        {
            index.TryAdd(records[k], k);
        }

        Report("context", records, bytes, t =>
        {
            foreach (var c in candidates[index[t]])
            {
                if (c.Score < 1)
                {
                    Nonprofit.Privacy.Recognizers.ContextLexicon.HasContext(t, c.Start, c.End, c.Type, 48);
                }
            }
        });

        var all = new List<PiiMatch>();
        Report("all in turn", records, bytes, t =>
        {
            all.Clear();
            foreach (var r in detector.Recognizers)
            {
                r.Recognize(t, all);
            }
        });

        var total = Report("detector", records, bytes, t => detector.Detect(t));
        Console.WriteLine($"{"(overhead)",-14} {total - sum,8:0.00} ms");
        var batch = new List<PiiMatch>();
        var batchEnds = new int[records.Length];
        ReportPass("det. batch", bytes, () =>
        {
            var sw = Stopwatch.StartNew();
            batch.Clear();
            detector.DetectMany(records, batch, batchEnds);
            return sw.Elapsed.TotalMilliseconds;
        });

        // Ablations inside the detector (timing only: their matches differ): without the name and place scan and its
        // token stream (the pattern recognizer then scans for its trigger words itself), and without context scoring.
        var noNames = new PiiDetector(new PiiDetectorOptions { EnableNameAndPlaceRecognizers = false });
        Report("det. no names", records, bytes, t => noNames.Detect(t));
        var noContext = new PiiDetector(new PiiDetectorOptions { ContextBoost = 0 });
        Report("det. no context", records, bytes, t => noContext.Detect(t));

        // The detector's own work per call (scratch, candidate lists, context, thresholds, resolution, metrics): the
        // detector without the name scan against its recognizers called in turn on each record, into one list.
        var noNameRecognizers = noNames.Recognizers.ToArray();
        Report("no names, turn", records, bytes, t =>
        {
            all.Clear();
            foreach (var r in noNameRecognizers)
            {
                r.Recognize(t, all);
            }
        });
        var noNamesNoContext = new PiiDetector(new PiiDetectorOptions { EnableNameAndPlaceRecognizers = false, ContextBoost = 0 });
        Report("det. no n., ctx", records, bytes, t => noNamesNoContext.Detect(t));
        return 0;
    }

    private static void ReportPatternSteps(string[] records, long bytes)
    {
        for (var round = 0; round < 2; round++)
        {
            ReportRegex("  age regex", PatternRecognizer.AgePhrase(), records, bytes);
            ReportScan("  age scan", PatternRecognizer.NextAge, records, bytes);
            ReportRegex("  date regex", PatternRecognizer.Date(), records, bytes);
            ReportScan("  date scan", PatternRecognizer.NextDate, records, bytes);
        }
    }

    private static void ReportRegex(string name, System.Text.RegularExpressions.Regex regex, string[] records, long bytes) =>
        Report(name, records, bytes, t =>
        {
            foreach (var m in regex.EnumerateMatches(t))
            {
                _ = m.Length;
            }
        });

    private static void ReportScan(string name, PatternRecognizer.NextMatch next, string[] records, long bytes) =>
        Report(name, records, bytes, t =>
        {
            var state = new PatternRecognizer.ScanState(t);
            while (next(t, ref state, out _, out _))
            {
            }
        });

    private static Action<string> RecognizeInto(IPiiRecognizer recognizer)
    {
        var sink = new List<PiiMatch>();
        return text =>
        {
            sink.Clear();
            recognizer.Recognize(text, sink);
        };
    }

    // Detect on each record against DetectMany over all of them, passes alternating (the order swaps every pass), after
    // a check that both give the same matches; best and median pass of each and their ratio (above 1: the batch is faster).
    private static int BatchSideBySide(string[] records, PiiDetector detector, int passes)
    {
        var bytes = records.Sum(r => (long)System.Text.Encoding.UTF8.GetByteCount(r));
        var batch = new List<PiiMatch>();
        var ends = new int[records.Length];
        detector.DetectMany(records, batch, ends);
        // Per record: the same matches, and each credited to its own record through ends.
        var identical = true;
        var start = 0;
        for (var i = 0; i < records.Length && identical; i++)
        {
            identical = ends[i] >= start && detector.Detect(records[i]).SequenceEqual(batch.Skip(start).Take(ends[i] - start));
            start = ends[i];
        }

        identical &= start == batch.Count;
        Console.WriteLine($"identical_matches={(identical ? "yes" : "NO")} load={File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        var times = new[] { new List<double>(), new List<double>() };
        Func<double>[] runs =
        [
            () => Pass(records, t => detector.Detect(t)),
            () =>
            {
                var sw = Stopwatch.StartNew();
                batch.Clear();
                detector.DetectMany(records, batch, ends);
                return sw.Elapsed.TotalMilliseconds;
            },
        ];
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(3))
        {
            runs[0]();
            runs[1]();
        }

        for (var pass = 0; pass < passes; pass++)
        {
            for (var k = 0; k < 2; k++)
            {
                var variant = (k + pass) % 2;
                times[variant].Add(runs[variant]());
            }
        }

        string[] names = ["per record", "batch"];
        for (var v = 0; v < 2; v++)
        {
            var sorted = times[v].Order().ToArray();
            Console.WriteLine($"{names[v],-11} best {sorted[0],7:0.000} ms ({bytes / 1e3 / sorted[0],6:0.0} MB/s) median {sorted[sorted.Length / 2],7:0.000} ms");
        }

        var best = times.Select(t => t.Min()).ToArray();
        var median = times.Select(t => t.Order().ElementAt(t.Count / 2)).ToArray();
        Console.WriteLine($"speedup best {best[0] / best[1]:0.000} median {median[0] / median[1]:0.000} load={File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return identical ? 0 : 1;
    }

    private static double Report(string name, string[] records, long bytes, Action<string> run) =>
        ReportPass(name, bytes, () => Pass(records, run));

    private static double ReportPass(string name, long bytes, Func<double> pass)
    {
        // Long enough for tiered compilation to reach its optimised code.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1.5))
        {
            pass();
        }

        var best = double.MaxValue;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var collections = GC.CollectionCount(0);
        for (var i = 0; i < Passes; i++)
        {
            best = Math.Min(best, pass());
        }

        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / Passes;
        var gcs = (GC.CollectionCount(0) - collections) / (double)Passes;
        Console.WriteLine($"{name,-14} {best,8:0.00} ms {bytes / 1e3 / best,8:0.0} MB/s {allocated / 1024.0,9:0.0} KB allocated {gcs,5:0.0} gen0 GCs");
        return best;
    }

    private static double Pass(string[] records, Action<string> run)
    {
        var sw = Stopwatch.StartNew();
        foreach (var text in records)
        {
            run(text);
        }

        return sw.Elapsed.TotalMilliseconds;
    }
}
