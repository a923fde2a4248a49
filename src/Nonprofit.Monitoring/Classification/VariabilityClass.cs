namespace Nonprofit.Monitoring;

/// <summary>The variability of a record in the terms of the FIGO 2015 consensus (Ayres-de-Campos et al., Int J Gynecol Obstet 131:13-24, 2015).</summary>
public enum VariabilityClass
{
    /// <summary>Too little analysable signal to say (no minute had enough reliable baseline samples).</summary>
    Undetermined,

    /// <summary>No pathological variability: none of the other classes reached its duration.</summary>
    Normal,

    /// <summary>Reduced: bandwidth below 5 bpm for more than 50 min in baseline segments, or for more than 3 min during decelerations.</summary>
    Reduced,

    /// <summary>Increased (saltatory pattern): bandwidth above 25 bpm for more than 30 min.</summary>
    Increased,

    /// <summary>Sinusoidal pattern: a regular, smooth, undulating signal of 5-15 bpm at 3-5 cycles per minute for more than 30 min.</summary>
    Sinusoidal,
}
