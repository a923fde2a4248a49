using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The app's directory of local help, by country, language and crisis category. This package ships no numbers: an app
/// registers its own (<see cref="InMemoryHelplineDirectory"/> or an implementation over its database).
/// </summary>
public interface IHelplineDirectory
{
    /// <summary>Finds the helplines to show.</summary>
    /// <param name="query">The user's country (when known), language and the crisis categories detected.</param>
    /// <param name="cancellationToken">
    /// The request's cancellation token, also cancelled when <see cref="CrisisDetectionOptions.EscalationTimeout"/> has
    /// passed; the guard stops waiting then even if this call does not return.
    /// </param>
    /// <returns>The helplines, most relevant first; empty when there are none.</returns>
    ValueTask<IReadOnlyList<Helpline>> FindAsync(HelplineQuery query, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IHelplineDirectory.FindAsync"/> is asked for.</summary>
/// <param name="Country">The ISO 3166-1 alpha-2 country code the request carried, or <see langword="null"/>.</param>
/// <param name="Language">The ISO 639-1 code of the user's language, or <c>"unknown"</c>.</param>
/// <param name="Categories">The crisis categories detected, strongest first.</param>
public sealed record HelplineQuery(string? Country, string Language, IReadOnlyList<string> Categories);
