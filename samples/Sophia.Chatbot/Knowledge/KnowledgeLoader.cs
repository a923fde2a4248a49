using System.Globalization;
using System.Text.Json;

namespace Sophia.Chatbot.Knowledge;

/// <summary>
/// Reads and strictly validates the content files: every user-facing text in the six languages, every entry and service
/// with a public source (absolute http(s) address) and a date, every country with emergency information and an
/// emergency service. The first problem found throws a <see cref="KnowledgeValidationException"/> that names the file,
/// the entry id and the field.
/// </summary>
internal static class KnowledgeLoader
{
    /// <summary>The notice every directory entry carries, exactly.</summary>
    public const string IllustrativeNotice = "illustrative — check before use";

    /// <summary>The keys of responder.json, each a text in the six languages.</summary>
    public static IReadOnlyList<string> ResponderKeys { get; } =
        ["welcome", "emergency", "services", "source", "notice", "offline"];

    public static IReadOnlyList<KnowledgeTopic> ReadTopics(string file, Stream json)
    {
        var parsed = Deserialize<KnowledgeJson.TopicsFile>(file, json);
        if (parsed.Topics is not { Count: > 0 } topics)
        {
            throw KnowledgeValidationException.For(file, null, "topics", "there must be at least one topic.");
        }

        var result = new List<KnowledgeTopic>();
        foreach (var topic in topics)
        {
            var id = RequireId(file, topic.Id, "topics");
            if (result.Any(t => t.Id == id))
            {
                throw KnowledgeValidationException.For(file, id, "id", "duplicate topic id.");
            }

            var section = topic.Section switch
            {
                "rights" => KnowledgeSection.Rights,
                "options" => KnowledgeSection.Options,
                _ => throw KnowledgeValidationException.For(file, id, "section", "must be 'rights' or 'options'."),
            };
            var title = RequireText(file, id, "title", topic.Title);
            if (topic.Keywords is null)
            {
                throw KnowledgeValidationException.For(file, id, "keywords", "missing.");
            }

            var keywords = new List<string>();
            foreach (var language in SophiaLanguages.All)
            {
                if (!topic.Keywords.TryGetValue(language, out var words) || words.Count == 0)
                {
                    throw KnowledgeValidationException.For(file, id, $"keywords.{language}", "missing or empty.");
                }

                foreach (var word in words)
                {
                    // "protect*" matches words starting with "protect"; "lei" matches the whole word only.
                    var prefix = word.EndsWith('*');
                    var normalized = TextNormalizer.Normalize(prefix ? word[..^1] : word).TrimStart();
                    normalized = prefix ? normalized.TrimEnd() : normalized;
                    if (normalized.Trim().Length < 2)
                    {
                        throw KnowledgeValidationException.For(file, id, $"keywords.{language}", "a keyword is shorter than two letters.");
                    }

                    keywords.Add(normalized);
                }
            }

            RejectUnknownLanguages(file, id, "keywords", topic.Keywords.Keys);
            result.Add(new KnowledgeTopic(id, section, title, keywords.Distinct(StringComparer.Ordinal).ToArray()));
        }

        return result;
    }

    public static IReadOnlyDictionary<string, LocalizedText> ReadResponderTexts(string file, Stream json)
    {
        var parsed = Deserialize<KnowledgeJson.ResponderFile>(file, json);
        if (parsed.Texts is null)
        {
            throw KnowledgeValidationException.For(file, null, "texts", "missing.");
        }

        var result = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var key in ResponderKeys)
        {
            parsed.Texts.TryGetValue(key, out var texts);
            result[key] = RequireText(file, key, "texts", texts);
        }

        foreach (var key in parsed.Texts.Keys.Where(k => !result.ContainsKey(k)))
        {
            throw KnowledgeValidationException.For(file, key, "texts", "unknown key.");
        }

        foreach (var language in SophiaLanguages.All)
        {
            if (!result["emergency"][language].Contains("{0}", StringComparison.Ordinal))
            {
                throw KnowledgeValidationException.For(file, "emergency", $"texts.{language}", "must contain {0} for the emergency number.");
            }
        }

