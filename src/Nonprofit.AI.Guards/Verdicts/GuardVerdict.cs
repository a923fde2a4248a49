using System;

namespace Nonprofit.AI.Guards;

/// <summary>
/// One guard's decision about one request or reply. A verdict never carries message text: only the guard's name, the
/// action, a category, a score and the time the guard took.
/// </summary>
/// <remarks>
/// Verdicts reach the app through <see cref="IGuardObserver"/> and are attached to the response's (or, when streaming,
/// the deciding update's) <c>AdditionalProperties</c> under <see cref="AdditionalPropertiesKey"/>; read them with
/// <see cref="GuardVerdictExtensions.GetGuardVerdicts(Microsoft.Extensions.AI.ChatResponse)"/>.
/// </remarks>
public sealed class GuardVerdict
{
    /// <summary>
    /// The key under which verdicts are attached to <c>ChatResponse.AdditionalProperties</c> and
    /// <c>ChatResponseUpdate.AdditionalProperties</c>. The value is an <see cref="System.Collections.Generic.IReadOnlyList{T}"/>
    /// of <see cref="GuardVerdict"/>, innermost guard first.
    /// </summary>
    public const string AdditionalPropertiesKey = "nonprofit.guards.verdicts";

    /// <summary>Creates a verdict.</summary>
    /// <param name="guard">The deciding guard's name, for example <c>pii_redaction</c>.</param>
    /// <param name="action">What the guard did.</param>
    /// <param name="category">The reason, for example <see cref="GuardCategories.PiiRedacted"/>.</param>
    /// <param name="score">The guard's confidence or severity, between 0 and 1.</param>
    /// <param name="elapsed">The time the guard itself took (without the inner client).</param>
    /// <exception cref="ArgumentException"><paramref name="guard"/> or <paramref name="category"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not between 0 and 1, or <paramref name="elapsed"/> is negative.</exception>
    public GuardVerdict(string guard, GuardAction action, string category, double score, TimeSpan elapsed)
    {
        ArgumentException.ThrowIfNullOrEmpty(guard);
        ArgumentException.ThrowIfNullOrEmpty(category);
        if (double.IsNaN(score) || score is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(score), "The score must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(elapsed, TimeSpan.Zero);
        Guard = guard;
        Action = action;
        Category = category;
        Score = score;
        Elapsed = elapsed;
    }

    /// <summary>Gets the deciding guard's name.</summary>
    public string Guard { get; }

    /// <summary>Gets what the guard did.</summary>
    public GuardAction Action { get; }

    /// <summary>Gets the reason (see <see cref="GuardCategories"/>).</summary>
    public string Category { get; }

    /// <summary>Gets the guard's confidence or severity, between 0 and 1.</summary>
    public double Score { get; }

    /// <summary>Gets the time the guard itself took.</summary>
    public TimeSpan Elapsed { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant($"{Guard}: {Action} {Category} ({Score:0.###}, {Elapsed.TotalMicroseconds:0} µs)");
}
