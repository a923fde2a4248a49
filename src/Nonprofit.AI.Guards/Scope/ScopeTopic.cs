using System.Collections.Generic;

namespace Nonprofit.AI.Guards;

/// <summary>One topic the app answers about: a name, a short description and example questions.</summary>
/// <remarks>
/// The default classifier compares messages with the description and the examples by their character n-grams and
/// words: write examples in every language the app serves (n-grams carry across spelling variants, inflections and
/// missing accents, not across languages), in the words users really use.
/// </remarks>
public sealed class ScopeTopic
{
    /// <summary>Gets or sets the topic's name (for the app's own reports; never shown to users).</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets or sets a description: a sentence or a list of the topic's words (<c>"crops, planting, maize, beans"</c>).</summary>
    public string? Description { get; set; }

    /// <summary>Gets the example questions of the topic.</summary>
    public IList<string> Examples { get; init; } = [];
}
