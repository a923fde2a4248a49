using System.Text.Json.Nodes;
using Sophia.Chatbot.Knowledge;

namespace Sophia.Chatbot.Tests.Knowledge;

public sealed class SophiaKnowledgeBaseTests
{
    private static readonly SophiaKnowledgeBase s_knowledge = SophiaKnowledgeBase.LoadDefault();

    [Fact]
    public void LoadDefault_EmbeddedContent_HasTheRequiredCountries()
    {
        Assert.Equal(
            ["BR", "ES", "FR", "GB", "IN", "KE", SophiaKnowledgeBase.DefaultCountry],
            s_knowledge.Countries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LoadDefault_DefaultCountry_HasAnEntryForEveryTopicAndNoPhoneNumber()
    {
        var universal = s_knowledge.Countries[SophiaKnowledgeBase.DefaultCountry];
        Assert.Equal(s_knowledge.Topics.Select(t => t.Id).Order(), universal.Entries.Select(e => e.Topic.Id).Order());
        Assert.All(universal.Services, s => Assert.Null(s.Phone));
        Assert.Contains(universal.Services, s => s.Kind == ServiceKind.Emergency);
    }

    [Fact]
    public void LoadDefault_EveryCountry_HasEmergencyNumbersAndItsOwnRightsEntries()
    {
        foreach (var country in s_knowledge.Countries.Values.Where(c => c.Code != SophiaKnowledgeBase.DefaultCountry))
        {
            var emergency = Assert.Single(country.Services.Take(1));
            Assert.Equal(ServiceKind.Emergency, emergency.Kind);
            Assert.NotNull(emergency.Phone);
            Assert.Contains(emergency.Phone, country.Emergency["en"], StringComparison.Ordinal);
            foreach (var topic in new[] { "rights_overview", "protection_orders", "police", "shelters", "children" })
            {
                Assert.Contains(country.Entries, e => e.Topic.Id == topic);
            }
        }
    }

    [Fact]
    public void LoadDefault_EveryEntryAndService_HasSixLanguagesASourceAndADate()
    {
        var texts = s_knowledge.Entries.Select(e => (e.Id, e.Text))
            .Concat(s_knowledge.Services.Select(s => (s.Id, s.Name)))
            .Concat(s_knowledge.Topics.Select(t => (t.Id, t.Title)))
            .Concat(s_knowledge.Texts.Select(t => (t.Key, t.Value)));
        foreach (var (id, text) in texts)
        {
            Assert.Equal(SophiaLanguages.All.Order(), text.Languages.Order());
            Assert.All(SophiaLanguages.All, l => Assert.False(string.IsNullOrWhiteSpace(text[l]), $"{id}.{l}"));
        }

        Assert.All(s_knowledge.Entries, e =>
        {
            Assert.True(e.Source.IsAbsoluteUri && e.Source.Scheme.StartsWith("http", StringComparison.Ordinal), e.Id);
            Assert.Equal(new DateOnly(2026, 11, 29), e.Date);
        });
        Assert.All(s_knowledge.Services, s =>
        {
            Assert.Equal(KnowledgeLoader.IllustrativeNotice, s.Notice);
            Assert.True(s.Source.IsAbsoluteUri);
            Assert.Equal(new DateOnly(2026, 11, 29), s.Date);
        });
    }

    [Fact]
    public void LoadDefault_EveryTextInHindi_IsInDevanagari() =>
        Assert.All(s_knowledge.Entries, e => Assert.Contains(e.Text["hi"], c => c is >= '\u0900' and <= '\u097F'));

    [Fact]
    public void LoadDefault_NoNumberOutsideTheAllowedList()
    {
        // Numbers only where we are sure they are national and current (see the sources); a new one is a reviewed change.
        string[] allowed =
        [
            "999", "0808 2000 247", "0800 1111", "116 123",
            "17", "112", "3919", "115", "119", "3114",
            "091", "062", "016", "024",
            "1195", "116",
            "181", "14416",
            "190", "192", "180", "100", "188",
        ];
        Assert.All(s_knowledge.Services.Where(s => s.Phone is not null), s => Assert.Contains(s.Phone, allowed));
        Assert.All(s_knowledge.Services.Where(s => s.Sms is not null), s => Assert.Equal("114", s.Sms));
    }

    [Fact]
    public void Entry_CountryWithoutItsOwnTopic_FallsBackToTheUniversalEntry()
    {
        var evidence = s_knowledge.Topics.Single(t => t.Id == "evidence");
        Assert.Equal("default.evidence", s_knowledge.Entry("GB", evidence).Id);
        Assert.Equal("default.evidence", s_knowledge.Entry(null, evidence).Id);
        Assert.Equal("gb.police", s_knowledge.Entry("gb", s_knowledge.Topics.Single(t => t.Id == "police")).Id);
    }

    [Theory]
    [InlineData("countries/gb.json", "entries/0/text/hi", null, "entry 'gb.rights_overview', field 'text.hi'")]
    [InlineData("countries/gb.json", "entries/1/text/hi", "Protection orders", "entry 'gb.protection_orders', field 'text.hi': Hindi must be written in Devanagari")]
    [InlineData("countries/fr.json", "entries/0/source", null, "entry 'fr.rights_overview', field 'source'")]
    [InlineData("countries/fr.json", "entries/0/source", "not a url", "entry 'fr.rights_overview', field 'source'")]
    [InlineData("countries/es.json", "entries/2/date", "29/11/2026", "entry 'es.police', field 'date'")]
    [InlineData("countries/ke.json", "services/2/notice", "check", "entry 'ke.gbv_1195', field 'notice'")]
    [InlineData("countries/ke.json", "services/2/phone", "call 1195", "entry 'ke.gbv_1195', field 'phone'")]
    [InlineData("countries/in.json", "services/1/kind", "hotline", "entry 'in.women_helpline_181', field 'kind'")]
    [InlineData("countries/br.json", "entries/0/topic", "divorce", "entry 'br.rights_overview', field 'topic'")]
    [InlineData("countries/br.json", "country", "Brazil", "field 'country'")]
    [InlineData("topics.json", "topics/0/keywords/sw", null, "entry 'self_harm', field 'keywords.sw'")]
    [InlineData("responder.json", "texts/emergency/fr", "Appelez les secours.", "entry 'emergency', field 'texts.fr'")]
    public void Load_InvalidField_ThrowsNamingTheFileEntryAndField(string file, string path, string? value, string expected)
    {
        var files = SophiaKnowledgeBase.ReadEmbeddedFiles();
        files[file] = Change(files[file], path, value);

        var ex = Assert.Throws<KnowledgeValidationException>(() => SophiaKnowledgeBase.Load(files));
        Assert.Contains($"'{file}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CountryWithoutEmergencyService_Throws()
    {
        var files = SophiaKnowledgeBase.ReadEmbeddedFiles();
        var gb = JsonNode.Parse(files["countries/gb.json"], documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var services = gb["services"]!.AsArray();
        services.RemoveAt(0);
        files["countries/gb.json"] = gb.ToJsonString();

        var ex = Assert.Throws<KnowledgeValidationException>(() => SophiaKnowledgeBase.Load(files));
        Assert.Contains("at least one emergency service", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownPropertyOrMissingDefault_Throws()
    {
        var files = SophiaKnowledgeBase.ReadEmbeddedFiles();
        files["countries/gb.json"] = files["countries/gb.json"].Replace("\"country\": \"GB\",", "\"country\": \"GB\", \"phone\": \"999\",", StringComparison.Ordinal);
        Assert.Contains("invalid JSON", Assert.Throws<KnowledgeValidationException>(() => SophiaKnowledgeBase.Load(files)).Message, StringComparison.Ordinal);

        files = SophiaKnowledgeBase.ReadEmbeddedFiles();
        files.Remove("countries/default.json");
        Assert.Contains("default country is missing", Assert.Throws<KnowledgeValidationException>(() => SophiaKnowledgeBase.Load(files)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateId_Throws()
    {
        var files = SophiaKnowledgeBase.ReadEmbeddedFiles();
        files["countries/fr.json"] = files["countries/fr.json"].Replace("\"fr.3114\"", "\"gb.samaritans\"", StringComparison.Ordinal);
        Assert.Contains("duplicate id", Assert.Throws<KnowledgeValidationException>(() => SophiaKnowledgeBase.Load(files)).Message, StringComparison.Ordinal);
    }

    /// <summary>Sets (or, with null, removes) the value at a slash-separated path of a JSON document with comments.</summary>
    private static string Change(string json, string path, string? value)
    {
        var root = JsonNode.Parse(json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var parts = path.Split('/');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }

        var last = parts[^1];
        if (value is null)
        {
            node.AsObject().Remove(last);
        }
        else
        {
            node[last] = value;
        }

        return root.ToJsonString();
    }
}
