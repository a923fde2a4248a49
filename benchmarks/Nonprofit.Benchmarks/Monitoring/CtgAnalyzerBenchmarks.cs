using BenchmarkDotNet.Attributes;
using Nonprofit.Evaluation.Ctg;
using Nonprofit.Monitoring;
using Nonprofit.Monitoring.Tests.Synthetic;

namespace Nonprofit.Benchmarks.Monitoring;

/// <summary>
/// <see cref="CtgAnalyzer.Analyze(CtgRecording, CancellationToken)"/> on one hour at 4 Hz (14,400 samples), single
/// threaded, preprocessing included: FHRMA train01 (58.4 min, looped to 1 h) and a synthetic labour CTG
/// (<see cref="SyntheticAnalysisScore.Options"/>, seed 1). The budget is 10 ms.
/// </summary>
[MemoryDiagnoser]
public class CtgAnalyzerBenchmarks
{
    private const int Hour = 14_400;
    private CtgRecording _fhrma = null!;
    private CtgRecording _synthetic = null!;
    private readonly CtgAnalyzer _robust = new(new CtgAnalyzerOptions { BaselineMethod = BaselineMethod.RobustWeightedMedian });
    private readonly CtgAnalyzer _figo = new(new CtgAnalyzerOptions { BaselineMethod = BaselineMethod.Figo });

    [GlobalSetup]
    public void Setup()
    {
        var train01 = CtgReader.Read(FindData("../shared/data/ctg/fhrma/FHRMAdataset/traindata/train01.fhr"));
        _fhrma = new CtgRecording(Loop(train01.FetalHeartRate.Span), uterineActivity: Loop(train01.UterineActivity.Span));
        _synthetic = SyntheticCtgGenerator.Generate(SyntheticAnalysisScore.Options(1)).Recording;
    }

    [Benchmark(Baseline = true)]
    public int FhrmaHourRobust() => _robust.Analyze(_fhrma).Decelerations.Count;

    [Benchmark]
    public int FhrmaHourFigo() => _figo.Analyze(_fhrma).Decelerations.Count;

    [Benchmark]
    public int SyntheticHourRobust() => _robust.Analyze(_synthetic).Decelerations.Count;

    private static float[] Loop(ReadOnlySpan<float> source)
    {
        var hour = new float[Hour];
        for (var i = 0; i < Hour; i++)
        {
            hour[i] = source[i % source.Length];
        }

        return hour;
    }

    private static string FindData(string relative)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"{relative} was not found above the benchmark's directory.");
    }
}
