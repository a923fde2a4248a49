namespace Sophia.Chatbot.Knowledge;

/// <summary>The languages every user-facing text of the knowledge base is written in (ISO 639-1).</summary>
internal static class SophiaLanguages
{
    /// <summary>English, the fallback when a language is not supported.</summary>
    public const string Fallback = "en";

    /// <summary>en, fr, es, pt, sw, hi, in this order.</summary>
    public static IReadOnlyList<string> All { get; } = ["en", "fr", "es", "pt", "sw", "hi"];

    /// <summary>Whether <paramref name="language"/> is one of <see cref="All"/> (case-insensitive).</summary>
    public static bool IsSupported(string? language) =>
        language is not null && All.Contains(language, StringComparer.OrdinalIgnoreCase);

    /// <summary>The supported language in lower case, or <see langword="null"/>.</summary>
    public static string? Normalize(string? language) =>
        IsSupported(language) ? language!.ToLowerInvariant() : null;
}
