namespace Nonprofit.Monitoring;

/// <summary>The CTG classification of the FIGO 2015 consensus (Ayres-de-Campos et al., Int J Gynecol Obstet 131:13-24, 2015, table 4).</summary>
public enum FigoCategory
{
    /// <summary>Baseline 110-160 bpm, variability 5-25 bpm, no repetitive decelerations: no hypoxia/acidosis.</summary>
    Normal,

    /// <summary>Lacking at least one characteristic of normality, but with no pathological features.</summary>
    Suspicious,

    /// <summary>At least one pathological feature (or decelerations and variability as the table lists).</summary>
    Pathological,
}
