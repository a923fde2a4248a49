using Nonprofit.Impact.Catalog;

namespace Nonprofit.Impact.Tests;

public class SchemaSmokeTests
{
    [Fact]
    public void SdgCatalog_HasEveryGoalAndTarget()
    {
        Assert.Equal(17, SdgCatalog.Default.Goals.Count);
        Assert.Equal(169, SdgCatalog.Default.Targets.Count);
    }
}
