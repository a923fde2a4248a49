namespace FarmerChat.Advisory.Retrieval;

/// <summary>How questions are matched and when a match counts as relevant (chosen on the dev questions, see docs/samples/farmerchat.md).</summary>
internal sealed record RetrievalOptions
{
    /// <summary>Gets the boost of a word found in the title.</summary>
    public float TitleBoost { get; init; } = 2f;

    /// <summary>Gets the boost of a word found in the crops line.</summary>
    public float CropsBoost { get; init; } = 1f;

    /// <summary>Gets the weight of the character n-gram part of the query (0 turns it off).</summary>
    public float GramWeight { get; init; } = 0.5f;

    /// <summary>Gets the n-gram length.</summary>
    public int GramSize { get; init; } = 4;

    /// <summary>Gets the lowest Lucene score of a relevant document.</summary>
    public float MinScore { get; init; }

    /// <summary>Gets the lowest share of the question's words a relevant document must contain.</summary>
    public double MinCoverage { get; init; }

    /// <summary>The settings the app uses.</summary>
    public static RetrievalOptions Default { get; } = new();
}
