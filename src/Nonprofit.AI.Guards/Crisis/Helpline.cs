using System;

namespace Nonprofit.AI.Guards;

/// <summary>
/// One source of local help the app configured (this package ships none): a hotline, a shelter, an emergency number.
/// </summary>
public sealed record Helpline
{
    /// <summary>Creates a helpline.</summary>
    /// <param name="name">The name the user sees, in their language.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public Helpline(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>Gets the name the user sees.</summary>
    public string Name { get; }

    /// <summary>Gets or sets the phone number, as the user should dial it.</summary>
    public string? Phone { get; init; }

    /// <summary>Gets or sets a number for SMS or a chat handle.</summary>
    public string? Text { get; init; }

    /// <summary>Gets or sets a web address.</summary>
    public string? Url { get; init; }

    /// <summary>Gets or sets when it is open (free text, for example "24/7").</summary>
    public string? Hours { get; init; }

    /// <summary>Formats the helpline as one line of the safe reply.</summary>
    /// <returns>The name and, when set, phone, text, web address and hours, separated by " · ".</returns>
    public override string ToString()
    {
        var parts = new[] { Name, Phone, Text, Url, Hours };
        return string.Join(" · ", Array.FindAll(parts, p => !string.IsNullOrEmpty(p)));
    }
}
