using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// What one fetal heart rate sample belongs to, for the variability measures: a baseline segment (<see cref="Baseline"/>,
/// no flag), an acceleration, a deceleration, or an unreliable stretch (signal loss, interpolated or false signal).
/// Combinable: a lost sample inside a deceleration is <c>Deceleration | Unreliable</c>.
/// </summary>
/// <remarks>
/// The variability classes of the FIGO 2015 consensus are judged "in baseline segments" (and separately "during
/// decelerations"), and the Dawes-Redman variation excludes decelerations and lost signal; this mask is how a caller says
/// which samples are which. <see cref="FhrSegmentMask"/> builds one from intervals and preprocessing flags.
/// </remarks>
[Flags]
public enum FhrSegment : byte
{
    /// <summary>A baseline segment: neither an acceleration nor a deceleration, and reliable.</summary>
    Baseline = 0,

    /// <summary>Part of an acceleration.</summary>
    Acceleration = 1,

    /// <summary>Part of a deceleration.</summary>
    Deceleration = 2,

    /// <summary>Not a measured value: signal loss, an interpolated sample or a false signal (e.g. the maternal heart rate).</summary>
    Unreliable = 4,
}
