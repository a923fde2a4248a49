namespace Nonprofit.Monitoring;

/// <summary>The two binary layouts of the FHRMA toolbox (Boudet et al., https://github.com/utsb-fmm/FHRMA).</summary>
public enum FhrmaVariant
{
    /// <summary>
    /// <c>.fhr</c>: a 4-byte little-endian Unix timestamp, then 6 bytes a sample at 4 Hz: uint16 FHR1 × 4, uint16 FHR2 × 4,
    /// uint8 TOCO × 2, uint8 quality flags.
    /// </summary>
    Fhr = 0,

    /// <summary>
    /// <c>.fhrm</c>: as <see cref="Fhr"/> with a maternal heart rate, 8 bytes a sample: uint16 FHR1 × 4, uint16 FHR2 × 4,
    /// uint16 MHR × 4, uint8 TOCO × 2, uint8 quality flags.
    /// </summary>
    Fhrm = 1,
}
