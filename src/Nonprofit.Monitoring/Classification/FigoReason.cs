namespace Nonprofit.Monitoring;

/// <summary>One reason for a FIGO 2015 category: a code, its weight and a sentence with the CTG feature values that triggered it (and nothing else).</summary>
/// <param name="Code">The rule.</param>
/// <param name="Severity">What the reason does to the category.</param>
/// <param name="Message">A human sentence with the numbers, e.g. "Baseline 95 bpm is below 100 bpm."</param>
public sealed record FigoReason(FigoReasonCode Code, FigoReasonSeverity Severity, string Message);
