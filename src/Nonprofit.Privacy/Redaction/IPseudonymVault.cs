namespace Nonprofit.Privacy;

/// <summary>
/// Keeps the link between pseudonyms (<c>&lt;PERSON_1&gt;</c>) and the values they replace, per scope, so that
/// the same person keeps the same pseudonym across a conversation and an authorised caseworker can
/// re-identify. Implementations hold personal data: store them encrypted and expire scopes.
/// </summary>
public interface IPseudonymVault
{
    /// <summary>Returns the pseudonym of <paramref name="value"/> in <paramref name="scope"/>, creating it if needed.</summary>
    /// <param name="scope">The scope, for example a conversation id.</param>
    /// <param name="type">The entity type (part of the pseudonym).</param>
    /// <param name="value">The personal data.</param>
    /// <returns>A pseudonym such as <c>&lt;PERSON_2&gt;</c>.</returns>
    string GetOrAddPseudonym(string scope, PiiEntityType type, string value);

    /// <summary>Finds the value behind a pseudonym.</summary>
    /// <param name="scope">The scope the pseudonym was made in.</param>
    /// <param name="pseudonym">The pseudonym, for example <c>&lt;PERSON_2&gt;</c>.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns><see langword="true"/> when the pseudonym is known in the scope.</returns>
    bool TryReveal(string scope, string pseudonym, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value);

    /// <summary>Forgets every pseudonym of a scope (when a conversation ends).</summary>
    /// <param name="scope">The scope.</param>
    void ClearScope(string scope);

    /// <summary>
    /// Lists the values <paramref name="scope"/> holds, so that a value found once in its context ("my name is Koffi")
    /// is pseudonymised again where it appears alone, which detection may miss.
    /// </summary>
    /// <remarks>
    /// The default implementation returns <see langword="null"/>: a vault that cannot list its values gives only
    /// detection (each text on its own). Implementations should return the same instance until the scope changes, so a
    /// caller may build its search once, and must be as thread-safe as the rest of the vault. The result holds personal
    /// data: never log it.
    /// </remarks>
    /// <param name="scope">The scope.</param>
    /// <returns>The scope's values, or <see langword="null"/> when the scope holds none or the vault cannot list them.</returns>
    KnownPiiValues? GetKnownValues(string scope) => null;
}
