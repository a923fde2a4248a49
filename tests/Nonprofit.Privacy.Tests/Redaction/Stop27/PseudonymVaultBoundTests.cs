namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Finding 8 (stop 27): the in-memory vault is bounded in scopes and in entries per scope.</summary>
public sealed class PseudonymVaultBoundTests
{
    [Fact]
    public void GetOrAddPseudonym_MoreScopesThanTheMaximum_EvictsTheLeastRecentlyUsed()
    {
        var vault = new InMemoryPseudonymVault(new InMemoryPseudonymVaultOptions { MaxScopes = 10 });
        vault.GetOrAddPseudonym("kept", PiiEntityType.Person, "Amina");
        for (var i = 0; i < 100; i++)
        {
            vault.GetOrAddPseudonym("conversation-" + i, PiiEntityType.Person, "Baraka");
            vault.GetOrAddPseudonym("kept", PiiEntityType.Person, "Amina"); // used again, so never the oldest
        }

        Assert.True(vault.ScopeCount <= 10, $"{vault.ScopeCount} scopes");
        Assert.True(vault.TryReveal("kept", "<PERSON_1>", out var kept));
        Assert.Equal("Amina", kept);
        Assert.False(vault.TryReveal("conversation-0", "<PERSON_1>", out _));
    }

    [Fact]
    public void GetOrAddPseudonym_MoreValuesThanTheMaximum_ForgetsTheLeastRecentlyUsedAndNeverReusesANumber()
    {
        var vault = new InMemoryPseudonymVault(new InMemoryPseudonymVaultOptions { MaxEntriesPerScope = 4 });
        vault.GetOrAddPseudonym("s", PiiEntityType.EmailAddress, "first@example.org");
        for (var i = 0; i < 10; i++)
        {
            vault.GetOrAddPseudonym("s", PiiEntityType.EmailAddress, $"user{i}@example.org");
        }

        Assert.False(vault.TryReveal("s", "<EMAIL_ADDRESS_1>", out _));
        Assert.Equal("<EMAIL_ADDRESS_12>", vault.GetOrAddPseudonym("s", PiiEntityType.EmailAddress, "first@example.org"));
        Assert.Equal("<EMAIL_ADDRESS_11>", vault.GetOrAddPseudonym("s", PiiEntityType.EmailAddress, "user9@example.org"));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    public void Constructor_BoundBelowOne_Throws(int maxScopes, int maxEntries) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new InMemoryPseudonymVault(new InMemoryPseudonymVaultOptions { MaxScopes = maxScopes, MaxEntriesPerScope = maxEntries }));

    [Fact]
    public void DefaultOptions_AreBounded()
    {
        var options = new InMemoryPseudonymVaultOptions();

        Assert.Equal(10_000, options.MaxScopes);
        Assert.Equal(10_000, options.MaxEntriesPerScope);
    }
}
