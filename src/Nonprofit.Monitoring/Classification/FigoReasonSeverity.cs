namespace Nonprofit.Monitoring;

/// <summary>What a <see cref="FigoReason"/> does to the category.</summary>
public enum FigoReasonSeverity
{
    /// <summary>A note; the category does not depend on it.</summary>
    Information,

    /// <summary>Lacks a characteristic of normality: at least suspicious.</summary>
    Suspicious,

    /// <summary>A pathological feature.</summary>
    Pathological,
}
