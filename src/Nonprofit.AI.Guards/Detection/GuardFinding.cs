using System;

namespace Nonprofit.AI.Guards.Detection;

/// <summary>
/// One thing a detector found in a text: a category (see <see cref="GuardCategories"/>) and a score between 0 and 1.
/// A finding never carries the text or the words that triggered it.
/// </summary>
public readonly record struct GuardFinding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="category">The category, for example <c>crisis.self_harm</c>.</param>
    /// <param name="score">The detector's score, between 0 and 1.</param>
    /// <exception cref="ArgumentException"><paramref name="category"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not between 0 and 1.</exception>
    public GuardFinding(string category, double score)
    {
        ArgumentException.ThrowIfNullOrEmpty(category);
        if (double.IsNaN(score) || score is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(score), "The score must be between 0 and 1.");
        }

        Category = category;
        Score = score;
    }

    /// <summary>The category, for example <c>crisis.self_harm</c>.</summary>
    public string Category { get; }

    /// <summary>The detector's score, between 0 and 1.</summary>
    public double Score { get; }
}
