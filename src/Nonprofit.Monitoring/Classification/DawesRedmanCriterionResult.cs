namespace Nonprofit.Monitoring;

/// <summary>Whether one Dawes-Redman-style criterion is met, with a sentence giving the measured value and the limit.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Met">Whether it is met.</param>
/// <param name="Description">A sentence with the measured CTG value and the limit, e.g. "STV 2.1 ms is below 3 ms."</param>
public sealed record DawesRedmanCriterionResult(DawesRedmanCriterion Criterion, bool Met, string Description);
