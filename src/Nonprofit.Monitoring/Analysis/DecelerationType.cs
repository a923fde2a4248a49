namespace Nonprofit.Monitoring;

/// <summary>
/// The type of a deceleration, by its shape and its timing against the uterine contractions, as the FIGO 2015
/// consensus (Ayres-de-Campos et al., Int J Gynecol Obstet 131:13-24, 2015) and the NICHD 2008 workshop (Macones et
/// al., Obstet Gynecol 112:661-666, 2008) define them.
/// </summary>
public enum DecelerationType
{
    /// <summary>Not classified: no uterine activity channel (or no contraction recorded near a gradual deceleration), so early and late cannot be told apart.</summary>
    Unknown = 0,

    /// <summary>Gradual onset (onset to nadir of 30 s or more), nadir coinciding with the contraction's peak, a mirror image of the contraction (FIGO 2015; NICHD 2008).</summary>
    Early = 1,

    /// <summary>Gradual onset (30 s or more to the nadir), starting more than 20 s after the contraction's onset, nadir after its peak (FIGO 2015; NICHD 2008).</summary>
    Late = 2,

    /// <summary>Abrupt onset (under 30 s from onset to nadir), with a varied relation to contractions (FIGO 2015; NICHD 2008).</summary>
    Variable = 3,

    /// <summary>Lasting more than 3 minutes (FIGO 2015; NICHD 2008: 2 to 10 minutes), whatever its shape.</summary>
    Prolonged = 4,
}
