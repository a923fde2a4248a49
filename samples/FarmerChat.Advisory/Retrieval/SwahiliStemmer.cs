namespace FarmerChat.Advisory.Retrieval;

/// <summary>
/// A light Swahili suffix stemmer: drops the locative <c>-ni</c> ("shambani" → "shamba") and the final vowel of words
/// of four letters or more, so that the verb's mood and the noun's locative match ("panda", "pande", "pandeni"). Noun-class
/// and verb prefixes are left alone (stripping them confuses unrelated words); the n-gram field covers those.
/// </summary>
internal static class SwahiliStemmer
{
    /// <summary>Stems <paramref name="buffer"/>[0..<paramref name="length"/>) in place; returns the new length.</summary>
    public static int Stem(char[] buffer, int length)
    {
        if (length >= 6 && buffer[length - 2] == 'n' && buffer[length - 1] == 'i')
        {
            length -= 2;
        }

        if (length >= 4 && buffer[length - 1] is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            length--;
        }

        return length;
    }
}
