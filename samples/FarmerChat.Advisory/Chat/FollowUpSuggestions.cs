using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Chat;

/// <summary>
/// Next questions after an answer: the titles of the other relevant documents retrieved, then of documents on the same
/// crop, then on the same topic — all in the answer's language. Asking a title retrieves its document first.
/// </summary>
internal static class FollowUpSuggestions
{
    public const int Count = 3;

    public static IReadOnlyList<string> For(IReadOnlyList<KnowledgeDocument> retrieved, KnowledgeBase knowledge, string language)
    {
        ArgumentNullException.ThrowIfNull(retrieved);
        ArgumentNullException.ThrowIfNull(knowledge);
        if (retrieved.Count == 0)
        {
            return [];
        }

        var main = retrieved[0];
        var sameLanguage = knowledge.Documents.Where(d => d.Language == language && d.Id != main.Id).ToList();
        var crops = main.Crops.Where(c => c != "general").ToHashSet(StringComparer.Ordinal);
        return retrieved.Skip(1)
            .Concat(sameLanguage.Where(d => d.Crops.Any(crops.Contains)))
            .Concat(sameLanguage.Where(d => d.Topic == main.Topic))
            .Where(d => d.Language == language && d.Id != main.Id)
            .Select(d => d.Title)
            .Distinct(StringComparer.Ordinal)
            .Take(Count)
            .ToList();
    }
}
