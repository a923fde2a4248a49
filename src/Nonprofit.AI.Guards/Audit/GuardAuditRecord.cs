using System;

namespace Nonprofit.AI.Guards;

/// <summary>One line of the audit trail: a verdict, when it was made, and a keyed hash of the conversation. No text.</summary>
/// <param name="Timestamp">When the audit guard recorded the verdict.</param>
/// <param name="Guard">The deciding guard's name.</param>
/// <param name="Action">What the guard did.</param>
/// <param name="Category">The reason (see <see cref="GuardCategories"/>).</param>
/// <param name="Score">The guard's confidence or severity, between 0 and 1.</param>
/// <param name="Elapsed">The time the guard took.</param>
/// <param name="ConversationHash">
/// HMAC-SHA256 of the conversation id under <see cref="GuardAuditOptions.HashKey"/>, lower-case hex; null when the
/// request carried no conversation id. Without the key it cannot be linked back to the id.
/// </param>
public readonly record struct GuardAuditRecord(
    DateTimeOffset Timestamp,
    string Guard,
    GuardAction Action,
    string Category,
    double Score,
    TimeSpan Elapsed,
    string? ConversationHash);