        return result;
    }

    public static CountryKnowledge ReadCountry(string file, Stream json, IReadOnlyDictionary<string, KnowledgeTopic> topics)
    {
        var parsed = Deserialize<KnowledgeJson.CountryFile>(file, json);
        var code = parsed.Country;
        if (code != SophiaKnowledgeBase.DefaultCountry && (code is not { Length: 2 } || !code.All(char.IsAsciiLetterUpper)))
        {
            throw KnowledgeValidationException.For(file, null, "country", "must be an ISO 3166-1 alpha-2 code in upper case or 'default'.");
        }

        var name = RequireText(file, code, "name", parsed.Name);
        var emergency = RequireText(file, code, "emergency", parsed.Emergency);
        var entries = new List<KnowledgeEntry>();
        foreach (var entry in parsed.Entries ?? [])
        {
            var id = RequireId(file, entry.Id, "entries");
            if (entry.Topic is null || !topics.TryGetValue(entry.Topic, out var topic))
            {
                throw KnowledgeValidationException.For(file, id, "topic", "missing or not a topic of topics.json.");
            }

            if (entries.Any(e => e.Topic.Id == topic.Id))
            {
                throw KnowledgeValidationException.For(file, id, "topic", "the country already has an entry for this topic.");
            }

            entries.Add(new KnowledgeEntry(
                id, code, topic, RequireText(file, id, "text", entry.Text), RequireSource(file, id, "source", entry.Source), RequireDate(file, id, entry.Date)));
        }

        var services = new List<ServiceEntry>();
        foreach (var service in parsed.Services ?? [])
        {
            services.Add(ReadService(file, code, service, topics));
        }

        if (!services.Any(s => s.Kind == ServiceKind.Emergency))
        {
            throw KnowledgeValidationException.For(file, code, "services", "a country needs at least one emergency service.");
        }

        var ordered = services.OrderBy(s => s.Kind == ServiceKind.Emergency ? 0 : 1).ToArray();
        return new CountryKnowledge(code, name, emergency, entries, ordered);
    }

    private static ServiceEntry ReadService(string file, string country, KnowledgeJson.ServiceJson service, IReadOnlyDictionary<string, KnowledgeTopic> topics)
    {
        var id = RequireId(file, service.Id, "services");
        var kind = service.Kind switch
        {
            "emergency" => ServiceKind.Emergency,
            "helpline" => ServiceKind.Helpline,
            "shelter" => ServiceKind.Shelter,
            "legal" => ServiceKind.Legal,
            "counselling" => ServiceKind.Counselling,
            _ => throw KnowledgeValidationException.For(file, id, "kind", "must be emergency, helpline, shelter, legal or counselling."),
        };

        if (service.Phone is not null && (service.Phone.Length == 0 || !service.Phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+')))
        {
            throw KnowledgeValidationException.For(file, id, "phone", "only digits, spaces and '+'.");
        }

        if (service.Sms is not null && (service.Sms.Length == 0 || !service.Sms.All(c => char.IsAsciiDigit(c) || c is ' ' or '+')))
        {
            throw KnowledgeValidationException.For(file, id, "sms", "only digits, spaces and '+'.");
        }

        var url = service.Url is null ? null : RequireSource(file, id, "url", service.Url);
        var isDefaultEmergency = country == SophiaKnowledgeBase.DefaultCountry && kind == ServiceKind.Emergency;
        if (service.Phone is null && service.Sms is null && url is null && !isDefaultEmergency)
        {
            throw KnowledgeValidationException.For(file, id, "phone", "a service needs a phone number, an SMS number or a url.");
        }

        if (service.Languages is not { Count: > 0 } languages || languages.Any(l => l is not { Length: 2 } || !l.All(char.IsAsciiLetterLower)))
        {
            throw KnowledgeValidationException.For(file, id, "languages", "one or more ISO 639-1 codes in lower case.");
        }

        foreach (var topic in service.Topics ?? [])
        {
            if (!topics.ContainsKey(topic))
            {
                throw KnowledgeValidationException.For(file, id, "topics", "not a topic of topics.json.");
            }
        }

        if (service.Notice != IllustrativeNotice)
        {
            throw KnowledgeValidationException.For(file, id, "notice", $"must be '{IllustrativeNotice}'.");
        }

        if (service.Hours is { Length: 0 })
        {
            throw KnowledgeValidationException.For(file, id, "hours", "empty (leave it out when not known).");
        }

        return new ServiceEntry(
            id, country, kind, RequireText(file, id, "name", service.Name), service.Phone, service.Sms, url, languages, service.Hours,
            service.Topics ?? [], service.Notice, RequireSource(file, id, "source", service.Source), RequireDate(file, id, service.Date));
    }

    private static T Deserialize<T>(string file, Stream json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, KnowledgeJson.Options)
                ?? throw KnowledgeValidationException.For(file, null, "(root)", "the file is empty (null).");
        }
        catch (JsonException ex)
        {
            throw new KnowledgeValidationException(
                $"Knowledge file '{file}': invalid JSON at {ex.Path ?? "(root)"}, line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}.", ex);
        }
    }

    private static string RequireId(string file, string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id) || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.' or '-'))
        {
            throw KnowledgeValidationException.For(file, id, $"{field}.id", "missing, or not lower-case letters, digits, '.', '_' and '-'.");
        }

        return id;
    }

    private static LocalizedText RequireText(string file, string? id, string field, Dictionary<string, string>? texts)
    {
        if (texts is null)
        {
            throw KnowledgeValidationException.For(file, id, field, "missing.");
        }

        foreach (var language in SophiaLanguages.All)
        {
            if (!texts.TryGetValue(language, out var text) || string.IsNullOrWhiteSpace(text))
            {
                throw KnowledgeValidationException.For(file, id, $"{field}.{language}", "missing or blank: every text needs en, fr, es, pt, sw and hi.");
            }

            if (language == "hi" && !text.Any(c => c is >= '\u0900' and <= '\u097F'))
            {
                throw KnowledgeValidationException.For(file, id, $"{field}.{language}", "Hindi must be written in Devanagari.");
            }
        }

        RejectUnknownLanguages(file, id, field, texts.Keys);
        return new LocalizedText(texts);
    }

    private static void RejectUnknownLanguages(string file, string? id, string field, IEnumerable<string> languages)
    {
        foreach (var language in languages)
        {
            if (!SophiaLanguages.All.Contains(language, StringComparer.Ordinal))
            {
                throw KnowledgeValidationException.For(file, id, $"{field}.{language}", "not one of en, fr, es, pt, sw, hi.");
            }
        }
    }

    private static Uri RequireSource(string file, string id, string field, string? source)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw KnowledgeValidationException.For(file, id, field, "missing or not an absolute http(s) address.");
        }

        return uri;
    }

    private static DateOnly RequireDate(string file, string id, string? date)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            throw KnowledgeValidationException.For(file, id, "date", "missing or not yyyy-MM-dd.");
        }

        return parsed;
    }
}
