namespace Sophia.Chatbot.Knowledge;

/// <summary>A user-facing text in every language of <see cref="SophiaLanguages.All"/> (validated at load).</summary>
internal sealed class LocalizedText
{
    private readonly Dictionary<string, string> _texts;

    /// <summary>Creates a text from its translations; the caller has validated that every language is present.</summary>
    public LocalizedText(IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        _texts = new Dictionary<string, string>(texts, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The text in <paramref name="language"/>, or in English when that language is missing.</summary>
    public string this[string language] =>
        _texts.TryGetValue(language, out var text) ? text : _texts[SophiaLanguages.Fallback];

    /// <summary>The languages this text has.</summary>
    public IEnumerable<string> Languages => _texts.Keys;
}
