using Sophia.Chatbot.Knowledge;

namespace Sophia.Chatbot.Responder;

/// <summary>
/// Picks the topic a message is about: each topic scores the number of its keywords (any language) found at the start of
/// a word of the normalised message (a keyword written <c>stem*</c> matches any word starting with the stem, others whole
/// words only, a trailing space marking the word's end) (<see cref="TextNormalizer"/>); the highest score wins, ties go to the topic listed first; no
/// keyword at all gives <see langword="null"/>. Deterministic and allocation-light; no model.
/// </summary>
internal sealed class KeywordMatcher
{
    private readonly IReadOnlyList<KnowledgeTopic> _topics;

    public KeywordMatcher(IReadOnlyList<KnowledgeTopic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        _topics = topics;
    }

    /// <summary>The best topic for <paramref name="message"/>, or <see langword="null"/> when no keyword matches.</summary>
    public KnowledgeTopic? Match(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var normalized = TextNormalizer.Normalize(message);
        KnowledgeTopic? best = null;
        var bestScore = 0;
        foreach (var topic in _topics)
        {
            var score = Score(normalized, topic);
            if (score > bestScore)
            {
                best = topic;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>How many of the topic's keywords start a word of the normalised message.</summary>
    public static int Score(string normalizedMessage, KnowledgeTopic topic)
    {
        ArgumentNullException.ThrowIfNull(normalizedMessage);
        ArgumentNullException.ThrowIfNull(topic);
        var score = 0;
        foreach (var keyword in topic.Keywords)
        {
            var at = normalizedMessage.IndexOf(keyword, StringComparison.Ordinal);
            while (at > 0 && normalizedMessage[at - 1] != ' ')
            {
                at = normalizedMessage.IndexOf(keyword, at + 1, StringComparison.Ordinal);
            }

            if (at > 0)
            {
                score++;
            }
        }

        return score;
    }
}
