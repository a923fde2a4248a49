using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sophia.Chatbot.Knowledge;

/// <summary>The JSON shapes of the content files (validated and turned into the knowledge types by <see cref="KnowledgeLoader"/>).</summary>
internal static class KnowledgeJson
{
    /// <summary>camelCase, comments allowed, unknown properties rejected (a misspelt field is an error, not a silent drop).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    internal sealed class TopicsFile
    {
        public List<TopicJson>? Topics { get; set; }
    }

    internal sealed class TopicJson
    {
        public string? Id { get; set; }

        public string? Section { get; set; }

        public Dictionary<string, string>? Title { get; set; }

        public Dictionary<string, List<string>>? Keywords { get; set; }
    }

    internal sealed class ResponderFile
    {
        public Dictionary<string, Dictionary<string, string>>? Texts { get; set; }
    }

    internal sealed class CountryFile
    {
        public string? Country { get; set; }

        public Dictionary<string, string>? Name { get; set; }

        public Dictionary<string, string>? Emergency { get; set; }

        public List<EntryJson>? Entries { get; set; }

        public List<ServiceJson>? Services { get; set; }
    }

    internal sealed class EntryJson
    {
        public string? Id { get; set; }

        public string? Topic { get; set; }

        public Dictionary<string, string>? Text { get; set; }

        public string? Source { get; set; }

        public string? Date { get; set; }
    }

    internal sealed class ServiceJson
    {
        public string? Id { get; set; }

        public string? Kind { get; set; }

        public Dictionary<string, string>? Name { get; set; }

        public string? Phone { get; set; }

        public string? Sms { get; set; }

        public string? Url { get; set; }

        public List<string>? Languages { get; set; }

        public string? Hours { get; set; }

        public List<string>? Topics { get; set; }

        public string? Notice { get; set; }

        public string? Source { get; set; }

        public string? Date { get; set; }
    }
}
