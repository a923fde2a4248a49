namespace Nonprofit.Privacy.Tests.Redaction;

public sealed class InMemoryPseudonymVaultTests
{
    [Fact]
    public void GetOrAddPseudonym_SameValueTwice_ReturnsTheSamePseudonym()
    {
        var vault = new InMemoryPseudonymVault();

        var first = vault.GetOrAddPseudonym("s", PiiEntityType.Person, "Amina");
        var second = vault.GetOrAddPseudonym("s", PiiEntityType.Person, "Amina");

        Assert.Equal("<PERSON_1>", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void GetOrAddPseudonym_NumbersPerType()
    {
        var vault = new InMemoryPseudonymVault();

        Assert.Equal("<PERSON_1>", vault.GetOrAddPseudonym("s", PiiEntityType.Person, "Amina"));
        Assert.Equal("<PERSON_2>", vault.GetOrAddPseudonym("s", PiiEntityType.Person, "Baraka"));
        Assert.Equal("<LOCATION_1>", vault.GetOrAddPseudonym("s", PiiEntityType.Location, "Kisumu"));
        Assert.Equal("<PERSON_2>", vault.GetOrAddPseudonym("s", PiiEntityType.Person, "Baraka"));
    }

    [Fact]
    public void GetOrAddPseudonym_SameTextOfTwoTypes_GetsTwoPseudonyms()
    {
        var vault = new InMemoryPseudonymVault();

        Assert.Equal("<PERSON_1>", vault.GetOrAddPseudonym("s", PiiEntityType.Person, "Paris"));
        Assert.Equal("<LOCATION_1>", vault.GetOrAddPseudonym("s", PiiEntityType.Location, "Paris"));
    }

    [Fact]
    public void TryReveal_KnownPseudonym_ReturnsTheValue()
    {
        var vault = new InMemoryPseudonymVault();
        var pseudonym = vault.GetOrAddPseudonym("case-7", PiiEntityType.PhoneNumber, "+254 712 345 678");

        Assert.True(vault.TryReveal("case-7", pseudonym, out var value));
        Assert.Equal("+254 712 345 678", value);
    }

    [Fact]
    public void TryReveal_OtherScopeOrUnknownPseudonym_ReturnsFalse()
    {
        var vault = new InMemoryPseudonymVault();
        var pseudonym = vault.GetOrAddPseudonym("case-7", PiiEntityType.PhoneNumber, "+254 712 345 678");

        Assert.False(vault.TryReveal("case-8", pseudonym, out var other));
        Assert.Null(other);
        Assert.False(vault.TryReveal("case-7", "<PHONE_NUMBER_2>", out _));
    }

    [Fact]
    public void ClearScope_ForgetsOnlyThatScope()
    {
        var vault = new InMemoryPseudonymVault();
        var a = vault.GetOrAddPseudonym("a", PiiEntityType.Person, "Amina");
        var b = vault.GetOrAddPseudonym("b", PiiEntityType.Person, "Baraka");

        vault.ClearScope("a");

        Assert.False(vault.TryReveal("a", a, out _));
        Assert.True(vault.TryReveal("b", b, out var value));
        Assert.Equal("Baraka", value);
        Assert.Equal(1, vault.ScopeCount);
        Assert.Equal("<PERSON_1>", vault.GetOrAddPseudonym("a", PiiEntityType.Person, "Chebet")); // numbering starts again
    }

    [Fact]
    public void GetOrAddPseudonym_ParallelCalls_GiveOnePseudonymPerValue()
    {
        var vault = new InMemoryPseudonymVault();
        var results = new string[4000];

        Parallel.For(0, results.Length, i => results[i] = vault.GetOrAddPseudonym("s", PiiEntityType.Person, $"name-{i % 100}"));

        Assert.Equal(100, results.Distinct(StringComparer.Ordinal).Count());
        for (var i = 0; i < 100; i++)
        {
            Assert.True(vault.TryReveal("s", results[i], out var value));
            Assert.Equal($"name-{i}", value);
        }
    }

    [Fact]
    public void Methods_NullArguments_Throw()
    {
        var vault = new InMemoryPseudonymVault();

        Assert.Throws<ArgumentNullException>(() => vault.GetOrAddPseudonym(null!, PiiEntityType.Person, "x"));
        Assert.Throws<ArgumentNullException>(() => vault.GetOrAddPseudonym("s", PiiEntityType.Person, null!));
        Assert.Throws<ArgumentNullException>(() => vault.TryReveal("s", null!, out _));
        Assert.Throws<ArgumentNullException>(() => vault.ClearScope(null!));
    }
}
