namespace FarmerChat.Advisory.Retrieval;

/// <summary>How questions are matched and when a match counts as relevant (chosen on the dev questions, see docs/samples/farmerchat.md).</summary>
internal sealed record RetrievalOptions
{
    /// <summary>Gets the boost of a word found in the title.</summary>
    public float TitleBoost { get; init; } = 1f;

    /// <summary>Gets the boost of a word found in the crops line.</summary>
    public float CropsBoost { get; init; } = 1f;

    /// <summary>Gets the weight of the character n-gram part of the query (0 turns it off).</summary>
    public float GramWeight { get; init; } = 1f;

    /// <summary>Gets the n-gram length.</summary>
    public int GramSize { get; init; } = 4;

    /// <summary>Gets the lowest Lucene score of a relevant document.</summary>
    public float MinScore { get; init; } = 0.1f;

    /// <summary>Gets per-language exceptions to <see cref="MinScore"/> (Hindi scores run lower: its questions share fewer of their words with the documents).</summary>
    public IReadOnlyDictionary<string, float> MinScoreByLanguage { get; init; } = new Dictionary<string, float>(StringComparer.Ordinal) { [Languages.Hindi] = 0.06f };

    /// <summary>The lowest score of a relevant document in <paramref name="language"/>.</summary>
    public float MinScoreFor(string language) => MinScoreByLanguage.TryGetValue(language, out var score) ? score : MinScore;

    /// <summary>Gets the lowest share of the question's words a relevant document must contain.</summary>
    public double MinCoverage { get; init; } = 0.3;

    /// <summary>
    /// The settings the app uses, chosen with <c>--sweep</c> on the dev questions and <c>questions-none.a</c>: title and
    /// body weighted equally with the n-grams at full weight (recall@3 1.00 in every language on dev), and a document is
    /// relevant from a score of 0.1 (Hindi 0.06) with 30 % of the question's words in it (dev: 1.3 % of answerable
    /// questions declined, none.a: 90 % declined).
    /// </summary>
    public static RetrievalOptions Default { get; } = new();
}
