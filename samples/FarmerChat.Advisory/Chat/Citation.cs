using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Chat;

/// <summary>A document an answer cites.</summary>
internal sealed record Citation(string Id, string Title, string Source, string Url, string Date)
{
    public static Citation From(KnowledgeDocument d) => new(d.Id, d.Title, d.Source, d.Url, d.Date);
}
