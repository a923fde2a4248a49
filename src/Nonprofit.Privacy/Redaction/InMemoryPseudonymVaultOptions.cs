namespace Nonprofit.Privacy;

/// <summary>Bounds of an <see cref="InMemoryPseudonymVault"/>, so that a long-running process does not keep every value it has seen.</summary>
/// <remarks>
/// The trade-off is re-identification: a forgotten scope or value can no longer be revealed with
/// <see cref="IPseudonymVault.TryReveal"/>, and a forgotten value seen again gets a new number (numbers are never
/// reused while a scope is held, so within it a pseudonym never stands for two values). A scope forgotten because of
/// <see cref="MaxScopes"/> loses its values, but its name keeps the numbers it reached (for the last
/// <see cref="MaxScopes"/> scopes forgotten so, no values kept): used again, it goes on numbering, so that an earlier
/// reply that still holds <c>&lt;PERSON_1&gt;</c> never names someone else. A scope cleared with
/// <see cref="IPseudonymVault.ClearScope"/> (its conversation ended) starts again at 1 unless it had been forgotten so
/// before. Keep <see cref="MaxScopes"/> above the number of conversations alive at the same time, or clear each scope
/// when its conversation ends. Use a persistent <see cref="IPseudonymVault"/> when pseudonyms must be revealable for
/// longer.
/// </remarks>
public sealed class InMemoryPseudonymVaultOptions
{
    /// <summary>Gets or sets the most scopes held; above it the least recently used scope is forgotten.</summary>
    /// <value>The default is 10,000 (for example, conversations alive at the same time).</value>
    public int MaxScopes { get; set; } = 10_000;

    /// <summary>Gets or sets the most values held per scope; above it the least recently used value of that scope is forgotten.</summary>
    /// <value>The default is 10,000. The default scope, used by calls without a scope and by the logging redactor, is bounded too.</value>
    public int MaxEntriesPerScope { get; set; } = 10_000;
}
