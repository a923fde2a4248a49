namespace Nonprofit.Privacy.Tests.Redaction.Stop28;

/// <summary>
/// Review finding 4 (stop 27): a scope forgotten to keep the vault bounded started its numbering again at 1 when its
/// name came back, so <c>&lt;PERSON_1&gt;</c> could stand for two people of one conversation. Numbering now goes on.
/// </summary>
public sealed class PseudonymVaultEvictionNumberingTests
{
    [Fact]
    public void EvictedScope_UsedAgain_NumberingGoesOn()
    {
        var vault = new InMemoryPseudonymVault(new InMemoryPseudonymVaultOptions { MaxScopes = 2 });
        Assert.Equal("<PERSON_1>", vault.GetOrAddPseudonym("conversation-a", PiiEntityType.Person, "Amina"));
        Assert.Equal("<PERSON_2>", vault.GetOrAddPseudonym("conversation-a", PiiEntityType.Person, "Baraka"));
        vault.GetOrAddPseudonym("conversation-b", PiiEntityType.Person, "Chiku");
        vault.GetOrAddPseudonym("conversation-c", PiiEntityType.Person, "Daudi"); // conversation-a is the oldest: evicted
        Assert.False(vault.TryReveal("conversation-a", "<PERSON_1>", out _));

        Assert.Equal("<PERSON_3>", vault.GetOrAddPseudonym("conversation-a", PiiEntityType.Person, "Esther"));
        Assert.Equal("<EMAIL_ADDRESS_1>", vault.GetOrAddPseudonym("conversation-a", PiiEntityType.EmailAddress, "e@example.org"));
    }

    [Fact]
    public void ClearedScope_StartsAgain_AndFloorsAreBounded()
    {
        // ClearScope is the app saying the conversation ended: a scope never evicted starts again at 1.
        var vault = new InMemoryPseudonymVault(new InMemoryPseudonymVaultOptions { MaxScopes = 2 });
        vault.GetOrAddPseudonym("conversation-a", PiiEntityType.Person, "Amina");
        vault.ClearScope("conversation-a");
        Assert.Equal("<PERSON_1>", vault.GetOrAddPseudonym("conversation-a", PiiEntityType.Person, "Baraka"));

        for (var i = 0; i < 1000; i++)
        {
            vault.GetOrAddPseudonym("conversation-" + i, PiiEntityType.Person, "Chiku");
        }

        Assert.True(vault.ScopeCount <= 2, $"{vault.ScopeCount} scopes");
        Assert.True(vault.EvictedFloorCount <= 2, $"{vault.EvictedFloorCount} floors");
    }
}
