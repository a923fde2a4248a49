using System.Reflection;
using System.Text.RegularExpressions;
using CsCheck;

namespace Nonprofit.AI.Guards.Tests.OutputSafety;

/// <summary>
/// The self-harm instruction regexes run compiled (for speed, instead of source-generated): every one of them finds the
/// same matches as the interpreter over the same pattern and options, on texts built from the phrases' own words.
/// </summary>
public sealed class SelfHarmRegexEngineTests
{
    private static readonly string[] s_words =
    [
        "how", "to", "kill", "yourself", "kys", "just", "go", "and", "hang", "slit", "your", "wrists", "best", "way", "die",
        "you", "should", "end", "life", "comment", "se", "tuer", "tue-toi", "va", "te", "cómo", "matarte", "mátate", "como",
        "se", "matar", "wie", "man", "sich", "umbringt", "bring", "dich", "um", "jinsi", "ya", "kujiua", "jiue", "mar", "jao",
        "आत्महत्या", "कैसे", "कर", "मर", "जाओ", "كيف", "تنتحر", "اقتل", "نفسك", "pills", "rope", "step", "1", "first,", "then",
        "make", "sure", "don't", "never", "wake", "up", "will", "suicide", "painless", "crisis", "help", "line", "KILL", "Yourself",
        ".", "!", "?", "\n", "maize", "rains",
    ];

    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String,
        Gen.Int[0, s_words.Length - 1].Array[0, 14].Select(ix => string.Join(" ", ix.Select(i => s_words[i]))),
        Gen.Int[0, s_words.Length - 1].Array[0, 14].Select(ix => string.Concat(ix.Select(i => s_words[i]))));

    [Fact]
    public void CompiledRegexesMatchExactlyAsTheInterpreter()
    {
        var regexes = typeof(SelfHarmInstructionRules).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Regex))
            .Select(f => (Regex)f.GetValue(null)!)
            .ToList();
        Assert.Equal(5, regexes.Count);
        Assert.All(regexes, r => Assert.True(r.Options.HasFlag(RegexOptions.Compiled)));
        var interpreted = regexes.Select(r => new Regex(r.ToString(), r.Options & ~RegexOptions.Compiled)).ToList();
        var matched = 0;
        s_text.Sample(text =>
        {
            for (var i = 0; i < regexes.Count; i++)
            {
                var expected = interpreted[i].Matches(text).Select(m => (m.Index, m.Length)).ToList();
                var actual = regexes[i].Matches(text).Select(m => (m.Index, m.Length)).ToList();
                Assert.Equal(expected, actual);
                matched += expected.Count;
            }
        }, iter: 3000);
        Assert.True(matched > 100, "the generated texts exercise the patterns");
    }
}
