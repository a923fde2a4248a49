namespace FarmerChat.Advisory.Retrieval;

/// <summary>One vetted advisory document of the knowledge base, in one language.</summary>
/// <param name="Id">The topic id, the same in every language (the file name without <c>.md</c>).</param>
/// <param name="Language">ISO 639-1: en, sw, hi or fr (the folder name).</param>
/// <param name="Title">The title, in the document's language.</param>
/// <param name="Topic">crops, pests, diseases, soil, water, post-harvest, livestock or safety.</param>
/// <param name="Crops">English crop or animal words, or <c>general</c>.</param>
/// <param name="Source">The public source: organisation, title, year.</param>
/// <param name="Url">The https URL of the source.</param>
/// <param name="Date">The year or year-month of the source.</param>
/// <param name="Body">The plain-text advice.</param>
internal sealed record KnowledgeDocument(
    string Id, string Language, string Title, string Topic, IReadOnlyList<string> Crops, string Source, string Url, string Date, string Body);
