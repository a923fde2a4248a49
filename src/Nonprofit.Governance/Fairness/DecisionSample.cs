using System;
using System.Collections.Generic;

namespace Nonprofit.Governance.Fairness;

/// <summary>
/// A decision log in columns: for each row the index of its group, the binary decision (selected, prioritised,
/// escalated = <see langword="true"/>) and, where known, the true <see cref="Outcome"/>. Columnar arrays keep a
/// million rows in about 6 MB and let an audit count them in one pass.
/// </summary>
/// <remarks>
/// Group values are categories (a region, a sex, an age band) and may appear in reports; they should not identify a
/// person. The constructor copies the arrays, so later changes by the caller do not alter the sample.
/// </remarks>
public sealed class DecisionSample
{
    private readonly string[] _groups;
    private readonly int[] _groupIndices;
    private readonly bool[] _decisions;
    private readonly Outcome[] _outcomes;

    /// <summary>Creates a sample from columns.</summary>
    /// <param name="groups">The distinct group values; a row's group index points into this list.</param>
    /// <param name="groupIndices">For each row, the index of its group in <paramref name="groups"/>.</param>
    /// <param name="decisions">For each row, whether it was selected.</param>
    /// <param name="outcomes">For each row, its true outcome, or <see langword="null"/> when no outcome is known.</param>
    /// <exception cref="ArgumentException">The columns differ in length, a group index is out of range, a group value
    /// is repeated or null, or an outcome is not a defined <see cref="Outcome"/>.</exception>
    public DecisionSample(IReadOnlyList<string> groups, ReadOnlySpan<int> groupIndices, ReadOnlySpan<bool> decisions, ReadOnlySpan<Outcome> outcomes = default)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (decisions.Length != groupIndices.Length)
        {
            throw new ArgumentException("The decisions column must have one value per row of the group column.", nameof(decisions));
        }

        if (!outcomes.IsEmpty && outcomes.Length != groupIndices.Length)
        {
            throw new ArgumentException("The outcomes column must be empty or have one value per row of the group column.", nameof(outcomes));
        }

        _groups = new string[groups.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < _groups.Length; g++)
        {
            var name = groups[g] ?? throw new ArgumentException("A group value is null.", nameof(groups));
            if (!seen.Add(name))
            {
                throw new ArgumentException($"The group value at index {g} is repeated.", nameof(groups));
            }

            _groups[g] = name;
        }

        for (var i = 0; i < groupIndices.Length; i++)
        {
            if ((uint)groupIndices[i] >= (uint)_groups.Length)
            {
                throw new ArgumentException($"The group index of row {i} is out of range.", nameof(groupIndices));
            }
        }

        for (var i = 0; i < outcomes.Length; i++)
        {
            if ((byte)outcomes[i] > (byte)Outcome.Positive)
            {
                throw new ArgumentException($"The outcome of row {i} is not a defined value.", nameof(outcomes));
            }
        }

        _groupIndices = groupIndices.ToArray();
        _decisions = decisions.ToArray();
        _outcomes = outcomes.ToArray();
        for (var i = 0; i < _outcomes.Length; i++)
        {
            if (_outcomes[i] != Outcome.Unknown)
            {
                HasOutcomes = true;
                break;
            }
        }
    }

    /// <summary>The distinct group values, in the order group indices refer to them.</summary>
    public IReadOnlyList<string> Groups => _groups;

    /// <summary>The number of rows (decisions).</summary>
    public int Count => _groupIndices.Length;

    /// <summary>Whether at least one row has a known outcome, so error-rate metrics can be computed.</summary>
    public bool HasOutcomes { get; }

    /// <summary>For each row, the index of its group in <see cref="Groups"/>.</summary>
    public ReadOnlySpan<int> GroupIndices => _groupIndices;

    /// <summary>For each row, whether it was selected.</summary>
    public ReadOnlySpan<bool> Decisions => _decisions;

    /// <summary>For each row, its true outcome; empty when the sample was built without outcomes.</summary>
    public ReadOnlySpan<Outcome> Outcomes => _outcomes;

    /// <summary>Builds a sample from rows, numbering the groups in ordinal order of their values.</summary>
    /// <param name="rows">The rows: group value, decision and outcome (<see langword="null"/> when not known).</param>
    /// <returns>The sample.</returns>
    public static DecisionSample FromRows(IEnumerable<(string Group, bool Decision, bool? Outcome)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupIndices = new List<int>();
        var decisions = new List<bool>();
        var outcomes = new List<Outcome>();
        foreach (var (group, decision, outcome) in rows)
        {
            ArgumentNullException.ThrowIfNull(group, nameof(rows));
            if (!index.TryGetValue(group, out var g))
            {
                g = names.Count;
                index.Add(group, g);
                names.Add(group);
            }

            groupIndices.Add(g);
            decisions.Add(decision);
            outcomes.Add(outcome switch { true => Outcome.Positive, false => Outcome.Negative, null => Outcome.Unknown });
        }

        return Ordered(names, [.. groupIndices], [.. decisions], [.. outcomes]);
    }

    /// <summary>Renumbers groups in ordinal order of their values, so reports do not depend on row order.</summary>
    internal static DecisionSample Ordered(List<string> names, int[] groupIndices, bool[] decisions, Outcome[] outcomes)
    {
        var order = new int[names.Count];
        for (var g = 0; g < order.Length; g++)
        {
            order[g] = g;
        }

        var sortedNames = names.ToArray();
        Array.Sort(sortedNames, order, StringComparer.Ordinal);
        var remap = new int[order.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            remap[order[rank]] = rank;
        }

        for (var i = 0; i < groupIndices.Length; i++)
        {
            groupIndices[i] = remap[groupIndices[i]];
        }

        return new DecisionSample(sortedNames, groupIndices, decisions, outcomes);
    }
}
