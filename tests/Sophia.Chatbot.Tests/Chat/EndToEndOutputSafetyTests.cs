using Nonprofit.AI.Guards;
using Sophia.Chatbot.Chat;
using Sophia.Chatbot.Knowledge;
using Sophia.Chatbot.Responder;

namespace Sophia.Chatbot.Tests.Chat;

/// <summary>
/// The responder's fixed texts, whole, pass the output safety Sophia configures (hate threshold
/// <see cref="SophiaGuards.HateThreshold"/>), and a hateful reply is still refused.
/// </summary>
/// <remarks>
/// Known defect, session 26: the test that every topic reply (country x topic x language) passes the hate check
/// (commit 42f339f on s26-hate) fails with the shipped model: the migrants topic's heading in en, sw and hi is refused
/// as hate. No retrained candidate passed the selection rule (OutputHateSelection.md, "Session 26 mend"); the test is
/// out until one does, and the lead decides.
/// </remarks>
public sealed class EndToEndOutputSafetyTests : IDisposable
{
    private static readonly SophiaKnowledgeBase s_knowledge = SophiaKnowledgeBase.LoadDefault();
    private static readonly OutputSafetyDetector s_detector = Create();
    private readonly OfflineResponder _responder = new(s_knowledge);

    public void Dispose() => _responder.Dispose();

    [Fact]
    public void Detect_EveryTopicLanguageAndCountryReply_Passes()
    {
        // Whole replies, every output-safety check: main refused the migrants answer as hate (its heading, "If you are a
        // migrant", scored 0.96) and Brazil's protection-order answer as personal data (the Maria da Penha law).
        var blocked = new List<string>();
        var replies = 0;
        foreach (var country in s_knowledge.Countries.Keys)
        {
            foreach (var topic in s_knowledge.Topics)
            {
                foreach (var language in SophiaLanguages.All)
                {
                    var answer = _responder.Answer(topic.Keywords[0], language, country);
                    Assert.Equal(topic.Id, answer.Topic?.Id);
                    replies++;
                    var detection = s_detector.Detect(answer.Text);
                    if (!detection.IsEmpty)
                    {
                        // Ids and categories only: the message never carries the reply's text.
                        blocked.Add($"{country}/{topic.Id}/{language}: {string.Join(",", detection.Findings.Select(f => f.Category))}");
                    }
                }
            }
        }

        Assert.True(replies >= s_knowledge.Topics.Count * SophiaLanguages.All.Count, "every topic in every language is answered");
        Assert.True(blocked.Count == 0, string.Join("\n", blocked));
    }

    [Fact]
    public void Detect_WelcomeReplyInEveryLanguageAndCountry_Passes()
    {
        var blocked = new List<string>();
        foreach (var country in s_knowledge.Countries.Keys)
        {
            foreach (var language in SophiaLanguages.All)
            {
                // A message no topic matches gets the welcome text, the emergency line and nothing else.
                var answer = _responder.Answer(string.Empty, language, country);
                Assert.Null(answer.Topic);
                if (!s_detector.Detect(answer.Text).IsEmpty)
                {
                    blocked.Add($"{country}/welcome/{language}");
                }
            }
        }

        Assert.True(blocked.Count == 0, string.Join("\n", blocked));
    }

    [Fact]
    public void Detect_EveryServiceLineAndResponderText_Passes()
    {
        var blocked = new List<string>();
        foreach (var language in SophiaLanguages.All)
        {
            foreach (var (name, text) in s_knowledge.Texts)
            {
                if (!s_detector.Detect(text[language]).IsEmpty)
                {
                    blocked.Add($"texts/{name}/{language}");
                }
            }

            foreach (var service in s_knowledge.Countries.Values.SelectMany(c => c.Services).DistinctBy(s => s.Id))
            {
                if (!s_detector.Detect(_responder.Describe(service, language)).IsEmpty)
                {
                    blocked.Add($"service/{service.Id}/{language}");
                }
            }
        }

        Assert.True(blocked.Count == 0, string.Join("\n", blocked));
    }

    [Fact]
    public void Detect_HatefulReply_StillBlockedAtSophiasThreshold()
    {
        // The configuration is not a switch-off: a reply that demeans the group the heading names is still refused.
        var detection = s_detector.Detect("Migrants are vermin and should be thrown out of this country.");

        Assert.Contains(detection.Findings, f => f.Category == GuardCategories.OutputHate);
    }

    private static OutputSafetyDetector Create()
    {
        var options = new OutputSafetyDetectorOptions();
        SophiaGuards.ConfigureOutputSafety(options, s_knowledge);
        return new OutputSafetyDetector(options);
    }
}
