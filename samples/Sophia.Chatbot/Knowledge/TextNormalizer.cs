using System.Globalization;
using System.Text;

namespace Sophia.Chatbot.Knowledge;

/// <summary>
/// Normalises text for keyword matching: lower case, accents removed from Latin letters (Devanagari vowel signs are
/// kept), every run of characters that are not letters, marks or digits turned into one space, with a space at each end
/// so that <c>" " + keyword</c> finds a keyword at the start of a word.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Normalises <paramref name="text"/>; an empty or blank text gives <c>" "</c>.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length + 2);
        builder.Append(' ');
        var previousBase = '\0';
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                // Accents on Latin letters go; Devanagari signs (and other scripts' marks) stay.
                if (previousBase >= '\u0250')
                {
                    builder.Append(c);
                }

                continue;
            }

            if (char.IsLetterOrDigit(c) || category is UnicodeCategory.SpacingCombiningMark)
            {
                builder.Append(char.ToLowerInvariant(c));
                previousBase = c;
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
                previousBase = '\0';
            }
        }

        if (builder[^1] != ' ')
        {
            builder.Append(' ');
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
