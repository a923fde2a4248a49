namespace Nonprofit.Monitoring;

/// <summary>The deceleration types of the FIGO 2015 consensus.</summary>
public enum FigoDecelerationKind
{
    /// <summary>Early: shallow, short, mirrors the contraction.</summary>
    Early,

    /// <summary>Late: gradual onset or return or reduced variability within, starting more than 20 s after the contraction starts.</summary>
    Late,

    /// <summary>Variable: rapid drop and recovery, variable in size and timing (V-shaped).</summary>
    Variable,

    /// <summary>Prolonged: lasting more than 3 min.</summary>
    Prolonged,
}
