using System.Text.Json;
using Nonprofit.AI.Guards.Detection;
using Nonprofit.Evaluation.Guards;

namespace Nonprofit.AI.Guards.Tests.OutputSafety;

/// <summary>
/// The independent evaluation set of session 22 (benchmarks/Nonprofit.Evaluation/Guards/Data/output-independent-s22.jsonl,
/// read by <c>guards-output-indep</c>): it parses, and none of our own training texts is one of its texts.
/// </summary>
public sealed class OutputSafetyIndependentTests
{
    private static readonly List<(string Id, string Language, string Label, string Kind, string Text)> s_lines = Load();

    [Fact]
    public void Set_HasBothLabelsInEachOfTheNineLanguages()
    {
        Assert.Equal(766, s_lines.Count);
        Assert.Equal(["ar", "de", "en", "es", "fr", "hi-Deva", "hi-Latn", "pt", "sw"], s_lines.Select(c => c.Language).Distinct().Order(StringComparer.Ordinal));
        Assert.All(s_lines, l => Assert.True(l.Label is "hateful" or "non-hateful", l.Id));
        Assert.All(s_lines.GroupBy(c => c.Language), g => Assert.True(g.Count(c => c.Label == "hateful") >= 40 && g.Count(c => c.Label == "non-hateful") >= 45, g.Key));
        Assert.Equal(s_lines.Count, s_lines.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void NoOwnMultilingualCase_IsAnIndependentText()
    {
        var independent = s_lines.Select(c => GuardText.Normalize(c.Text)).ToHashSet(StringComparer.Ordinal);
        var own = OutputHateMultilingualCases.All().Concat(OutputHateMultilingualCases.SlotCases()).Select(c => GuardText.Normalize(c.Text)).ToList();
        Assert.NotEmpty(own);
        Assert.DoesNotContain(own, independent.Contains);
    }

    private static List<(string, string, string, string, string)> Load()
    {
        var path = Path.Combine(Repository.Root(), "benchmarks", "Nonprofit.Evaluation", "Guards", "Data", "output-independent-s22.jsonl");
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l =>
        {
            using var json = JsonDocument.Parse(l);
            string F(string name) => json.RootElement.GetProperty(name).GetString()!;
            return (F("id"), F("lang"), F("label"), F("kind"), F("text"));
        })];
    }
}
