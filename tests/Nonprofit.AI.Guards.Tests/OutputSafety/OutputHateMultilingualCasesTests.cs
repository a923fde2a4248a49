using System.Security.Cryptography;
using System.Text;
using Nonprofit.Evaluation.Guards;

namespace Nonprofit.AI.Guards.Tests.OutputSafety;

/// <summary>
/// The hate model's own multilingual training cases (benchmarks/Nonprofit.Evaluation/Guards/OutputHateMultilingualCases.cs):
/// every template renders to plain text, every language has every template and group, and no case comes from an
/// English TEST template (those stay unseen in every language).
/// </summary>
public sealed class OutputHateMultilingualCasesTests
{
    private static readonly List<HateCase> s_cases = [.. OutputHateMultilingualCases.All()];
    private static readonly List<HateCase> s_slots = [.. OutputHateMultilingualCases.SlotCases()];

    [Fact]
    public void Render_ChoosesTheGroupsGender_AndCapitalises()
    {
        Assert.Equal("Toutes les femmes sont des criminelles.", OutputHateMultilingualCases.Render("{Tous|Toutes} {g} sont des {criminels|criminelles}.", "les femmes", "des femmes", "femmes", feminine: true));
        Assert.Equal("Les immigrés sont dangereux ; Il faut se débarrasser des immigrés.", OutputHateMultilingualCases.Render("{G} sont {dangereux|dangereuses} ; Il faut se débarrasser {o}.", "les immigrés", "des immigrés", "immigrés", feminine: false));
    }

    [Fact]
    public void All_RenderEveryPlaceholder()
    {
        var all = s_cases.Concat(s_slots).ToList();
        Assert.DoesNotContain(all, c => c.Text.IndexOfAny(['{', '}', '|']) >= 0 || c.Text.Contains("  ", StringComparison.Ordinal));
        Assert.Equal(all.Count, all.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(all.Count, all.Select(c => c.Text).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void All_EveryLanguageHasEveryTemplateForEveryGroup()
    {
        Assert.Equal(["fr", "es", "pt", "de", "ar", "hi", "hi-Latn", "sw"], OutputHateMultilingualCases.Languages);
        foreach (var language in s_cases.GroupBy(c => c.Language))
        {
            Assert.Equal(20 * 7, language.Count(c => c.Functionality == OutputHateMultilingualCases.HatefulFunctionality && c.Hateful));
            Assert.Equal(16 * 7, language.Count(c => c.Functionality == OutputHateMultilingualCases.NonHatefulFunctionality && !c.Hateful));
            Assert.Equal(8, language.Count(c => c.Functionality == OutputHateMultilingualCases.SupportFunctionality && !c.Hateful));
            Assert.All(language.Where(c => c.Target.Length > 0).GroupBy(c => c.Template), t => Assert.Equal(7, t.Count()));
        }

        foreach (var language in s_slots.GroupBy(c => c.Language))
        {
            // Per group: 8 adjectives x 4 hateful frames, 8 nouns x 3, 6 emotions, 6 threats; 8 x 2 + 8 x 2 non-hateful.
            // A rendering equal to one of the template cases ("{G} are disgusting") is left out: at most one per group.
            Assert.InRange(language.Count(c => c.Functionality == OutputHateMultilingualCases.SlotHatefulFunctionality && c.Hateful), (((8 * 4) + (8 * 3) + 6 + 6) * 7) - 7, ((8 * 4) + (8 * 3) + 6 + 6) * 7);
            Assert.Equal(((8 * 2) + (8 * 2)) * 7, language.Count(c => c.Functionality == OutputHateMultilingualCases.SlotNonHatefulFunctionality && !c.Hateful));
        }

        Assert.Equal(OutputHateMultilingualCases.Languages.Order(StringComparer.Ordinal), s_slots.Select(c => c.Language).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void All_ComeOnlyFromEnglishTrainTemplates()
    {
        // OutputHateData.IsTrainByHash: the first byte of SHA-256 of the template id is even.
        static bool IsTrain(string id) => (SHA256.HashData(Encoding.UTF8.GetBytes(id))[0] & 1) == 0;
        Assert.All(s_cases.Where(c => c.Template.StartsWith("en-", StringComparison.Ordinal)), c => Assert.True(IsTrain(c.Template), c.Template));
    }
}
