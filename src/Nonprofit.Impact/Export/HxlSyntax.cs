using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Nonprofit.Impact.Export;

/// <summary>The syntax of HXL 1.1 hashtags and attributes (https://hxlstandard.org/standard/1-1final/tagging/).</summary>
internal static partial class HxlSyntax
{
    /// <summary>Whether <paramref name="hashtag"/> is a hashtag with optional attributes, such as <c>#reached+f+children</c>.</summary>
    public static bool IsValidHashtag(string hashtag) => Hashtag().IsMatch(hashtag);

    /// <summary>
    /// Reads attributes written as <c>+f</c>, <c>f</c>, <c>+f +children</c> or <c>+F</c> (HXL is case-insensitive;
    /// attributes are written lower-case); <see langword="false"/> when one is not an HXL attribute name.
    /// </summary>
    public static bool TryParseAttributes(string text, List<string> attributes)
    {
        var parts = text.Split(['+', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return false;
        }

        foreach (var part in parts)
        {
            var attribute = part.ToLowerInvariant();
            if (!Attribute().IsMatch(attribute))
            {
                return false;
            }

            if (!attributes.Contains(attribute))
            {
                attributes.Add(attribute);
            }
        }

        return true;
    }

    /// <summary>An attribute made from a dimension name: lower-case, other characters as <c>_</c>, <c>x_</c> before a leading non-letter.</summary>
    public static string AttributeFromName(string name)
    {
        var builder = new StringBuilder(name.Length + 2);
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '_');
        }

        if (builder.Length == 0 || !char.IsAsciiLetterLower(builder[0]))
        {
            builder.Insert(0, "x_");
        }

        return builder.ToString();
    }

    /// <summary>The hashtag with the attributes appended, as <c>#tag+a+b</c>.</summary>
    public static string With(string hashtag, IEnumerable<string> attributes)
    {
        var builder = new StringBuilder(hashtag);
        foreach (var attribute in attributes)
        {
            builder.Append('+').Append(attribute);
        }

        return builder.ToString();
    }

    /// <summary>Formats an index for a message.</summary>
    public static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();
}
