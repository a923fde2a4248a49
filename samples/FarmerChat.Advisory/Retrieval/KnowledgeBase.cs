namespace FarmerChat.Advisory.Retrieval;

/// <summary>The vetted documents, read from <c>Knowledge/&lt;lang&gt;/&lt;id&gt;.md</c>.</summary>
internal sealed class KnowledgeBase
{
    private KnowledgeBase(IReadOnlyList<KnowledgeDocument> documents) => Documents = documents;

    /// <summary>Gets every document, ordered by language then id.</summary>
    public IReadOnlyList<KnowledgeDocument> Documents { get; }

    /// <summary>Gets the folder shipped next to the executable.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Knowledge");

    /// <summary>Gets the topic ids.</summary>
    public IReadOnlyList<string> Ids => [.. Documents.Select(d => d.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Reads every <c>*.md</c> under the language folders of <paramref name="folder"/>.</summary>
    /// <exception cref="KnowledgeFormatException">A file does not follow the format.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static KnowledgeBase Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The knowledge folder was not found: {folder}");
        }

        var documents = new List<KnowledgeDocument>();
        foreach (var language in Languages.All)
        {
            var dir = Path.Combine(folder, language);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
            {
                documents.Add(KnowledgeParser.Parse(File.ReadAllText(path), $"{language}/{Path.GetFileName(path)}"));
            }
        }

        return new KnowledgeBase(documents);
    }

    /// <summary>Gets the document of <paramref name="id"/> in <paramref name="language"/>, or null.</summary>
    public KnowledgeDocument? Find(string id, string language) =>
        Documents.FirstOrDefault(d => d.Id == id && d.Language == language);

    /// <summary>Gets the "lang/id" pairs missing from the four languages (empty when every id is in every language).</summary>
    public IReadOnlyList<string> MissingTranslations() =>
        [.. Ids.SelectMany(id => Languages.All.Where(l => Find(id, l) is null).Select(l => $"{l}/{id}"))];
}
