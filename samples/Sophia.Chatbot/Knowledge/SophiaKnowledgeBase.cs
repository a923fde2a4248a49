using System.Text;

namespace Sophia.Chatbot.Knowledge;

/// <summary>
/// Sophia's knowledge base: per country, the "Assess rights" and "Learn options" answers and the services directory, in
/// en, fr, es, pt, sw and hi, each entry with its public source and date. Countries without their own entry for a topic
/// (and countries the base does not know) get the universal answer of <see cref="DefaultCountry"/>.
/// </summary>
/// <remarks>The content is illustrative: written from public pages in November 2026, to be checked before use.</remarks>
internal sealed class SophiaKnowledgeBase
{
    /// <summary>The code of the universal entries, for any country the base does not know.</summary>
    public const string DefaultCountry = "default";

    /// <summary>The name of the topics file.</summary>
    public const string TopicsFile = "topics.json";

    /// <summary>The name of the responder texts file.</summary>
    public const string ResponderFile = "responder.json";

    /// <summary>The folder of the country files (one per country, <c>countries/gb.json</c>…).</summary>
    public const string CountriesFolder = "countries/";

    private const string ResourcePrefix = "Sophia.Knowledge/";
    private static readonly Lazy<SophiaKnowledgeBase> s_default = new(() => Load(ReadEmbeddedFiles()));

    private readonly Dictionary<string, CountryKnowledge> _countries;

    private SophiaKnowledgeBase(IReadOnlyList<KnowledgeTopic> topics, IReadOnlyDictionary<string, LocalizedText> texts, Dictionary<string, CountryKnowledge> countries)
    {
        Topics = topics;
        Texts = texts;
        _countries = countries;
    }

    /// <summary>The topics, in the order they break ties when matching.</summary>
    public IReadOnlyList<KnowledgeTopic> Topics { get; }

    /// <summary>The responder's own texts (welcome, emergency line, headings, notice), by key.</summary>
    public IReadOnlyDictionary<string, LocalizedText> Texts { get; }

    /// <summary>Every country, <see cref="DefaultCountry"/> included, by code.</summary>
    public IReadOnlyDictionary<string, CountryKnowledge> Countries => _countries;

    /// <summary>Every answer of every country.</summary>
    public IEnumerable<KnowledgeEntry> Entries => _countries.Values.SelectMany(c => c.Entries);

    /// <summary>Every service of every country.</summary>
    public IEnumerable<ServiceEntry> Services => _countries.Values.SelectMany(c => c.Services);

    /// <summary>The knowledge base embedded in the sample (loaded and validated once).</summary>
    /// <exception cref="KnowledgeValidationException">The embedded content is invalid.</exception>
    public static SophiaKnowledgeBase LoadDefault() => s_default.Value;

    /// <summary>Loads and validates a knowledge base from its files' JSON, by file name (<see cref="TopicsFile"/>,
    /// <see cref="ResponderFile"/> and <c>countries/xx.json</c>).</summary>
    /// <exception cref="KnowledgeValidationException">A file is missing or invalid (the message names file, entry and field).</exception>
    public static SophiaKnowledgeBase Load(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var topics = KnowledgeLoader.ReadTopics(TopicsFile, Open(files, TopicsFile));
        var topicsById = topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var texts = KnowledgeLoader.ReadResponderTexts(ResponderFile, Open(files, ResponderFile));
        var countries = new Dictionary<string, CountryKnowledge>(StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in files.Where(f => f.Key.StartsWith(CountriesFolder, StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var country = KnowledgeLoader.ReadCountry(name, Open(files, name), topicsById);
            if (!countries.TryAdd(country.Code, country))
            {
                throw KnowledgeValidationException.For(name, country.Code, "country", "another file has the same country.");
            }

            foreach (var id in country.Entries.Select(e => e.Id).Concat(country.Services.Select(s => s.Id)))
            {
                if (!ids.Add(id))
                {
                    throw KnowledgeValidationException.For(name, id, "id", "duplicate id in the knowledge base.");
                }
            }
        }

        if (!countries.TryGetValue(DefaultCountry, out var universal))
        {
            throw KnowledgeValidationException.For(CountriesFolder + "default.json", null, "country", "the default country is missing.");
        }

        foreach (var topic in topics.Where(t => universal.Entries.All(e => e.Topic.Id != t.Id)))
        {
            throw KnowledgeValidationException.For(CountriesFolder + "default.json", topic.Id, "entries", "the default country needs an entry for every topic.");
        }

        return new SophiaKnowledgeBase(topics, texts, countries);
    }

    /// <summary>The country's knowledge, or the universal one when <paramref name="country"/> is null or not known.</summary>
    public CountryKnowledge CountryOrDefault(string? country) =>
        country is not null && _countries.TryGetValue(country, out var known) ? known : _countries[DefaultCountry];

    /// <summary>The country's answer for a topic, or the universal answer.</summary>
    public KnowledgeEntry Entry(string? country, KnowledgeTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return CountryOrDefault(country).Entries.FirstOrDefault(e => e.Topic.Id == topic.Id)
            ?? _countries[DefaultCountry].Entries.First(e => e.Topic.Id == topic.Id);
    }

    /// <summary>Reads the embedded content files (the sample's <c>Knowledge/Content</c> folder).</summary>
    internal static Dictionary<string, string> ReadEmbeddedFiles()
    {
        var assembly = typeof(SophiaKnowledgeBase).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files[resource[ResourcePrefix.Length..]] = reader.ReadToEnd();
        }

        return files;
    }

    private static MemoryStream Open(IReadOnlyDictionary<string, string> files, string name) =>
        files.TryGetValue(name, out var json)
            ? new MemoryStream(Encoding.UTF8.GetBytes(json))
            : throw KnowledgeValidationException.For(name, null, "(file)", "the file is missing.");
}
