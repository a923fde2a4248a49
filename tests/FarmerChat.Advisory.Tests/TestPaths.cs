namespace FarmerChat.Advisory.Tests;

/// <summary>Folders copied next to the test assembly.</summary>
internal static class TestPaths
{
    /// <summary>The fixture documents (tests/FarmerChat.Advisory.Tests/Fixtures/Knowledge).</summary>
    public static string FixtureKnowledge => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Knowledge");

    /// <summary>The labelled questions (tests/FarmerChat.Advisory.Tests/Data).</summary>
    public static string Data => Path.Combine(AppContext.BaseDirectory, "Data");
}
