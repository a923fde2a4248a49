using System;
using System.Text.Json;

namespace Nonprofit.Governance.Records;

/// <summary>
/// A decision to record with <see cref="DecisionLog.AppendAsync"/>: everything except what the log assigns (the
/// sequence number, the timestamp and the hashes).
/// </summary>
public sealed class DecisionDraft
{
    /// <summary>Gets the record's id; <see langword="null"/> (the default) for a new random GUID.</summary>
    public Guid? Id { get; init; }

    /// <summary>Gets what kind of decision this is. <see cref="DecisionKind.Approval"/> is refused here.</summary>
    public DecisionKind Kind { get; init; } = DecisionKind.Other;

    /// <summary>Gets the name of the policy or model that decided (1 to 200 characters, no control characters).</summary>
    public required string PolicyName { get; init; }

    /// <summary>Gets the version of the policy or model (1 to 200 characters, no control characters).</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>
    /// Gets the decision's inputs: a JSON object of aggregated figures (totals, rates, estimates per programme or
    /// region), never personal data. String values and property names that look like personal data (an e-mail
    /// address, a phone number, a payment card, an IBAN) are refused with the JSON path, never the value.
    /// </summary>
    public JsonElement Inputs { get; init; }

    /// <summary>Gets the decision's output: any JSON value, checked for personal data like <see cref="Inputs"/>.</summary>
    public JsonElement Output { get; init; }

    /// <summary>
    /// Gets the plain-language explanation of the decision (at most 100,000 characters). It is stored as given:
    /// keep personal data out of it.
    /// </summary>
    public string Explanation { get; init; } = string.Empty;

    /// <summary>Gets whether a person must approve the decision before it takes effect.</summary>
    public bool RequiresApproval { get; init; }
}
