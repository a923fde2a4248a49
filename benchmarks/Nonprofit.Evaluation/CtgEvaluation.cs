using Nonprofit.Evaluation.Ctg;
using Nonprofit.Evaluation.CtgClassify;

namespace Nonprofit.Evaluation;

/// <summary>
/// <c>ctg</c>: every CTG evaluation of issue 5 in one run, each with its defaults and its lines prefixed by its name:
/// the analyzer against the FHRMA analyses and the synthetic ground truth (<c>ctg-analysis</c>), false-signal detection
/// on the validation sets (<c>ctg-fs</c>), Doppler heart rate on synthetic audio (<c>ctg-doppler</c>), variability and
/// STV on synthetic and FHRMA records (<c>ctg-classify</c>) and the online monitor replayed (<c>ctg-monitor</c>).
/// </summary>
internal static class CtgEvaluation
{
    private static readonly (string Name, Func<string[], int> Run)[] s_parts =
    [
        ("ctg-analysis", CtgAnalysisEvaluation.Run),
        ("ctg-fs", FalseSignalEvaluation.Run),
        ("ctg-doppler", DopplerEvaluation.Run),
        ("ctg-classify", CtgClassifyEvaluation.Run),
        ("ctg-monitor", CtgMonitorEvaluation.Run),
    ];

    public static int Run(string[] args)
    {
        if (args.Length > 0)
        {
            Console.Error.WriteLine("usage: Nonprofit.Evaluation ctg (no options; run a part such as ctg-fs to pass options)");
            return 2;
        }

        var worst = 0;
        foreach (var (name, run) in s_parts)
        {
            Console.WriteLine($"# {name}");
            var code = run([]);
            Console.WriteLine($"{name}.exit_code={code}");
            worst = Math.Max(worst, code);
        }

        return worst;
    }
}
