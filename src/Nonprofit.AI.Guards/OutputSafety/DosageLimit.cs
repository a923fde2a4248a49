using System;
using System.Collections.Generic;
using System.Linq;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The safe range of one medication or pesticide (or one class of them, through its aliases) in one unit, for
/// <see cref="OutputSafetyDetectorOptions.DosageLimits"/>. A reply that gives an amount of the substance in the same
/// dimension and basis outside [<see cref="Minimum"/>, <see cref="Maximum"/>] is flagged as
/// <see cref="GuardCategories.OutputDangerousAdvice"/>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Unit"/> is a mass or volume unit (<c>mcg</c>, <c>mg</c>, <c>g</c>, <c>kg</c>, <c>ml</c>, <c>cl</c>,
/// <c>L</c>) followed by zero or more bases: <c>/kg</c> (per kilogram of body weight), <c>/day</c>, <c>/ha</c> (per
/// hectare; <c>/acre</c> is converted), or <c>/L</c> or <c>/20 L</c> (per litre, or per 20 litres, of water in the
/// sprayer or knapsack). Examples: <c>mg</c> (one dose), <c>mg/day</c>, <c>mg/kg/day</c>, <c>L/ha</c>,
/// <c>ml/20 L</c>. Amounts in the reply are converted (g to mg, L to ml, "per 15 L knapsack" to per litre) before
/// they are compared; mass and volume are never converted into each other.
/// </para>
/// <para>
/// A substance may have several limits (per dose and per day, say); each is checked when the reply gives that basis. A
/// dose given with a frequency ("500 mg four times a day") is also checked against the per-day limits.
/// </para>
/// </remarks>
public sealed class DosageLimit
{
    /// <summary>Creates a limit.</summary>
    /// <param name="substance">The substance or class name, as the reply would write it (for example <c>paracetamol</c>).</param>
    /// <param name="unit">The unit of <paramref name="minimum"/> and <paramref name="maximum"/>, for example <c>mg/kg/day</c>.</param>
    /// <param name="minimum">The smallest safe amount (0 for no lower bound).</param>
    /// <param name="maximum">The largest safe amount.</param>
    /// <param name="aliases">Other names (brands, other languages, the members of a class), matched as whole words, case-insensitively.</param>
    /// <exception cref="ArgumentException"><paramref name="substance"/> is empty, <paramref name="unit"/> is not a unit this parser reads, or an alias is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimum"/> is negative, or <paramref name="maximum"/> is not above it.</exception>
    public DosageLimit(string substance, string unit, double minimum, double maximum, params string[] aliases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(substance);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        ArgumentNullException.ThrowIfNull(aliases);
        if (!double.IsFinite(minimum) || minimum < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minimum), "The minimum must be a finite amount of at least 0.");
        }

        if (!double.IsFinite(maximum) || maximum <= minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), "The maximum must be a finite amount above the minimum.");
        }

        if (Array.Exists(aliases, string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("An alias is empty.", nameof(aliases));
        }

        Quantity = DosageUnits.ParseUnit(unit) ?? throw new ArgumentException($"'{unit}' is not a dosage unit (examples: mg, mg/day, mg/kg/day, L/ha, ml/20 L).", nameof(unit));
        Substance = substance;
        Unit = unit;
        Minimum = minimum;
        Maximum = maximum;
        Aliases = [.. new[] { substance }.Concat(aliases).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The substance or class name.</summary>
    public string Substance { get; }

    /// <summary>The unit of <see cref="Minimum"/> and <see cref="Maximum"/>, as given.</summary>
    public string Unit { get; }

    /// <summary>The smallest safe amount, in <see cref="Unit"/>.</summary>
    public double Minimum { get; }

    /// <summary>The largest safe amount, in <see cref="Unit"/>.</summary>
    public double Maximum { get; }

    /// <summary>The names matched in replies: <see cref="Substance"/> first, then the aliases.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The unit, parsed: dimension, factor to the base unit, basis.</summary>
    internal DosageQuantity Quantity { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Substance}: {Minimum}-{Maximum} {Unit}";
}
