using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards;
using Sophia.Chatbot.Knowledge;
using Sophia.Chatbot.Responder;

namespace Sophia.Chatbot.Tests.Responder;

public sealed class OfflineResponderTests : IDisposable
{
    private static readonly SophiaKnowledgeBase s_knowledge = SophiaKnowledgeBase.LoadDefault();
    private readonly OfflineResponder _responder = new(s_knowledge);

    public void Dispose() => _responder.Dispose();

    public static TheoryData<string, string, string> Questions => new()
    {
        { "en", "How do I get a protection order against my husband?", "protection_orders" },
        { "fr", "Comment obtenir une ordonnance de protection contre mon mari ?", "protection_orders" },
        { "es", "¿Dónde hay una casa de acogida para mí y mis hijos esta noche?", "shelters" },
        { "pt", "Quero denunciar meu marido na delegacia, como faço?", "police" },
        { "sw", "Nifanye nini kuhifadhi ushahidi wa picha za majeraha yangu?", "evidence" },
        { "hi", "मेरे पति मुझे मारते हैं, क्या मैं पुलिस में शिकायत कर सकती हूँ?", "police" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task GetResponseAsync_QuestionInALanguageWithoutTheOption_AnswersTheTopicInThatLanguage(string language, string question, string topic)
    {
        var response = await _responder.GetResponseAsync([new ChatMessage(ChatRole.User, question)]);

        Assert.Equal(topic, response.AdditionalProperties![SophiaChatOptions.Topic]);
        Assert.Equal(language, response.AdditionalProperties[SophiaChatOptions.Language]);
        Assert.Equal(language, LanguageIdentifier.Default.Identify(response.Text).Language);
        Assert.Equal(true, response.AdditionalProperties[SophiaChatOptions.Offline]);
    }

    [Fact]
    public void Answer_EveryCountryTopicAndLanguage_IsWrittenInThatLanguage()
    {
        var wrong = new List<string>();
        foreach (var country in s_knowledge.Countries.Keys)
        {
            foreach (var topic in s_knowledge.Topics)
            {
                // The first keyword of the topic in English asks about it; the language comes from the option.
                var question = topic.Keywords[0];
                foreach (var language in SophiaLanguages.All)
                {
                    var answer = _responder.Answer(question, language, country);
                    Assert.Equal(topic.Id, answer.Topic?.Id);
                    var identified = LanguageIdentifier.Default.Identify(answer.Text).Language;
                    if (identified != language)
                    {
                        wrong.Add($"{country}/{topic.Id}/{language} identified as {identified}");
                    }
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("GB", "police", "999")]
    [InlineData("GB", "shelters", "0808 2000 247")]
    [InlineData("FR", "shelters", "3919")]
    [InlineData("FR", "children", "119")]
    public void Answer_KnownCountry_UsesItsOwnEntryAndServices(string country, string topicId, string number)
    {
        var topic = s_knowledge.Topics.Single(t => t.Id == topicId);
        var answer = _responder.Answer(topic.Keywords[0], "en", country);

        Assert.Equal($"{country.ToLowerInvariant()}.{topicId}", answer.Entry!.Id);
        Assert.Contains(number, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Entry.Source.AbsoluteUri, answer.Text, StringComparison.Ordinal);
        Assert.Contains("2026-11-29", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ZZ")]
    [InlineData("DE")]
    public void Answer_UnknownOrMissingCountry_UsesTheUniversalEntryAndNoNumber(string? country)
    {
        var answer = _responder.Answer("where can I find a shelter?", "en", country);

        Assert.Equal("default.shelters", answer.Entry!.Id);
        Assert.Contains("your local emergency number", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("112", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("999", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Hello")]
    [InlineData("fr", "Bonjour, vous êtes là ?")]
    [InlineData("sw", "Habari yako")]
    [InlineData("hi", "नमस्ते")]
    public async Task GetResponseAsync_NothingMatches_GivesTheWelcomeInTheLanguage(string language, string message)
    {
        var options = new ChatOptions { AdditionalProperties = new() { [SophiaChatOptions.Language] = language, [SophiaChatOptions.Country] = "KE" } };
        var response = await _responder.GetResponseAsync([new ChatMessage(ChatRole.User, message)], options);

        Assert.Equal(SophiaChatOptions.WelcomeTopic, response.AdditionalProperties![SophiaChatOptions.Topic]);
        Assert.StartsWith(s_knowledge.Texts["welcome"][language], response.Text, StringComparison.Ordinal);
        Assert.Contains(s_knowledge.CountryOrDefault("KE").Emergency[language], response.Text, StringComparison.Ordinal);
        Assert.Equal(language, LanguageIdentifier.Default.Identify(response.Text).Language);
    }

    [Fact]
    public void Welcome_EveryLanguage_NamesTheThreeHelpsAndTheHumanHandOver()
    {
        var english = s_knowledge.Texts["welcome"]["en"];
        Assert.Contains("Gather evidence", english, StringComparison.Ordinal);
        Assert.Contains("Assess your rights", english, StringComparison.Ordinal);
        Assert.Contains("Learn your options", english, StringComparison.Ordinal);
        Assert.Contains("A person from our team can take over", english, StringComparison.Ordinal);
        foreach (var language in SophiaLanguages.All)
        {
            Assert.Equal(language, LanguageIdentifier.Default.Identify(s_knowledge.Texts["welcome"][language]).Language);
        }
    }

    [Fact]
    public async Task GetResponseAsync_LanguageOption_WinsOverTheMessageLanguage()
    {
        var options = new ChatOptions { AdditionalProperties = new() { [SophiaChatOptions.Language] = "pt", [SophiaChatOptions.Country] = "br" } };
        var response = await _responder.GetResponseAsync([new ChatMessage(ChatRole.User, "I want to report him to the police")], options);

        Assert.Equal("pt", LanguageIdentifier.Default.Identify(response.Text).Language);
        Assert.Contains("190", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_AnswersTheLastUserMessage()
    {
        var response = await _responder.GetResponseAsync(
        [
            new ChatMessage(ChatRole.User, "I need a shelter"),
            new ChatMessage(ChatRole.Assistant, "…"),
            new ChatMessage(ChatRole.User, "And how do I keep evidence?"),
        ]);

        Assert.Equal("evidence", response.AdditionalProperties![SophiaChatOptions.Topic]);
    }

    [Theory]
    [InlineData("How do I get a protection order?", "GB", "en")]
    [InlineData("Hujambo", null, "sw")]
    [InlineData("बच्चों की सुरक्षा कैसे करूँ?", "IN", "hi")]
    public async Task GetStreamingResponseAsync_SameTextAndPropertiesAsGetResponseAsync(string message, string? country, string language)
    {
        var options = new ChatOptions { AdditionalProperties = new() { [SophiaChatOptions.Language] = language } };
        if (country is not null)
        {
            options.AdditionalProperties[SophiaChatOptions.Country] = country;
        }

        var response = await _responder.GetResponseAsync([new ChatMessage(ChatRole.User, message)], options);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _responder.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, message)], options))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 1);
        Assert.Equal(response.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(response.Text, updates.ToChatResponse().Text);

        // The first update carries the properties (the UI labels the reply as it starts).
        Assert.Equal(true, updates[0].AdditionalProperties![SophiaChatOptions.Offline]);
        Assert.Equal(response.AdditionalProperties![SophiaChatOptions.Topic], updates[0].AdditionalProperties![SophiaChatOptions.Topic]);
        Assert.Equal(response.AdditionalProperties[SophiaChatOptions.Language], updates[0].AdditionalProperties![SophiaChatOptions.Language]);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
    }

    [Fact]
    public async Task GetResponseAsync_SameRequestTwice_SameReply()
    {
        var first = await _responder.GetResponseAsync([new ChatMessage(ChatRole.User, "Necesito una orden de alejamiento")]);
        var second = await _responder.GetResponseAsync([new ChatMessage(ChatRole.User, "Necesito una orden de alejamiento")]);
        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public async Task GetResponseAsync_Cancelled_Throws()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _responder.GetResponseAsync([new ChatMessage(ChatRole.User, "hello")], null, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void GetService_Metadata_NamesTheOfflineModel()
    {
        var metadata = (ChatClientMetadata?)_responder.GetService(typeof(ChatClientMetadata));
        Assert.Equal(OfflineResponder.ModelId, metadata!.DefaultModelId);
        Assert.Same(_responder, _responder.GetService(typeof(OfflineResponder)));
    }
}
