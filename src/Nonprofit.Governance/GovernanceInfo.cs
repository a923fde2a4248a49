namespace Nonprofit.Governance;

/// <summary>Facts about the package.</summary>
public static class GovernanceInfo
{
    /// <summary>The name of the package's meter and activity source.</summary>
    public const string Name = "Nonprofit.Governance";
}
