using FarmerChat.Advisory.Profiles;
using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Tests.Profiles;

public sealed class ProfileStoreTests : IDisposable
{
    private static readonly Lazy<KnowledgeBase> s_kb = new(() => KnowledgeBase.Load(KnowledgeBase.DefaultFolder));
    private readonly string _dir = Directory.CreateTempSubdirectory("farmerchat-profiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Create_FarmerTypedNameAndPhone_FileHoldsOnlyCropRegionLanguage()
    {
        var store = new ProfileStore(_dir, s_kb.Value);

        var profile = store.Create("I am Wanjiku Kamau, my phone is 0712 345 678, I grow maize and beans", "Near Kiptoror village, Nakuru, plot 27", "SW");

        Assert.Equal(("maize", "Nakuru", "sw"), (profile.Crop, profile.Region, profile.Language));
        Assert.True(Guid.TryParse(profile.Id, out _));
        var file = File.ReadAllText(store.FilePath);
        Assert.DoesNotContain("Wanjiku", file, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Kamau", file, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Kiptoror", file, StringComparison.OrdinalIgnoreCase);
        // Digits are checked outside the random profile id, which may contain them by chance ("…-b345-…").
        var withoutId = file.Replace(profile.Id, "", StringComparison.Ordinal);
        Assert.DoesNotContain("0712", withoutId, StringComparison.Ordinal);
        Assert.DoesNotContain("345", withoutId, StringComparison.Ordinal);
        Assert.DoesNotContain("27", withoutId, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NothingRecognised_StoresNulls()
    {
        var store = new ProfileStore(_dir, s_kb.Value);

        var profile = store.Create("call John on +254 722 000 111", "Room 4, Ngong Road", "Kikuyu");

        Assert.Equal((null, null, null), (profile.Crop, profile.Region, profile.Language));
        Assert.DoesNotContain("John", File.ReadAllText(store.FilePath), StringComparison.Ordinal);
    }

    [Fact]
    public void Update_KeepsOtherFieldsAndSurvivesReopening()
    {
        var store = new ProfileStore(_dir, s_kb.Value);
        var profile = store.Create("cassava", "Oyo", "fr");

        store.Update(profile.Id, "tomato please", null, null);
        var reopened = new ProfileStore(_dir, s_kb.Value).Get(profile.Id);

        Assert.Equal(profile with { Crop = "tomato" }, reopened);
        Assert.Null(store.Update(Guid.NewGuid().ToString(), "maize", null, null));
    }
}
