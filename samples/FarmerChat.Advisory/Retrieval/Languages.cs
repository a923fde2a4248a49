namespace FarmerChat.Advisory.Retrieval;

/// <summary>The languages the knowledge base is written in.</summary>
internal static class Languages
{
    public const string English = "en";
    public const string Swahili = "sw";
    public const string Hindi = "hi";
    public const string French = "fr";

    /// <summary>en, sw, hi, fr.</summary>
    public static IReadOnlyList<string> All { get; } = [English, Swahili, Hindi, French];

    public static bool IsSupported(string? language) => language is not null && All.Contains(language, StringComparer.Ordinal);

    /// <summary>The language's name in English (for a model's instructions).</summary>
    public static string EnglishName(string language) => language switch
    {
        Swahili => "Swahili",
        Hindi => "Hindi (Devanagari script)",
        French => "French",
        _ => "English",
    };
}
