using System.Text.RegularExpressions;
using Nonprofit.Cli.Audit;
using Xunit.Abstractions;

namespace Nonprofit.Cli.Tests.Audit;

/// <summary>
/// Precision and recall of <c>nonprofit audit</c> on tests/AuditCorpus: every seeded leak is marked
/// <c>// LEAK: NP1xxx</c> (or <c>NP1xxx*N</c>) on the line the rule reports; a finding is a true positive when an
/// unmatched mark with its rule is on its line.
/// </summary>
public sealed partial class AuditCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Audit_Corpus_PrecisionAndRecallAtLeast90Percent()
    {
        var corpus = Path.Combine(RepoRoot(), "tests", "AuditCorpus");
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var misses = new List<string>();
        foreach (var app in Directory.GetDirectories(corpus).Order(StringComparer.Ordinal))
        {
            var files = SourceCompilation.FindSources(app);
            var expected = new Dictionary<(string, int, string), int>();
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(app, file).Replace('\\', '/');
                var lines = await File.ReadAllLinesAsync(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    var at = lines[i].IndexOf("// LEAK:", StringComparison.Ordinal);
                    if (at < 0)
                    {
                        continue;
                    }

                    foreach (Match mark in LeakMark().Matches(lines[i][at..]))
                    {
                        var count = mark.Groups[2].Success ? int.Parse(mark.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                        expected[(relative, i + 1, mark.Groups[1].Value)] = count;
                    }
                }
            }

            var findings = await AuditCommand.AnalyzeAsync(app, files, null, CancellationToken.None);
            foreach (var finding in findings)
            {
                var key = (finding.File, finding.Line, finding.RuleId);
                if (expected.TryGetValue(key, out var left) && left > 0)
                {
                    expected[key] = left - 1;
                    truePositives++;
                }
                else
                {
                    falsePositives++;
                    misses.Add("false positive: " + Path.GetFileName(app) + "/" + finding);
                }
            }

            foreach (var (key, left) in expected.Where(e => e.Value > 0))
            {
                falseNegatives += left;
                misses.Add($"missed: {Path.GetFileName(app)}/{key.Item1}({key.Item2}) {key.Item3} x{left}");
            }
        }

        var precision = truePositives / (double)(truePositives + falsePositives);
        var recall = truePositives / (double)(truePositives + falseNegatives);
        output.WriteLine($"corpus: {truePositives} true positives, {falsePositives} false positives, {falseNegatives} false negatives; precision={precision:0.000} recall={recall:0.000}");
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(precision >= 0.9 && recall >= 0.9, $"precision {precision:0.000}, recall {recall:0.000}:\n{string.Join("\n", misses)}");
    }

    [GeneratedRegex(@"(NP1\d{3})(?:\*(\d+))?")]
    private static partial Regex LeakMark();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nonprofit.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Nonprofit.Sdk.sln not found above the test binaries.");
    }
}
