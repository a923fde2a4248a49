namespace Nonprofit.Monitoring;

/// <summary>A deceleration as the FIGO classifier needs it: its type and when it happened.</summary>
/// <param name="Kind">The type.</param>
/// <param name="Time">When it started and ended.</param>
public readonly record struct FigoDeceleration(FigoDecelerationKind Kind, CtgTimeRange Time);
