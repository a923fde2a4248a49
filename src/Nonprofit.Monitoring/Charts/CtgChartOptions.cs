namespace Nonprofit.Monitoring;

/// <summary>
/// Size and scales of <see cref="CtgChart"/>. The defaults are the clinical layout the FIGO 2015 consensus recommends
/// (Ayres-de-Campos et al., Int J Gynecol Obstet 131:13-24, 2015): FHR on 50-210 bpm with the normal 110-160 bpm band
/// shaded, uterine activity below on 0-100.
/// </summary>
public sealed class CtgChartOptions
{
    /// <summary>Gets or sets the image width in pixels.</summary>
    /// <value>The default is 1600.</value>
    public int Width { get; set; } = 1600;

    /// <summary>Gets or sets the image height in pixels (two thirds FHR panel, one third TOCO panel).</summary>
    /// <value>The default is 700.</value>
    public int Height { get; set; } = 700;

    /// <summary>Gets or sets the bottom of the FHR scale, in bpm.</summary>
    /// <value>The default is 50 bpm.</value>
    public double FhrMinimumBpm { get; set; } = 50;

    /// <summary>Gets or sets the top of the FHR scale, in bpm.</summary>
    /// <value>The default is 210 bpm.</value>
    public double FhrMaximumBpm { get; set; } = 210;

    /// <summary>Gets or sets the bottom of the shaded normal band, in bpm.</summary>
    /// <value>The default is 110 bpm.</value>
    public double NormalBandMinimumBpm { get; set; } = 110;

    /// <summary>Gets or sets the top of the shaded normal band, in bpm.</summary>
    /// <value>The default is 160 bpm.</value>
    public double NormalBandMaximumBpm { get; set; } = 160;

    /// <summary>Gets or sets the top of the uterine activity scale.</summary>
    /// <value>The default is 100.</value>
    public double UterineActivityMaximum { get; set; } = 100;

    /// <summary>Gets or sets the first minute shown.</summary>
    /// <value>The default is 0.</value>
    public double StartMinutes { get; set; }

    /// <summary>Gets or sets how many minutes are shown, or <see langword="null"/> for the rest of the recording.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public double? DurationMinutes { get; set; }

    /// <summary>Gets or sets a value indicating whether the maternal heart rate, when present, is drawn in the FHR panel.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool ShowMaternalHeartRate { get; set; } = true;

    /// <summary>Returns the first problem with these options, or <see langword="null"/> when they are valid.</summary>
    /// <returns>A message naming the option, or <see langword="null"/>.</returns>
    public string? Validate() =>
        Width is < 200 or > 20000 ? "Width must be from 200 to 20000 pixels."
        : Height is < 150 or > 20000 ? "Height must be from 150 to 20000 pixels."
        : !double.IsFinite(FhrMinimumBpm) || !double.IsFinite(FhrMaximumBpm) || FhrMaximumBpm <= FhrMinimumBpm ? "FhrMaximumBpm must be finite and above FhrMinimumBpm."
        : !double.IsFinite(NormalBandMinimumBpm) || !double.IsFinite(NormalBandMaximumBpm) || NormalBandMaximumBpm < NormalBandMinimumBpm ? "NormalBandMaximumBpm must be finite and at least NormalBandMinimumBpm."
        : !double.IsFinite(UterineActivityMaximum) || UterineActivityMaximum <= 0 ? "UterineActivityMaximum must be positive and finite."
        : !double.IsFinite(StartMinutes) || StartMinutes < 0 ? "StartMinutes must be finite and not negative."
        : DurationMinutes is { } d && (!double.IsFinite(d) || d <= 0) ? "DurationMinutes must be positive and finite."
        : null;
}
