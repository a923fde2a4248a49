using FarmerChat.Advisory.Chat;
using FarmerChat.Advisory.Guards;
using FarmerChat.Advisory.Retrieval;
using Nonprofit.AI.Guards;

namespace FarmerChat.Advisory.Tests.Guards;

/// <summary>
/// Every whole reply the offline advisor composes from the vetted passages (heading, chosen sentences, citation) passes
/// the output safety this app configures, with its passage as the source, as the chat pipeline checks it.
/// </summary>
public sealed class EndToEndOutputSafetyTests
{
    private static readonly Lazy<KnowledgeBase> s_kb = new(() => KnowledgeBase.Load(KnowledgeBase.DefaultFolder));

    [Fact]
    public void Detect_EveryComposedReplyOfEveryDocument_Passes()
    {
        var detector = Create();
        var blocked = new List<string>();
        var replies = 0;
        foreach (var d in s_kb.Value.Documents)
        {
            var context = new OutputSafetyContext([], [AdvisoryContext.SourceText(d)]);

            // The title asks for the passage's first sentences; each sentence asks for itself and its best neighbours.
            foreach (var question in ExtractiveAnswer.Sentences(d.Body).Prepend(d.Title).Distinct(StringComparer.Ordinal))
            {
                var reply = ExtractiveAnswer.Compose(question, [d], d.Language);
                replies++;
                var detection = detector.Detect(reply, context);
                if (!detection.IsEmpty)
                {
                    // Ids and categories only: the message never carries the reply's text.
                    blocked.Add($"{d.Language}/{d.Id}: {string.Join(",", detection.Findings.Select(f => f.Category))}");
                }
            }
        }

        Assert.True(replies > s_kb.Value.Documents.Count, "each document is answered more than once");
        Assert.True(blocked.Count == 0, string.Join("\n", blocked.Distinct(StringComparer.Ordinal)));
    }

    [Fact]
    public void Detect_EveryFixedPhraseInEveryLanguage_Passes()
    {
        var detector = Create();
        var blocked = Languages.All
            .SelectMany(l => new[] { ("decline", Phrases.Decline(l)), ("adoption", Phrases.AdoptionQuestion(l)), ("thanks", Phrases.AdoptionThanks(l)) }
                .Where(p => !detector.Detect(p.Item2).IsEmpty)
                .Select(p => $"{l}/{p.Item1}"))
            .ToList();

        Assert.True(blocked.Count == 0, string.Join("\n", blocked));
    }

    private static OutputSafetyDetector Create()
    {
        var options = new OutputSafetyDetectorOptions();
        OutputSafetyPolicy.Configure(options);
        return new OutputSafetyDetector(options);
    }
}
