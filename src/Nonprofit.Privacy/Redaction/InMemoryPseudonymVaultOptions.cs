namespace Nonprofit.Privacy;

/// <summary>Bounds of an <see cref="InMemoryPseudonymVault"/>, so that a long-running process does not keep every value it has seen.</summary>
/// <remarks>
/// The trade-off is re-identification: a forgotten scope or value can no longer be revealed with
/// <see cref="IPseudonymVault.TryReveal"/>, and a forgotten value seen again gets a new number (numbers are never
/// reused while a scope is held, so within it a pseudonym never stands for two values). A forgotten <em>scope</em> is
/// forgotten whole, numbering included: a new scope of the same name starts again at 1, and an earlier reply that still
/// holds <c>&lt;PERSON_1&gt;</c> would then name someone else. Keep <see cref="MaxScopes"/> above the number of
/// conversations alive at the same time, or clear each scope when its conversation ends. Use a persistent
/// <see cref="IPseudonymVault"/> when pseudonyms must be revealable for longer.
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
