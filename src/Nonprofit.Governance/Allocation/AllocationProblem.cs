using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Governance.Allocation;

/// <summary>
/// An allocation problem: share a budget between options (programmes, sites, grantees) so that the total expected
/// impact is as large as possible, subject to a minimum and maximum per option, equity floors per group and
/// diminishing returns. It is the input of <see cref="AllocationSolver.Solve(AllocationProblem, AllocationSolverOptions?)"/>
/// and, as camelCase JSON, of <c>nonprofit governance allocate PROBLEM.json</c>.
/// </summary>
/// <remarks>
/// The model: choose units <c>x[i]</c> of each option with <c>minUnits ≤ x[i] ≤ maxUnits</c>, spending
/// <c>costPerUnit × x[i]</c>; total spend ≤ <see cref="Budget"/>; for each <see cref="EquityFloor"/> the spend on the
/// options of its group is at least its amount; maximise Σ <c>impactPerUnit.value × g[i](x[i])</c> where
/// <c>g[i]</c> is the option's (concave, piecewise-linear) diminishing-returns curve, or <c>x[i]</c> without one.
/// </remarks>
public sealed class AllocationProblem
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The budget to share, in the currency of <see cref="AllocationOption.CostPerUnit"/>; must be &gt; 0.</summary>
    public double Budget { get; set; }

    /// <summary>The options to fund; at least one, with distinct ids.</summary>
    public IList<AllocationOption> Options { get; init; } = [];

    /// <summary>Minimum spend per group (region, sex, ...), as a share of the budget or an amount.</summary>
    public IList<EquityFloor> EquityFloors { get; init; } = [];

    /// <summary>
    /// The previous period's units per option id, if any: used only to explain what changed. Options missing from it
    /// had no units; ids that are not options are an error.
    /// </summary>
    public IDictionary<string, double>? PreviousAllocation { get; init; }

    /// <summary>
    /// When true, units are whole numbers and the problem is solved as a mixed-integer program (SCIP or CBC);
    /// shadow prices are then not defined and sensitivity ranges are found by re-solving. Default false (linear program, GLOP).
    /// </summary>
    public bool IntegerUnits { get; set; }

    /// <summary>Reads a problem from camelCase JSON and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The problem.</returns>
    /// <exception cref="FormatException">The JSON is malformed, has an unknown or mistyped member (the message names its
    /// path, line and position), or the problem is invalid (the message lists each error with its path, for example
    /// <c>options[3].costPerUnit: must be &gt; 0</c>).</exception>
    public static AllocationProblem Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        AllocationProblem? problem;
        try
        {
            problem = JsonSerializer.Deserialize<AllocationProblem>(json, s_json);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            var where = ex.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {ex.BytePositionInLine + 1})")
                : string.Empty;
            throw new FormatException($"{path.TrimStart('$').TrimStart('.') switch { "" => "$", var p => p }}{where}: {FirstSentence(ex.Message)}", ex);
        }

        if (problem is null)
        {
            throw new FormatException("$: expected an allocation problem object, found null.");
        }

        var errors = problem.Validate();
        if (errors.Count > 0)
        {
            throw new FormatException("Invalid allocation problem: " + string.Join("; ", errors));
        }

        return problem;
    }

    /// <summary>Reads a problem from a JSON file and validates it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The problem.</returns>
    /// <exception cref="FormatException">As for <see cref="Parse(string)"/>, with the file name in front.</exception>
    public static async Task<AllocationProblem> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            return Parse(text);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Writes the problem as indented camelCase JSON (the format <see cref="Parse(string)"/> reads).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>Checks the problem and lists every error with its path, for example <c>options[3].costPerUnit: must be &gt; 0</c>.</summary>
    /// <returns>The errors; empty when the problem is valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(Budget > 0) || double.IsInfinity(Budget))
        {
            errors.Add(Finite(Budget) ? "budget: must be > 0" : "budget: must be a finite number");
        }

        if (Options is null || Options.Count == 0)
        {
            errors.Add("options: at least one option is required");
        }
        else
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < Options.Count; i++)
            {
                var o = Options[i];
                var p = string.Create(CultureInfo.InvariantCulture, $"options[{i}]");
                if (o is null)
                {
                    errors.Add($"{p}: must not be null");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(o.Id))
                {
                    errors.Add($"{p}.id: is required");
                }
                else if (!ids.Add(o.Id))
                {
                    errors.Add($"{p}.id: duplicate id '{o.Id}'");
                }

                CheckPositive(errors, $"{p}.costPerUnit", o.CostPerUnit);
                if (o.ImpactPerUnit is null)
                {
                    errors.Add($"{p}.impactPerUnit: is required");
                }
                else
                {
                    var e = o.ImpactPerUnit;
                    CheckFinite(errors, $"{p}.impactPerUnit.value", e.Value);
                    if (e.Low is { } low)
                    {
                        CheckFinite(errors, $"{p}.impactPerUnit.low", low);
                        if (low > e.Value)
                        {
                            errors.Add($"{p}.impactPerUnit.low: must be <= value");
                        }
                    }

                    if (e.High is { } high)
                    {
                        CheckFinite(errors, $"{p}.impactPerUnit.high", high);
                        if (high < e.Value)
                        {
                            errors.Add($"{p}.impactPerUnit.high: must be >= value");
                        }
                    }
                }

                if (!Finite(o.MinUnits) || o.MinUnits < 0)
                {
                    errors.Add(Finite(o.MinUnits) ? $"{p}.minUnits: must be >= 0" : $"{p}.minUnits: must be a finite number");
                }

                if (o.MaxUnits is { } max)
                {
                    if (!Finite(max) || max < 0)
                    {
                        errors.Add(Finite(max) ? $"{p}.maxUnits: must be >= 0" : $"{p}.maxUnits: must be a finite number");
                    }
                    else if (max < o.MinUnits)
                    {
                        errors.Add($"{p}.maxUnits: must be >= minUnits ({Num(o.MinUnits)})");
                    }
                }

                if (IntegerUnits)
                {
                    if (Finite(o.MinUnits) && o.MinUnits != Math.Floor(o.MinUnits))
                    {
                        errors.Add($"{p}.minUnits: must be a whole number when integerUnits is true");
                    }

                    if (o.MaxUnits is { } m && Finite(m) && m != Math.Floor(m))
                    {
                        errors.Add($"{p}.maxUnits: must be a whole number when integerUnits is true");
                    }
                }

                if (o.Groups is not null)
                {
                    foreach (var (dimension, value) in o.Groups)
                    {
                        if (string.IsNullOrWhiteSpace(dimension) || string.IsNullOrWhiteSpace(value))
                        {
                            errors.Add($"{p}.groups: dimensions and values must not be empty");
                        }
                    }
                }

                if (o.DiminishingReturns is { Count: > 0 } curve)
                {
                    if (o.ImpactPerUnit is { Value: < 0 })
                    {
                        errors.Add($"{p}.impactPerUnit.value: must be >= 0 when diminishingReturns is given");
                    }

                    var previousUnits = double.NegativeInfinity;
                    var previousMultiplier = 1.0;
                    for (var k = 0; k < curve.Count; k++)
                    {
                        var b = curve[k];
                        var bp = string.Create(CultureInfo.InvariantCulture, $"{p}.diminishingReturns[{k}]");
                        if (b is null)
                        {
                            errors.Add($"{bp}: must not be null");
                            continue;
                        }

                        if (!Finite(b.Units) || b.Units < 0)
                        {
                            errors.Add($"{bp}.units: must be a finite number >= 0");
                        }
                        else if (b.Units <= previousUnits)
                        {
                            errors.Add($"{bp}.units: must be greater than the previous breakpoint's");
                        }

                        if (!Finite(b.Multiplier) || b.Multiplier < 0)
                        {
                            errors.Add($"{bp}.multiplier: must be a finite number >= 0");
                        }
                        else if (b.Multiplier > previousMultiplier && !(k == 0 && b.Units == 0))
                        {
                            errors.Add($"{bp}.multiplier: must not increase (returns must diminish: {Num(b.Multiplier)} > {Num(previousMultiplier)})");
                        }

                        previousUnits = b.Units;
                        previousMultiplier = b.Multiplier;
                    }
                }
            }
        }

        if (EquityFloors is not null)
        {
            for (var f = 0; f < EquityFloors.Count; f++)
            {
                var floor = EquityFloors[f];
                var p = string.Create(CultureInfo.InvariantCulture, $"equityFloors[{f}]");
                if (floor is null)
                {
                    errors.Add($"{p}: must not be null");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(floor.Dimension))
                {
                    errors.Add($"{p}.dimension: is required");
                }

                if (string.IsNullOrWhiteSpace(floor.Value))
                {
                    errors.Add($"{p}.value: is required");
                }

                if (floor.MinShare is null == floor.MinAmount is null)
                {
                    errors.Add($"{p}: exactly one of minShare and minAmount is required");
                }
                else if (floor.MinShare is { } share && (!Finite(share) || share < 0 || share > 1))
                {
                    errors.Add($"{p}.minShare: must be between 0 and 1");
                }
                else if (floor.MinAmount is { } amount && (!Finite(amount) || amount < 0))
                {
                    errors.Add(Finite(amount) ? $"{p}.minAmount: must be >= 0" : $"{p}.minAmount: must be a finite number");
                }
            }
        }

        if (PreviousAllocation is not null && Options is not null)
        {
            var ids = new HashSet<string>(Options.Where(o => o?.Id is not null).Select(o => o.Id), StringComparer.Ordinal);
            foreach (var (id, units) in PreviousAllocation)
            {
                if (!ids.Contains(id))
                {
                    errors.Add($"previousAllocation.{id}: unknown option id");
                }
                else if (!Finite(units) || units < 0)
                {
                    errors.Add($"previousAllocation.{id}: must be a finite number >= 0");
                }
            }
        }

        return errors;
    }

    /// <summary>The spend an equity floor requires: its amount, or its share of the budget.</summary>
    /// <param name="floor">The floor.</param>
    /// <returns>The minimum spend on the floor's group.</returns>
    public double FloorAmount(EquityFloor floor)
    {
        ArgumentNullException.ThrowIfNull(floor);
        return floor.MinAmount ?? (floor.MinShare ?? 0) * Budget;
    }

    internal void ThrowIfInvalid(string paramName)
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid allocation problem: " + string.Join("; ", errors), paramName);
        }
    }

    internal static string Num(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static bool Finite(double value) => double.IsFinite(value);

    private static void CheckFinite(List<string> errors, string path, double value)
    {
        if (!Finite(value))
        {
            errors.Add($"{path}: must be a finite number");
        }
    }

    private static void CheckPositive(List<string> errors, string path, double value)
    {
        if (!Finite(value))
        {
            errors.Add($"{path}: must be a finite number");
        }
        else if (value <= 0)
        {
            errors.Add($"{path}: must be > 0");
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>Something that can be funded: a programme, a site, a grantee, a service slot.</summary>
public sealed class AllocationOption
{
    /// <summary>A stable id, unique in the problem.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>A display name for explanations; the id when empty.</summary>
    public string? Name { get; set; }

    /// <summary>What one unit costs; must be &gt; 0.</summary>
    public double CostPerUnit { get; set; }

    /// <summary>The expected impact of one unit (before diminishing returns), with its uncertainty interval.</summary>
    public ImpactEstimate ImpactPerUnit { get; set; } = null!;

    /// <summary>Units the option must get at least (default 0).</summary>
    public double MinUnits { get; set; }

    /// <summary>Units the option may get at most; null for no limit other than the budget.</summary>
    public double? MaxUnits { get; set; }

    /// <summary>The option's group per dimension, for example <c>region → north</c>, <c>sex → female</c>.</summary>
    public IDictionary<string, string> Groups { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Diminishing returns as a concave piecewise-linear curve: from each breakpoint's <see cref="ReturnsBreakpoint.Units"/>
    /// on, every further unit yields <see cref="ReturnsBreakpoint.Multiplier"/> × the impact per unit. Before the first
    /// breakpoint the multiplier is 1. Multipliers must not increase. Null or empty for constant returns.
    /// </summary>
    public IList<ReturnsBreakpoint>? DiminishingReturns { get; init; }

    /// <summary>The name shown in explanations: <see cref="Name"/>, or the id.</summary>
    [JsonIgnore]
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}

/// <summary>An impact estimate: a point value and an interval (for example a 90 % credible interval).</summary>
public sealed class ImpactEstimate
{
    /// <summary>The point estimate.</summary>
    public double Value { get; set; }

    /// <summary>The interval's low end; null means <see cref="Value"/>.</summary>
    public double? Low { get; set; }

    /// <summary>The interval's high end; null means <see cref="Value"/>.</summary>
    public double? High { get; set; }

    /// <summary>The Nonprofit.Impact indicator the estimate comes from, if any; carried through, not interpreted.</summary>
    public string? IndicatorId { get; set; }

    internal double LowOrValue => Low ?? Value;

    internal double HighOrValue => High ?? Value;
}

/// <summary>A breakpoint of a diminishing-returns curve.</summary>
public sealed class ReturnsBreakpoint
{
    /// <summary>The number of units from which the multiplier applies.</summary>
    public double Units { get; set; }

    /// <summary>The share of the impact per unit that each unit from <see cref="Units"/> on yields (0..1, not increasing).</summary>
    public double Multiplier { get; set; }
}

/// <summary>A minimum spend on the options of one group, such as <c>region = north</c>.</summary>
public sealed class EquityFloor
{
    /// <summary>The group dimension, a key of <see cref="AllocationOption.Groups"/>.</summary>
    public string Dimension { get; set; } = string.Empty;

    /// <summary>The group value the floor protects.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>The minimum share of the budget (0..1) the group's options must get; exclusive with <see cref="MinAmount"/>.</summary>
    public double? MinShare { get; set; }

    /// <summary>The minimum amount the group's options must get; exclusive with <see cref="MinShare"/>.</summary>
    public double? MinAmount { get; set; }

    /// <summary>Whether the option belongs to the floor's group.</summary>
    /// <param name="option">The option.</param>
    /// <returns>True when the option's group for <see cref="Dimension"/> is <see cref="Value"/>.</returns>
    public bool Covers(AllocationOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.Groups is not null && option.Groups.TryGetValue(Dimension, out var v) && string.Equals(v, Value, StringComparison.Ordinal);
    }
}
