using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;

namespace Nonprofit.Privacy;

/// <summary>Options of a <see cref="PiiDetector"/>.</summary>
public sealed class PiiDetectorOptions
{
    /// <summary>Gets or sets the minimum score a match needs to be reported, for types without their own threshold.</summary>
    /// <value>The default is 0.5.</value>
    [Range(0.0, 1.0)]
    public double DefaultThreshold { get; set; } = 0.5;

    /// <summary>Gets the minimum score per entity type name (for example <c>["PERSON"] = 0.6</c>), overriding <see cref="DefaultThreshold"/>.</summary>
    public IDictionary<string, double> Thresholds { get; } = new Dictionary<string, double>(System.StringComparer.Ordinal);

    /// <summary>
    /// Gets the regions (ISO 3166-1 alpha-2) whose national phone formats are tried, in order, for numbers
    /// written without a country code.
    /// </summary>
    /// <value>The default is US, GB, FR, ES, PT, BR, KE, TZ, UG, IN, NG, ZA.</value>
    [MinLength(1)]
    public IList<string> DefaultRegions { get; } = ["US", "GB", "FR", "ES", "PT", "BR", "KE", "TZ", "UG", "IN", "NG", "ZA"];

    /// <summary>Gets entity type names that are never reported (for example <c>"URL"</c> in an app that shares links).</summary>
    public ISet<string> ExcludedTypes { get; } = new HashSet<string>(System.StringComparer.Ordinal);

    /// <summary>Gets values that are never reported, compared case-insensitively (for example the hotline's own number).</summary>
    public ISet<string> AllowList { get; } = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets values that are always reported, with the entity type name to report them as (for example a
    /// known abuser's nickname as <c>PERSON</c>). Matched case-insensitively as whole words.
    /// </summary>
    public IDictionary<string, string> DenyList { get; } = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets how many characters before and after a candidate are searched for context words.</summary>
    /// <value>The default is 48.</value>
    [Range(0, 512)]
    public int ContextWindow { get; set; } = 48;

    /// <summary>Gets or sets how much a context word raises a candidate's score (capped at 1).</summary>
    /// <value>The default is 0.35.</value>
    [Range(0.0, 1.0)]
    public double ContextBoost { get; set; } = 0.35;

    /// <summary>Gets or sets whether the embedded name and place recognizers (gazetteers, cue phrases) run.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool EnableNameAndPlaceRecognizers { get; set; } = true;
}
