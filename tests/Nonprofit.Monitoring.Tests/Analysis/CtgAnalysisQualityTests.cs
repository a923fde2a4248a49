using Nonprofit.Evaluation.Ctg;
using Nonprofit.Monitoring.Tests.Synthetic;

namespace Nonprofit.Monitoring.Tests.Analysis;

/// <summary>Agreement with the FHRMA reference analyses and with synthetic ground truth, with margins under the measured figures (docs/monitoring.md).</summary>
public sealed class CtgAnalysisQualityTests
{
    private static readonly int[] s_seeds = [.. Enumerable.Range(1001, 20)];
    private static readonly Lazy<List<FhrmaFile>> s_files = new(() => FhrmaAnalyses.Load(SharedData.Fhrma));

    [Fact]
    public void Metrics_PairwiseReferenceFigures_Reproduced()
    {
        var files = s_files.Value;
        CtgAnalysisEvaluation.Comparison Pair(string a, string b) => CtgAnalysisEvaluation.Compare(files, f => f.References[a], f => f.References[b]);

        // Published: MADI A~W 0.093, MD~W 0.143, A~MD 0.159; F accelerations 0.65-0.74, decelerations 0.75-0.84.
        var aw = Pair("A", "W");
        var mdw = Pair("MD", "W");
        var amd = Pair("A", "MD");
        Assert.InRange(aw.Madi, 0.090, 0.097);
        Assert.InRange(mdw.Madi, 0.140, 0.147);
        Assert.InRange(amd.Madi, 0.156, 0.163);
        Assert.All(new[] { aw, mdw, amd }, p => Assert.InRange(p.AccFileMean, 0.64, 0.75));
        Assert.All(new[] { aw, mdw, amd }, p => Assert.InRange(p.DecFileMean, 0.74, 0.85));
    }

    [Fact]
    public void Analyzer_TrainFiles_CloserThanTheClosestOtherMethod()
    {
        var train = s_files.Value.Where(f => f.Train).ToList();
        var analyzer = new CtgAnalyzer();
        var ours = train.ToDictionary(f => f.Name, f =>
        {
            var a = analyzer.Analyze(f.Recording);
            return new ReferenceAnalysis(a.Baseline.ToArray(), [.. a.Accelerations.Select(e => new EventSpan(e.StartSeconds, e.EndSeconds))], [.. a.Decelerations.Select(e => new EventSpan(e.StartSeconds, e.EndSeconds))]);
        });

        // Measured on train: 0.089 (A), 0.141 (MD), 0.047 (W); issue goals 0.093, 0.143, 0.093.
        var vsA = CtgAnalysisEvaluation.Compare(train, f => ours[f.Name], f => f.References["A"]);
        var vsMd = CtgAnalysisEvaluation.Compare(train, f => ours[f.Name], f => f.References["MD"]);
        var vsW = CtgAnalysisEvaluation.Compare(train, f => ours[f.Name], f => f.References["W"]);
        Assert.True(vsA.Madi <= 0.093, $"MADI vs A {vsA.Madi:F4}");
        Assert.True(vsMd.Madi <= 0.143, $"MADI vs MD {vsMd.Madi:F4}");
        Assert.True(vsW.Madi <= 0.093, $"MADI vs W {vsW.Madi:F4}");
        Assert.True(vsA.DecFileMean >= 0.82 && vsW.DecFileMean >= 0.87 && vsMd.DecFileMean >= 0.77, "deceleration F");
        Assert.True(vsA.AccFileMean >= 0.68 && vsW.AccFileMean >= 0.79 && vsMd.AccFileMean >= 0.63, "acceleration F");
    }

    [Theory]
    [InlineData(BaselineMethod.RobustWeightedMedian)]
    [InlineData(BaselineMethod.Figo)]
    public void Analyzer_SyntheticSeeds_MeetsTheIssueTargets(BaselineMethod method)
    {
        var analyzer = new CtgAnalyzer(new CtgAnalyzerOptions { BaselineMethod = method });
        var scores = s_seeds
            .Select(seed => SyntheticCtgGenerator.Generate(SyntheticAnalysisScore.Options(seed)))
            .Select(truth => SyntheticAnalysisScore.Score(truth, analyzer.Analyze(truth.Recording)))
            .ToList();

        var acc = scores.Aggregate(default(EventAgreement), (s, x) => s + x.Accelerations);
        var dec = scores.Aggregate(default(EventAgreement), (s, x) => s + x.Decelerations);
        // Mean over the seeds, as the evaluation reports it: a deceleration in the first or last minutes can pull one
        // seed's edge baseline (docs/monitoring.md lists this as a known limit).
        var rmsd = scores.Select(s => s.BaselineRmsd).Order().ToArray();
        Assert.True(rmsd.Average() <= 3, $"mean baseline RMSD {rmsd.Average():F2}");
        Assert.True(rmsd[rmsd.Length / 2] <= 2, $"median baseline RMSD {rmsd[rmsd.Length / 2]:F2}");
        Assert.True(acc.F >= 0.9, $"acceleration F1 {acc.F:F3}");
        Assert.True(dec.F >= 0.9, $"deceleration F1 {dec.F:F3}");
        var typeAccuracy = (double)scores.Sum(s => s.TypedRight) / scores.Sum(s => s.Typed);
        Assert.True(typeAccuracy >= 0.6, $"deceleration type accuracy {typeAccuracy:F3}");
    }
}
