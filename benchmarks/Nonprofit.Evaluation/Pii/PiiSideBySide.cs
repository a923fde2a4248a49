using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Nonprofit.Privacy;

namespace Nonprofit.Evaluation.Pii;

/// <summary>
/// Side-by-side speed of two builds of Nonprofit.Privacy in one process: this build (the one the harness references)
/// and a baseline <c>Nonprofit.Privacy.dll</c> loaded in its own <see cref="AssemblyLoadContext"/> (its dependencies
/// come from this process, so build the baseline from a commit with the same package versions). Passes of
/// <c>Detect(string)</c> over the 1,500 records of the Presidio set, over PII-free prose and over a short clean text
/// ("ok thanks." 1,500 times: the fixed cost per call), of <c>DetectMany</c> over the 1,500 records as one list, and of one call on the records joined four times (0.5 MB), alternate between the
/// builds (the order swaps every pass), so a loaded machine slows both alike; prints the best and median pass of each,
/// in ms and MB/s, and the load average before and after. Before timing, it checks that both builds return the same
/// matches for every record and paragraph.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- pii-ab --baseline PATH/Nonprofit.Privacy.dll [--candidate PATH/Nonprofit.Privacy.dll] [--passes N]</c>.
/// With <c>--candidate</c> both builds load from paths, each in a load context of its own, so neither has the default
/// context's place; run it twice with the two paths swapped to see what the place and the process are worth (an
/// A/A run of one build against a copy of itself moved by up to 9% on the short text).
/// </remarks>
internal static class PiiSideBySide
{
    public static int Run(string[] args)
    {
        string? baselinePath = null;
        string? candidatePath = null;
        var passes = 300;
        var noNames = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--baseline" when i + 1 < args.Length:
                    baselinePath = Path.GetFullPath(args[++i]);
                    break;
                case "--candidate" when i + 1 < args.Length:
                    candidatePath = Path.GetFullPath(args[++i]);
                    break;
                case "--no-names":
                    // Both builds without the name and place scan: the other recognizers and the detector's own work.
                    noNames = true;
                    break;
                case "--passes" when i + 1 < args.Length:
                    passes = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: pii-ab --baseline PATH/Nonprofit.Privacy.dll [--candidate PATH/Nonprofit.Privacy.dll] [--passes N] [--no-names]");
                    return 2;
            }
        }

        if (baselinePath is null || !File.Exists(baselinePath))
        {
            Console.Error.WriteLine("pii-ab: --baseline must name a built Nonprofit.Privacy.dll");
            return 2;
        }

        var records = PresidioRecord.Load(PiiEvaluation.FindData()).Select(r => r.Text).ToArray();
        var prose = Enumerable.Repeat(ProseParagraphs, 160).SelectMany(p => p).ToArray();

        // The fixed cost per call: a short clean text, as many times as there are records.
        var shortTexts = Enumerable.Repeat(ShortText, records.Length).ToArray();

        var ours = new PiiDetector(new PiiDetectorOptions { EnableNameAndPlaceRecognizers = !noNames });
        var (oursDetect, oursMany) = candidatePath is null
            ? (t => ours.Detect(t), (Func<IReadOnlyList<string>, object>)(ts => ours.DetectMany(ts)))
            : Load(candidatePath, "pii-candidate", noNames);
        var (baseline, baselineMany) = Load(baselinePath, "pii-baseline", noNames);

        // One long text: the records joined with '\n', four times over (about 0.5 MB), detected in one call.
        string[] joined = [string.Join('\n', Enumerable.Repeat(records, 4).SelectMany(r => r))];
        var differences = CountDifferences(records, oursDetect, baseline) + CountDifferences(prose, oursDetect, baseline)
            + CountDifferences(joined, oursDetect, baseline);
        Console.WriteLine($"baseline={baselinePath}");
        Console.WriteLine($"this={candidatePath ?? "this build"}{(noNames ? " (both without the name and place scan)" : "")}");
        Console.WriteLine($"identical_matches={(differences == 0 ? "yes" : $"NO ({differences} texts differ)")}");

        Measure("dataset", records, passes, baseline, oursDetect);
        Measure("prose", prose, passes, baseline, oursDetect);
        Measure("short", shortTexts, passes, baseline, oursDetect);

        // The batch entry point: the 1,500 records as one list per pass (DetectMany, blocks of 32 inside).
        Measure("batch", records, passes, Timed(records, baselineMany), Timed(records, oursMany));
        Measure("joined", joined, Math.Max(2, passes / 4), baseline, oursDetect);
        return differences == 0 ? 0 : 1;
    }

    private static Func<double> Timed(string[] texts, Func<IReadOnlyList<string>, object> detectMany) => () =>
    {
        var sw = Stopwatch.StartNew();
        detectMany(texts);
        return sw.Elapsed.TotalMilliseconds;
    };

    private static void Measure(string name, string[] texts, int passes, Func<string, object> baseline, Func<string, object> ours) =>
        Measure(name, texts, passes, () => Pass(texts, baseline), () => Pass(texts, ours));

    // Prints the best and median pass of each build, their ratios, and the median of the ratios of the two passes of
    // each alternated pair (speedup_pairs: the figure least moved by the load changing during the run).
    private static void Measure(string name, string[] texts, int passes, Func<double> baseline, Func<double> ours)
    {
        var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t) + 1);
        var load = LoadAverage();

        // Warm both past tiered compilation.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2))
        {
            baseline();
            ours();
        }

        var a = new double[passes];
        var b = new double[passes];
        var pairs = new double[passes];
        for (var p = 0; p < passes; p++)
        {
            if (p % 2 == 0)
            {
                a[p] = baseline();
                b[p] = ours();
            }
            else
            {
                b[p] = ours();
                a[p] = baseline();
            }

            pairs[p] = a[p] / b[p];
        }

        Array.Sort(a);
        Array.Sort(b);
        Array.Sort(pairs);
        Console.WriteLine($"{name}.texts={texts.Length} bytes={bytes} passes={passes} load_before={load} load_after={LoadAverage()}");
        Report($"{name}.baseline", a, bytes);
        Report($"{name}.this", b, bytes);
        Console.WriteLine($"{name}.speedup_best={a[0] / b[0]:0.000} speedup_median={a[passes / 2] / b[passes / 2]:0.000} speedup_pairs={pairs[passes / 2]:0.000}");
    }

    /// <summary>PII-free English prose: these paragraphs, repeated, are also the detection benchmarks' prose (PiiCorpus).</summary>
    public static readonly string[] ProseParagraphs =
    [
        "The rains came late this season, and the farmers waited for the soil to soften before planting. " +
        "Extension officers advised them to prepare the fields early and to keep seed dry until the ground was ready.",
        "A good conversation starts with listening. The volunteers were trained to ask open questions, to wait, " +
        "and to explain what help was available without promising more than they could give.",
        "The clinic opens in the morning and closes in the evening. Health workers measure the baby's heart rate, " +
        "write down what they see, and refer a mother to the hospital when something is not right.",
        "Funders want to know what changed because of their support. The team records each activity when it happens, " +
        "so that the report at the end of the year is a summary and not a search through old notebooks.",
    ];

    /// <summary>A short clean text, for the fixed cost of a call.</summary>
    public const string ShortText = "ok thanks.";


    private static (Func<string, object> Detect, Func<IReadOnlyList<string>, object> DetectMany) Load(string path, string name, bool noNames)
    {
        var context = new BuildContext(name);
        var assembly = context.LoadFromAssemblyPath(path);
        var type = assembly.GetType("Nonprofit.Privacy.PiiDetector", throwOnError: true)!;
        object detector;
        if (noNames)
        {
            var optionsType = assembly.GetType("Nonprofit.Privacy.PiiDetectorOptions", throwOnError: true)!;
            var options = Activator.CreateInstance(optionsType)!;
            optionsType.GetProperty("EnableNameAndPlaceRecognizers")!.SetValue(options, false);
            detector = type.GetConstructor([optionsType, typeof(IEnumerable<>).MakeGenericType(assembly.GetType("Nonprofit.Privacy.IPiiRecognizer", throwOnError: true)!)])!
                .Invoke([options, null]);
        }
        else
        {
            detector = Activator.CreateInstance(type)!;
        }

        var method = type.GetMethod("Detect", [typeof(string)])!;
        var many = type.GetMethod("DetectMany", [typeof(IReadOnlyList<string>)])!;
        return ((Func<string, object>)Delegate.CreateDelegate(typeof(Func<string, object>), detector, method),
            (Func<IReadOnlyList<string>, object>)Delegate.CreateDelegate(typeof(Func<IReadOnlyList<string>, object>), detector, many));
    }

    private static int CountDifferences(string[] texts, Func<string, object> ours, Func<string, object> baseline)
    {
        var differences = 0;
        foreach (var text in texts)
        {
            if (Describe(ours(text)) != Describe(baseline(text)))
            {
                differences++;
            }
        }

        return differences;
    }

    // The matches as text (type, start, length, score, recognizer), the same for both builds' PiiMatch types.
    private static string Describe(object matches)
    {
        var sb = new StringBuilder();
        foreach (var m in (System.Collections.IEnumerable)matches)
        {
            sb.Append(m).Append(';');
        }

        return sb.ToString();
    }

    private static void Report(string name, double[] sorted, long bytes)
    {
        var best = sorted[0];
        var median = sorted[sorted.Length / 2];
        Console.WriteLine($"{name}.ms best={best:0.000} median={median:0.000}  MB/s best={bytes / 1e3 / best:0.0} median={bytes / 1e3 / median:0.0}");
    }

    private static double Pass(string[] texts, Func<string, object> detect)
    {
        var sw = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            detect(text);
        }

        return sw.Elapsed.TotalMilliseconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    // Loads only a Nonprofit.Privacy from its path; every dependency resolves in the default context.
    private sealed class BuildContext(string name) : AssemblyLoadContext(name, isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}
