namespace Nonprofit.Governance.Fairness;

/// <summary>
/// The true outcome (label) of one decision, where it is known: whether the person or case really needed or merited
/// the selection. <see cref="Unknown"/> is the default so that an array left unfilled never claims an outcome.
/// </summary>
public enum Outcome : byte
{
    /// <summary>The outcome is not known; the row counts for selection rates but not for error rates.</summary>
    Unknown = 0,

    /// <summary>The true outcome is negative (label 0).</summary>
    Negative = 1,

    /// <summary>The true outcome is positive (label 1).</summary>
    Positive = 2,
}
