namespace Nonprofit.Monitoring;

/// <summary>How <see cref="CtgAnalyzer"/> estimates the fetal heart rate baseline.</summary>
/// <remarks>
/// Both follow the FIGO 2015 definition of the baseline: "the mean level of the most horizontal and less oscillatory
/// fetal heart rate segments, estimated in time periods of 10 minutes", accelerations and decelerations excluded
/// (Ayres-de-Campos, Spong, Chandraharan, FIGO consensus guidelines on intrapartum fetal monitoring: cardiotocography,
/// Int J Gynecol Obstet 131:13-24, 2015). docs/monitoring.md ("CTG analysis") gives their agreement with the three
/// published methods of the FHRMA data set.
/// </remarks>
public enum BaselineMethod
{
    /// <summary>
    /// Iterative exclusion: a low-pass baseline is recomputed with the samples that lie outside a band around the
    /// previous estimate left out, with a band that narrows each pass (20, 15, 10, 7, 5, 4, 3 bpm), in the manner of Mantel et al.
    /// (Computer analysis of antepartum fetal heart rate: 1. Baseline determination, Int J Biomed Comput 25:261-272, 1990)
    /// and SisPorto (Ayres-de-Campos et al., J Matern Fetal Med 9:311-318, 2000).
    /// </summary>
    Figo = 0,

    /// <summary>
    /// Weighted running median over a 10-minute window: samples far from the current estimate, inside a detected
    /// acceleration or deceleration, interpolated over signal loss, or in oscillating segments weigh less; repeated
    /// a few times. Robust to the long, noisy, event-rich labour recordings where a mean-based filter is pulled by
    /// decelerations.
    /// </summary>
    RobustWeightedMedian = 1,
}
