using Nonprofit.AI.Guards;
using Sophia.Chatbot.Knowledge;
using Sophia.Chatbot.Responder;

namespace Sophia.Chatbot.Tests.Responder;

public sealed class KnowledgeHelplineDirectoryTests
{
    private readonly KnowledgeHelplineDirectory _directory = new(SophiaKnowledgeBase.LoadDefault());

    [Fact]
    public async Task FindAsync_ViolenceInGreatBritain_EmergencyFirstThenTheNationalHelpline()
    {
        var found = await _directory.FindAsync(new HelplineQuery("GB", "en", [GuardCategories.CrisisViolence]), CancellationToken.None);

        Assert.Equal(["999", "0808 2000 247"], found.Select(h => h.Phone));
        Assert.StartsWith("Emergency services", found[0].Name, StringComparison.Ordinal);
        Assert.EndsWith("(illustrative — check before use)", found[1].Name, StringComparison.Ordinal);
        Assert.Equal("https://www.nationaldahelpline.org.uk/", found[1].Url);
        Assert.Equal("24/7", found[1].Hours);
    }

    [Fact]
    public async Task FindAsync_ChildAtRiskInFranceInFrench_ChildrenLineAfterEmergenciesWithFrenchNames()
    {
        var found = await _directory.FindAsync(new HelplineQuery("fr", "fr", [GuardCategories.CrisisChildAtRisk]), CancellationToken.None);

        Assert.Equal(["17", "112", null, "119"], found.Select(h => h.Phone));
        Assert.Equal("SMS 114", found[2].Text);
        Assert.Contains("à titre indicatif", found[3].Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_SelfHarmThenViolence_OrdersByCategoryStrength()
    {
        var found = await _directory.FindAsync(
            new HelplineQuery("BR", "pt", [GuardCategories.CrisisSelfHarm, GuardCategories.CrisisViolence]), CancellationToken.None);

        Assert.Equal(["190", "192", "188", "180"], found.Select(h => h.Phone));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("DE")]
    public async Task FindAsync_UnknownCountry_GivesTheUniversalEntriesWithoutNumbers(string? country)
    {
        var found = await _directory.FindAsync(new HelplineQuery(country, "sw", [GuardCategories.CrisisViolence]), CancellationToken.None);

        Assert.Equal(2, found.Count);
        Assert.StartsWith("Namba ya dharura ya eneo lako", found[0].Name, StringComparison.Ordinal);
        Assert.All(found, h => Assert.Null(h.Phone));
        Assert.Equal("https://www.hotpeachpages.net/", found[1].Url);
    }

    [Fact]
    public async Task FindAsync_UnknownLanguageAndNoCategory_EnglishNamesAndTheShelterServices()
    {
        var found = await _directory.FindAsync(new HelplineQuery("KE", "unknown", []), CancellationToken.None);

        Assert.Equal(["999", "112", "1195", null], found.Select(h => h.Phone));
        Assert.StartsWith("FIDA Kenya (legal aid for women)", found[3].Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_ServicesInTheUsersLanguage_ComeFirstWithinARank()
    {
        var found = await _directory.FindAsync(new HelplineQuery("IN", "hi", [GuardCategories.CrisisViolence]), CancellationToken.None);

        Assert.Equal("112", found[0].Phone);
        Assert.Equal(["181", null], found.Skip(1).Select(h => h.Phone));
        Assert.Contains("महिला हेल्पलाइन", found[1].Name, StringComparison.Ordinal);
    }
}
