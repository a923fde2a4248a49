namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// The assertions the recognizer test classes share: a value reported with its type at exactly its span (optionally with
/// a score), a value covered by a match of its type, or a type not reported at all. Failure messages list the matches'
/// types, spans and scores, never their text.
/// </summary>
internal static class PiiAssert
{
    private static readonly PiiDetector s_detector = new();

    /// <summary>A match of <paramref name="type"/> spans exactly <paramref name="value"/> (and scores <paramref name="score"/> when given).</summary>
    public static void Found(string text, string type, string value, double? score = null)
    {
        var start = Start(text, value);
        var matches = s_detector.Detect(text);
        Assert.True(
            matches.Any(m => m.Type.Name == type && m.Start == start && m.End == start + value.Length && (score is null || Math.Abs(m.Score - score.Value) < 1e-9)),
            $"Expected {type} at {start}..{start + value.Length}; found [{string.Join(", ", matches.Select(m => $"{m.Type} {m.Start}..{m.End} {m.Score}"))}].");
    }

    /// <summary>A match of <paramref name="type"/> covers <paramref name="value"/> (it may reach beyond it).</summary>
    public static void Covered(string text, string type, string value)
    {
        var start = Start(text, value);
        var matches = s_detector.Detect(text);
        Assert.True(
            matches.Any(m => m.Type.Name == type && m.Start <= start && m.End >= start + value.Length),
            $"Expected {type} over {start}..{start + value.Length}; found [{string.Join(", ", matches.Select(m => $"{m.Type} {m.Start}..{m.End} {m.Score}"))}].");
    }

    /// <summary>No match of <paramref name="type"/> anywhere in <paramref name="text"/>.</summary>
    public static void NotFound(string text, string type) =>
        Assert.DoesNotContain(s_detector.Detect(text), m => m.Type.Name == type);

    private static int Start(string text, string value)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        Assert.True(start >= 0, "the value is part of the text");
        return start;
    }
}
