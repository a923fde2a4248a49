using System;
using System.Collections.Generic;
using System.Linq;

namespace Nonprofit.AI.Guards.Detection;

/// <summary>
/// What a detector (crisis, injection, scope, output safety) found in one text: its findings, strongest first. It never
/// carries the text. Detectors return <see cref="None"/> when they found nothing.
/// </summary>
public sealed class GuardDetection
{
    private readonly GuardFinding[] _findings;

    /// <summary>Creates a detection from findings; they are ordered by score, strongest first (ties keep their order).</summary>
    /// <param name="findings">The findings; may be empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="findings"/> is null.</exception>
    /// <exception cref="ArgumentException">A finding is the default value (no category).</exception>
    public GuardDetection(IEnumerable<GuardFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        _findings = findings.OrderByDescending(f => f.Score).ToArray();
        if (Array.Exists(_findings, f => f.Category is null))
        {
            throw new ArgumentException("A finding has no category: create findings with the GuardFinding constructor.", nameof(findings));
        }
    }

    /// <summary>A detection with no findings.</summary>
    public static GuardDetection None { get; } = new([]);

    /// <summary>The findings, strongest first.</summary>
    public IReadOnlyList<GuardFinding> Findings => _findings;

    /// <summary>Whether nothing was found.</summary>
    public bool IsEmpty => _findings.Length == 0;

    /// <summary>The strongest finding's score, or 0 when nothing was found.</summary>
    public double Score => _findings.Length == 0 ? 0 : _findings[0].Score;

    /// <summary>The strongest finding's category, or <see cref="GuardCategories.None"/> when nothing was found.</summary>
    public string Category => _findings.Length == 0 ? GuardCategories.None : _findings[0].Category;

    /// <summary>The categories whose score is at least <paramref name="threshold"/>, strongest first.</summary>
    /// <param name="threshold">The minimum score.</param>
    /// <returns>The categories, without duplicates.</returns>
    public IReadOnlyList<string> CategoriesAtOrAbove(double threshold) =>
        _findings.Where(f => f.Score >= threshold).Select(f => f.Category).Distinct(StringComparer.Ordinal).ToArray();

    /// <inheritdoc/>
    public override string ToString() =>
        IsEmpty ? GuardCategories.None : string.Join(", ", _findings.Select(f => $"{f.Category} {f.Score:0.###}"));
}
