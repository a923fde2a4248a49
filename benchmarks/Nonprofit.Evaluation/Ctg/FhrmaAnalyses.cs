using Nonprofit.Monitoring;

namespace Nonprofit.Evaluation.Ctg;

/// <summary>One method's analysis of one FHRMA recording: baseline at 4 Hz and events in seconds.</summary>
internal sealed record ReferenceAnalysis(float[] Baseline, List<EventSpan> Accelerations, List<EventSpan> Decelerations);

/// <summary>One FHRMA recording with the three reference analyses (A = Ayres-de-Campos, MD = Maeda, W = Wrobel).</summary>
internal sealed record FhrmaFile(string Name, bool Train, CtgRecording Recording, PreprocessedFhr Clean, bool[] Lost, Dictionary<string, ReferenceAnalysis> References);

/// <summary>Loads the FHRMA data set and the <c>analyses/{A,MD,W}_std.mat</c> files (README of ../shared/data/ctg).</summary>
internal static class FhrmaAnalyses
{
    public static readonly string[] Methods = ["A", "MD", "W"];

    public static List<FhrmaFile> Load(string root)
    {
        var dataset = Path.Combine(root, "FHRMAdataset");
        var mats = Methods.ToDictionary(m => m, m => MatFile.Read(Path.Combine(dataset, "analyses", $"{m}_std.mat"))["data"]);
        // FHRMA preprocess.m has no halving/doubling correction; the reference FHR for MADI follows it.
        var preprocessor = new CtgPreprocessor(new CtgPreprocessorOptions { CorrectHalvingDoubling = false });
        var files = new List<FhrmaFile>();
        var count = mats["A"].Count;
        for (var k = 0; k < count; k++)
        {
            var name = mats["A"].Elements[k]["filename"].Text;
            var train = name.StartsWith("train", StringComparison.Ordinal);
            var path = Path.Combine(dataset, train ? "traindata" : "testdata", name);
            var recording = CtgReader.Read(path);
            var clean = preprocessor.Process(recording);
            var lost = new bool[clean.Length];
            for (var i = 0; i < lost.Length; i++)
            {
                lost[i] = !clean.IsMeasured(i);
            }

            var references = new Dictionary<string, ReferenceAnalysis>();
            foreach (var method in Methods)
            {
                var entry = mats[method].Elements[k];
                if (entry["filename"].Text != name)
                {
                    throw new InvalidDataException($"Entry {k} names a different file in {method}_std.mat.");
                }

                references[method] = new ReferenceAnalysis(
                    entry["baseline"].Real.Select(v => (float)v).ToArray(),
                    Events(entry["accelerations"]),
                    Events(entry["decelerations"]));
            }

            files.Add(new FhrmaFile(name, train, recording, clean, lost, references));
        }

        return files;
    }

    private static List<EventSpan> Events(MatArray matrix)
    {
        var events = new List<EventSpan>();
        if (matrix.Count == 0)
        {
            return events;
        }

        // n x 2 [start end] in minutes; tolerate 2 x n.
        var byRows = matrix.Columns == 2;
        var n = byRows ? matrix.Rows : matrix.Columns;
        for (var i = 0; i < n; i++)
        {
            var s = byRows ? matrix[i, 0] : matrix[0, i];
            var e = byRows ? matrix[i, 1] : matrix[1, i];
            events.Add(new EventSpan(s * 60, e * 60));
        }

        return events;
    }
}
