namespace Nonprofit.Packaging.Tests;

/// <summary>Every test class that reads the packages shares one <c>dotnet pack</c> of the solution.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPack : ICollectionFixture<PackFixture>
{
    public const string Name = "pack";
}
