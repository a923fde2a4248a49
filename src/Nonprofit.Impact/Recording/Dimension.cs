namespace Nonprofit.Impact;

/// <summary>
/// A dimension value passed to <see cref="ImpactRecorder.Record(string, double, System.ReadOnlySpan{Dimension}, System.DateTimeOffset)"/>:
/// a struct, so <c>[new("sex", "female"), new("age", "15-19")]</c> lives on the stack and recording allocates nothing.
/// </summary>
/// <param name="Name">The dimension's name, as declared by the indicator.</param>
/// <param name="Value">One of the dimension's allowed values.</param>
public readonly record struct Dimension(string Name, string Value);
