using System.Globalization;

namespace Nonprofit.Monitoring.Tests.Analysis;

/// <summary>
/// The analysis of every 10th FHRMA recording (16 files, both baseline methods) against what the implementation before
/// the speed work of issue 5 (branch ctg-speed) produced: <c>Fixtures/ctg-analyzer-reference.txt</c> holds, per file and
/// method, the sample count, <c>BaselineBpm</c>, tachycardia and bradycardia seconds, the baseline's mean, minimum and
/// maximum, every acceleration, deceleration (with its type and contraction) and contraction as sample indices, and the
/// baseline at the start of every minute. Our own outputs, not FHRMA data (which is read in place).
/// </summary>
public sealed class CtgAnalyzerReferenceTests
{
    private const double Tolerance = 0.01; // bpm; the optimised code is bit-identical today, so any change shows here

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(FixturePath))
        {
            var fields = line.Split('|');
            data.Add(fields[0], fields[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analysis_MatchesThePreviousImplementation(string method, string file)
    {
        var fields = File.ReadLines(FixturePath).Select(l => l.Split('|')).Single(f => f[0] == method && f[1] == file);
        var folder = file.StartsWith("train", StringComparison.Ordinal) ? "traindata" : "testdata";
        var recording = CtgReader.Read(Path.Combine(SharedData.Fhrma, "FHRMAdataset", folder, file + ".fhr"));
        var analysis = new CtgAnalyzer(new CtgAnalyzerOptions { BaselineMethod = Enum.Parse<BaselineMethod>(method) }).Analyze(recording);
        var baseline = analysis.Baseline.Span;

        Assert.Equal(int.Parse(fields[2], CultureInfo.InvariantCulture), baseline.Length);
        Assert.Equal(Number(fields[3]), analysis.BaselineBpm, Tolerance);
        Assert.Equal(Number(fields[4]), analysis.TachycardiaSeconds);
        Assert.Equal(Number(fields[5]), analysis.BradycardiaSeconds);
        var valid = baseline.ToArray().Where(b => !float.IsNaN(b)).ToArray();
        Assert.Equal(Number(fields[6]), valid.Average(b => (double)b), 0.001);
        Assert.Equal(Number(fields[7]), valid.Min(), Tolerance);
        Assert.Equal(Number(fields[8]), valid.Max(), Tolerance);
        Assert.Equal(fields[9], string.Join(";", analysis.Accelerations.Select(e => $"A{e.StartIndex}-{e.EndIndex}-{e.ExtremumIndex}")));
        Assert.Equal(fields[10], string.Join(";", analysis.Decelerations.Select(e => $"D{e.StartIndex}-{e.EndIndex}-{e.ExtremumIndex}-{e.Type}-{e.ContractionIndex}")));
        Assert.Equal(fields[11], string.Join(";", analysis.Contractions.Select(e => $"C{e.StartIndex}-{e.EndIndex}-{e.PeakIndex}")));
        var minutes = fields[12].Split(' ').Select(Number).ToArray();
        Assert.Equal((baseline.Length + 239) / 240, minutes.Length);
        for (var m = 0; m < minutes.Length; m++)
        {
            Assert.Equal(minutes[m], baseline[m * 240], Tolerance);
        }
    }

    private static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Analysis", "Fixtures", "ctg-analyzer-reference.txt");

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
