using System.Text.Json;
using Nonprofit.AI.Guards;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// The false-block check on the samples' own vetted texts, which the hate model is never trained on: every sentence of
/// FarmerChat.Advisory's knowledge base (samples/FarmerChat.Advisory/Knowledge/LANG/*.md, front matter skipped) and of
/// Sophia.Chatbot's content (samples/Sophia.Chatbot/Knowledge/Content/**/*.json, every string under a language key).
/// Prints, per app and language, how many sentences the hate model would block at the threshold.
/// </summary>
internal static class OutputSafetySamples
{
    private static readonly HashSet<string> s_languages = new(StringComparer.Ordinal) { "en", "fr", "es", "pt", "sw", "hi", "ar", "de" };

    public static void Report(HateSpeechModel model, double threshold) => Report(model, threshold, "guards.output.samples");

    /// <summary>As <see cref="Report(HateSpeechModel, double)"/>, with the metric names under <paramref name="prefix"/>.</summary>
    public static void Report(HateSpeechModel model, double threshold, string prefix) => Report(model, threshold, prefix, showBlocked: false);

    /// <summary>As above; with <paramref name="showBlocked"/> (<c>--show-blocked</c>) every blocked sentence is printed with its score.</summary>
    public static void Report(HateSpeechModel model, double threshold, string prefix, bool showBlocked)
    {
        var project = OutputHateData.FindShared("samples/FarmerChat.Advisory/FarmerChat.Advisory.csproj");
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, "..", ".."));
        foreach (var (app, sentences) in new[] { ("farmerchat", FarmerChat(root)), ("sophia", Sophia(root)) })
        {
            var all = sentences.Select(s => (s.Language, s.Text, Score: model.Score(s.Text))).Select(s => (s.Language, s.Text, s.Score, Blocked: s.Score >= threshold)).ToList();
            foreach (var s in all.Where(s => showBlocked && s.Blocked))
            {
                Console.WriteLine($"{prefix}.{app}.{s.Language}.blocked_sentence={OutputSafetyEvaluation.F(s.Score)} {s.Text}");
            }

            foreach (var group in all.GroupBy(s => s.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"{prefix}.{app}.{group.Key}.blocked={group.Count(s => s.Blocked)}/{group.Count()}");
            }

            Console.WriteLine($"{prefix}.{app}.blocked_rate={OutputSafetyEvaluation.F(all.Count(s => s.Blocked) / (double)all.Count)} (n={all.Count})");
        }
    }

    /// <summary>The sentences of FarmerChat's knowledge base (bullets and headings are sentences of their own).</summary>
    public static IEnumerable<(string Language, string Text)> FarmerChat(string root)
    {
        var knowledge = Path.Combine(root, "samples", "FarmerChat.Advisory", "Knowledge");
        foreach (var dir in Directory.GetDirectories(knowledge).Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileName(dir);
            foreach (var file in Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal))
            {
                var lines = File.ReadAllLines(file);
                var start = lines.Length > 0 && lines[0] == "---" ? Array.IndexOf(lines, "---", 1) + 1 : 0;
                foreach (var line in lines.Skip(start))
                {
                    foreach (var sentence in Sentences(line.TrimStart('-', '*', '#', ' ')))
                    {
                        yield return (language, sentence);
                    }
                }
            }
        }
    }

    /// <summary>The sentences of Sophia's content files: every string value under a language key.</summary>
    public static IEnumerable<(string Language, string Text)> Sophia(string root)
    {
        var content = Path.Combine(root, "samples", "Sophia.Chatbot", "Knowledge", "Content");
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var found = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(content, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), options);
            Walk(document.RootElement, null, found);
        }

        return found;
    }

    private static void Walk(JsonElement element, string? key, List<(string, string)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, property.Name, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, null, found);
                }

                break;
            case JsonValueKind.String when key is not null && s_languages.Contains(key):
                found.AddRange(Sentences(element.GetString()!).Select(s => (key, s)));
                break;
        }
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var rest = text.AsMemory();
        while (!rest.IsEmpty)
        {
            var length = SentenceBoundaries.First(rest.Span);
            var sentence = rest[..length].ToString().Trim();
            rest = rest[length..];
            if (sentence.Count(char.IsLetter) >= 8)
            {
                yield return sentence;
            }
        }
    }
}
