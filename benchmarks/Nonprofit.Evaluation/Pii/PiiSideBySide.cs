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
/// ("ok thanks." 1,500 times: the fixed cost per call) alternate between the
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
        Func<string, object> oursDetect = candidatePath is null ? t => ours.Detect(t) : Load(candidatePath, "pii-candidate", noNames);
        var baseline = Load(baselinePath, "pii-baseline", noNames);

        var differences = CountDifferences(records, oursDetect, baseline) + CountDifferences(prose, oursDetect, baseline);
        Console.WriteLine($"baseline={baselinePath}");
        Console.WriteLine($"this={candidatePath ?? "this build"}{(noNames ? " (both without the name and place scan)" : "")}");
        Console.WriteLine($"identical_matches={(differences == 0 ? "yes" : $"NO ({differences} texts differ)")}");

        Measure("dataset", records, passes, baseline, oursDetect);
        Measure("prose", prose, passes, baseline, oursDetect);
        Measure("short", shortTexts, passes, baseline, oursDetect);
        return differences == 0 ? 0 : 1;
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


    private static Func<string, object> Load(string path, string name, bool noNames)
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
        return (Func<string, object>)Delegate.CreateDelegate(typeof(Func<string, object>), detector, method);
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

    private static void Measure(string name, string[] texts, int passes, Func<string, object> baseline, Func<string, object> ours)
    {
        var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t) + 1);
        var load = LoadAverage();

        // Warm both past tiered compilation.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2))
        {
            Pass(texts, baseline);
            Pass(texts, ours);
        }

        var a = new double[passes];
        var b = new double[passes];
        for (var p = 0; p < passes; p++)
        {
            if (p % 2 == 0)
            {
                a[p] = Pass(texts, baseline);
                b[p] = Pass(texts, ours);
            }
            else
            {
                b[p] = Pass(texts, ours);
                a[p] = Pass(texts, baseline);
            }
        }

        Array.Sort(a);
        Array.Sort(b);
        Console.WriteLine($"{name}.texts={texts.Length} bytes={bytes} passes={passes} load_before={load} load_after={LoadAverage()}");
        Report($"{name}.baseline", a, bytes);
        Report($"{name}.this", b, bytes);
        Console.WriteLine($"{name}.speedup_best={a[0] / b[0]:0.000} speedup_median={a[passes / 2] / b[passes / 2]:0.000}");
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
