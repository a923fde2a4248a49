using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Nonprofit.Impact.Catalog;

/// <summary>An SDG goal.</summary>
/// <param name="Number">The goal's number, 1 to 17.</param>
/// <param name="Title">The goal's title, e.g. "End poverty in all its forms everywhere".</param>
public sealed record SdgGoal(int Number, string Title);

/// <summary>An SDG target, such as <c>5.2</c> or <c>1.a</c>.</summary>
/// <param name="Code">The target's code.</param>
/// <param name="Goal">The goal's number.</param>
/// <param name="Text">The target's text.</param>
public sealed record SdgTarget(string Code, int Goal, string Text);

/// <summary>An SDG indicator, such as <c>5.2.1</c>.</summary>
/// <param name="Code">The indicator's code.</param>
/// <param name="Target">The code of the target it belongs to.</param>
/// <param name="Text">The indicator's text.</param>
/// <param name="UnsdCodes">The UNSD indicator codes (e.g. <c>C050201</c>); several when the indicator has several series.</param>
public sealed record SdgIndicator(string Code, string Target, string Text, IReadOnlyList<string> UnsdCodes);

/// <summary>
/// The SDG global indicator framework (United Nations Statistics Division, A/RES/71/313, after the 2025 review):
/// 17 goals, 169 targets and every indicator, embedded in the package. Use it to look codes up and search them.
/// </summary>
public sealed partial class SdgCatalog
{
    private static readonly Lazy<SdgCatalog> s_default = new(Load);

    private readonly FrozenDictionary<string, SdgTarget> _targets;
    private readonly FrozenDictionary<string, SdgIndicator> _indicators;

    private SdgCatalog(IReadOnlyList<SdgGoal> goals, IReadOnlyList<SdgTarget> targets, IReadOnlyList<SdgIndicator> indicators)
    {
        Goals = goals;
        Targets = targets;
        Indicators = indicators;
        _targets = targets.ToFrozenDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        _indicators = indicators.ToFrozenDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the catalog embedded in the package.</summary>
    public static SdgCatalog Default => s_default.Value;

    /// <summary>Gets the 17 goals.</summary>
    public IReadOnlyList<SdgGoal> Goals { get; }

    /// <summary>Gets the 169 targets.</summary>
    public IReadOnlyList<SdgTarget> Targets { get; }

    /// <summary>Gets the indicators, one per code (an indicator repeated under several targets is listed under each of its codes).</summary>
    public IReadOnlyList<SdgIndicator> Indicators { get; }

    /// <summary>Finds a goal by number.</summary>
    /// <param name="number">1 to 17.</param>
    /// <returns>The goal, or <see langword="null"/>.</returns>
    public SdgGoal? FindGoal(int number) => number >= 1 && number <= Goals.Count ? Goals[number - 1] : null;

    /// <summary>Finds a target by code, such as <c>5.2</c>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The target, or <see langword="null"/>.</returns>
    public SdgTarget? FindTarget(string code) => _targets.GetValueOrDefault(code);

    /// <summary>Finds an indicator by code, such as <c>5.2.1</c>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The indicator, or <see langword="null"/>.</returns>
    public SdgIndicator? FindIndicator(string code) => _indicators.GetValueOrDefault(code);

    /// <summary>Whether <paramref name="code"/> is a goal number, a target code or an indicator code.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when it is known.</returns>
    public bool Contains(string code) =>
        _indicators.ContainsKey(code) || _targets.ContainsKey(code)
        || (int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var goal) && FindGoal(goal) is not null);

    /// <summary>Finds the indicators whose text contains every word of <paramref name="query"/> (case-insensitive).</summary>
    /// <param name="query">Words such as "violence women".</param>
    /// <returns>The matching indicators, in framework order.</returns>
    public IReadOnlyList<SdgIndicator> Search(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return Indicators.Where(i => words.All(w => i.Text.Contains(w, StringComparison.OrdinalIgnoreCase) || i.Code.Equals(w, StringComparison.OrdinalIgnoreCase))).ToArray();
    }

    internal static bool IsKnownCode(string code) => Default.Contains(code);

    private static SdgCatalog Load()
    {
        using var stream = typeof(SdgCatalog).Assembly.GetManifestResourceStream("Nonprofit.Impact.Catalog.sdg-framework.csv")
            ?? throw new InvalidOperationException("The SDG framework resource is missing from Nonprofit.Impact: the package is damaged.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    internal static SdgCatalog Parse(TextReader reader)
    {
        var goals = new List<SdgGoal>();
        var targets = new List<SdgTarget>();
        var indicators = new List<SdgIndicator>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? currentTarget = null;
        foreach (var record in CsvReader.ReadRecords(reader))
        {
            var first = record.Count > 1 ? Clean(record[1]) : "";
            var indicator = record.Count > 2 ? Clean(record[2]) : "";
            var unsd = record.Count > 3 ? Clean(record[3]) : "";

            var goal = GoalPattern().Match(first);
            if (goal.Success)
            {
                goals.Add(new SdgGoal(int.Parse(goal.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), goal.Groups[2].Value));
                currentTarget = null;
                continue;
            }

            var target = TargetPattern().Match(first);
            if (target.Success)
            {
                currentTarget = target.Groups[1].Value;
                targets.Add(new SdgTarget(currentTarget, int.Parse(currentTarget.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture), target.Groups[2].Value));
            }

            var ind = IndicatorPattern().Match(indicator);
            if (ind.Success && currentTarget is not null && seen.Add(ind.Groups[1].Value))
            {
                var codes = unsd.Split([' ', ',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries);
                indicators.Add(new SdgIndicator(ind.Groups[1].Value, currentTarget, ind.Groups[2].Value, codes));
            }
        }

        if (goals.Count != 17 || targets.Count != 169)
        {
            throw new FormatException($"The SDG framework should have 17 goals and 169 targets; it has {goals.Count} and {targets.Count}.");
        }

        return new SdgCatalog(goals, targets, indicators);
    }

    private static string Clean(string s) => WhitespacePattern().Replace(s, " ").Trim();

    [GeneratedRegex(@"^Goal (\d{1,2})\.\s*(.+)$")]
    private static partial Regex GoalPattern();

    [GeneratedRegex(@"^(\d{1,2}\.[0-9a-z]{1,2})\s+(.+)$")]
    private static partial Regex TargetPattern();

    [GeneratedRegex(@"^(\d{1,2}\.[0-9a-z]{1,2}\.\d{1,2})\s+(.+)$")]
    private static partial Regex IndicatorPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
