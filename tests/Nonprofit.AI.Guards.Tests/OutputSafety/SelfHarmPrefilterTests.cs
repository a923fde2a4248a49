using System.Reflection;
using System.Text.RegularExpressions;
using CsCheck;

namespace Nonprofit.AI.Guards.Tests.OutputSafety;

/// <summary>
/// The literal prefilter in front of the self-harm instruction regexes is a necessary condition: every match of the
/// phrase and method regexes contains one of <see cref="SelfHarmInstructionRules.RequiredWords"/>, so the score with the
/// prefilter equals the score of the regexes alone on every text.
/// </summary>
public sealed class SelfHarmPrefilterTests
{
    private static readonly Regex[] s_gated = [Field("s_phrase"), Field("s_method")];

    // The patterns' own letter runs (fragments such as "ways", "suic", "dich", "कैसे") plus whole words the character
    // classes spell out, so generated texts hit every alternative.
    private static readonly string[] s_tokens = s_gated
        .SelectMany(r => Regex.Matches(r.ToString(), @"[\p{L}\p{M}']+").Select(m => m.Value))
        .Concat([
            "how", "to", "kill", "yourself", "your", "you", "should", "ought", "why", "don't", "dont", "just", "go", "and", "die",
            "ways", "methods", "of", "end", "life", "own", "commit", "suicide", "cut", "slit", "wrists", "deeper", "along", "the",
            "veins", "vertically", "kys", "comment", "se", "te", "vous", "suicider", "tuer", "pendre", "meilleure", "plus",
            "simple", "rapide", "sure", "sûre", "façon", "facon", "manière", "méthode", "de", "pour", "mourir", "tu", "devrais",
            "va", "tue-toi", "tue toi", "pends-toi", "cómo", "como", "suicidarse", "matarte", "quitarte", "la", "vida", "mejor",
            "más", "fácil", "rápido", "forma", "manera", "método", "morir", "deberías", "vete", "a", "a", "mátate", "matate",
            "suicídate", "ahórcate", "ahorcate", "matar", "cometer", "suicídio", "enforcar", "tirar", "própria", "melhor",
            "mais", "jeito", "morrer", "você", "deveria", "deverias", "mata-te", "wie", "man", "sich", "du", "dich",
            "umbringt", "tötet", "erhängt", "beste", "art", "weg", "umzubringen", "zu", "töten", "toten", "solltest", "bring",
            "um", "töte", "häng", "hang", "auf", "jinsi", "ya", "kujiua", "njia", "bora", "rahisi", "haraka", "unapaswa",
            "jiue", "jinyonge", "आत्महत्या", "कैसे", "कर", "खुद", "को", "मारने", "मारो", "मार", "डालो", "मर", "जाओ", "atmahatya",
            "kaise", "kar", "khud", "ko", "maar", "mar", "jao", "كيف", "تنتحر", "كيفية", "الانتحار", "أفضل", "طريقة", "للانتحار",
            "اقتل", "نفسك", "overdose", "sleeping", "pills", "tablets", "noose", "rope", "hanging", "cutting", "arms", "thighs",
            "razor", "blade", "jumping", "off", "from", "bridge", "rooftop", "train", "tracks", "poison", "pesticide", "bleach",
            "carbon", "monoxide", "exhaust", "firearm", "gun", "suffocate", "plastic", "bag", "comprimés", "comprimes", "corde",
            "veines", "poignets", "sauter", "du", "d'un", "pastillas", "cuerda", "venas", "muñecas", "munecas", "saltar", "del",
            "comprimidos", "corda", "pulsos", "pular", "da", "tabletten", "seil", "pulsadern", "springen", "vidonge", "kamba",
            "sumu", "maize", "rains", "plant", "after", "first", "1", ".", "!", "?", ",", "\n",
        ])
        .Distinct()
        .ToArray();

    private static readonly string[] s_separators = [" ", " ", " ", "", "  ", "\n", "-", ". ", "\t"];

    private static readonly Gen<string> s_separator = Gen.Int[0, s_separators.Length - 1].Select(i => s_separators[i]);

    // A character of a token with its case changed the way the regex engine may still match it (upper, lower, or the
    // Kelvin sign the engine folds onto k).
    private static readonly Gen<string> s_token = Gen.Int[0, s_tokens.Length - 1].SelectMany(i =>
        Gen.Int[0, 3].Select(variant => variant switch
        {
            0 => s_tokens[i].ToUpperInvariant(),
            1 => s_tokens[i].Replace('k', '\u212A'),
            _ => s_tokens[i],
        }));

    // Texts the patterns themselves spell: a random walk through one gated regex's syntax (every alternative, class and
    // optional part), in random case, inside random text.
    private static readonly Gen<string> s_spelled = Gen.Select(Gen.Int[0, s_gated.Length - 1], Gen.Int, Gen.String[0, 8], Gen.String[0, 8], Gen.Bool)
        .Select(t =>
        {
            var spelled = PatternSampler.Sample(s_gated[t.Item1].ToString(), new Random(t.Item2));
            return t.Item3 + " " + (t.Item5 ? spelled.ToUpperInvariant() : spelled) + " " + t.Item4;
        });

    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String,
        s_spelled,
        s_spelled,
        Gen.Select(s_token, s_separator).Array[1, 10].Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2))),
        Gen.Select(Gen.String[0, 12], s_token, s_token, s_separator).Array[1, 4]
            .Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2 + p.Item4 + p.Item3))));

    [Fact]
    public void EveryMatchOfTheGatedRegexesContainsARequiredWord()
    {
        var matches = 0;
        s_text.Sample(text =>
        {
            for (var r = 0; r < s_gated.Length; r++)
            {
                foreach (Match m in s_gated[r].Matches(text))
                {
                    matches++;
                    Assert.True(SelfHarmInstructionRules.MayMatch(m.Value), $"no required word in the match '{m.Value}' of regex {r}");
                }
            }
        }, iter: 20_000);
        Assert.True(matches > 2_000, $"the generated texts exercise the patterns ({matches} matches)");
    }

    [Fact]
    public void TheSamplerSpellsMatchesOfEveryGatedRegex()
    {
        foreach (var regex in s_gated)
        {
            var random = new Random(7);
            var matched = Enumerable.Range(0, 500).Count(_ => regex.IsMatch(PatternSampler.Sample(regex.ToString(), random)));
            Assert.True(matched > 250, $"{matched} of 500 spelled texts match {regex}");
        }
    }

    [Fact]
    public void ScoreWithThePrefilterEqualsTheRegexesAlone()
    {
        var fired = 0;
        s_text.Sample(text =>
        {
            var expected = SelfHarmInstructionRules.ScoreWithRegexes(text);
            Assert.Equal(expected, SelfHarmInstructionRules.Score(text));
            fired += expected > 0 ? 1 : 0;
        }, iter: 20_000);
        Assert.True(fired > 200, $"the generated texts make the rules fire ({fired} times)");
    }

    [Fact]
    public void EveryCharacterTheRegexFoldsOntoARequiredWordsLetterIsCoveredByOrdinalIgnoreCaseOrTakesTheRegexes()
    {
        var letters = SelfHarmInstructionRules.RequiredWords.Where(w => w.Length > 1).SelectMany(w => w).Distinct().ToList();
        var extra = new SortedSet<int>();
        foreach (var letter in letters)
        {
            var regex = new Regex("^" + Regex.Escape(letter.ToString()) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            for (var c = 0; c <= char.MaxValue; c++)
            {
                var s = ((char)c).ToString();
                if (regex.IsMatch(s) && !string.Equals(s, letter.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    extra.Add(c);
                }
            }
        }

        // Only the Kelvin sign (k), found by this enumeration and listed in RequiredWords.
        Assert.Equal([0x212A], extra);
        Assert.All(extra, c => Assert.True(SelfHarmInstructionRules.MayMatch(((char)c).ToString())));
    }

    [Fact]
    public void ARepliesWithoutAnyRequiredWordSkipsTheRegexes()
    {
        Assert.False(SelfHarmInstructionRules.MayMatch("Plant after the first rains."));
        Assert.True(SelfHarmInstructionRules.MayMatch("The easiest WAY to end it."));
        Assert.True(SelfHarmInstructionRules.MayMatch("\u212Aill it"));
    }

    private static Regex Field(string name) =>
        (Regex)typeof(SelfHarmInstructionRules).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
}

/// <summary>
/// Spells a random text of a regex pattern in the subset the self-harm rules use: alternation, groups, lookarounds
/// (spelled as nothing), classes, <c>\s \w \d \b \p{L}</c>, anchors and the quantifiers <c>? * +</c>.
/// </summary>
internal sealed class PatternSampler(string pattern, Random random)
{
    private int _at;

    public static string Sample(string pattern, Random random)
    {
        var sampler = new PatternSampler(pattern, random);
        var text = new System.Text.StringBuilder();
        sampler.Alternation(text, emit: true);
        return text.ToString();
    }

    private void Alternation(System.Text.StringBuilder text, bool emit)
    {
        // Spell every branch into scratch buffers, keep one.
        var branches = new List<string>();
        do
        {
            var branch = new System.Text.StringBuilder();
            Sequence(branch);
            branches.Add(branch.ToString());
        }
        while (_at < pattern.Length && pattern[_at] == '|' && ++_at > 0);
        if (emit)
        {
            text.Append(branches[random.Next(branches.Count)]);
        }
    }

    private void Sequence(System.Text.StringBuilder text)
    {
        while (_at < pattern.Length && pattern[_at] is not '|' and not ')')
        {
            var atom = new System.Text.StringBuilder();
            Atom(atom);
            var (min, max) = _at < pattern.Length ? pattern[_at] switch { '?' => (0, 1), '*' => (0, 2), '+' => (1, 2), _ => (1, 1) } : (1, 1);
            if (max != 1 || min != 1)
            {
                _at++;
            }

            // Each repetition reuses the spelling (enough for these patterns).
            var times = random.Next(min, max + 1);
            for (var i = 0; i < times; i++)
            {
                text.Append(atom);
            }
        }
    }

    private void Atom(System.Text.StringBuilder text)
    {
        var c = pattern[_at++];
        switch (c)
        {
            case '(':
                var lookaround = false;
                if (pattern[_at] == '?')
                {
                    _at++;
                    if (pattern[_at] == '<')
                    {
                        _at++;
                    }

                    lookaround = pattern[_at] is '=' or '!';
                    _at++;
                }

                Alternation(text, emit: !lookaround);
                _at++; // ')'
                break;
            case '[':
                var members = new List<char>();
                while (pattern[_at] != ']')
                {
                    var member = pattern[_at++];
                    if (member == '\\')
                    {
                        member = Escape(pattern[_at++]);
                    }

                    members.Add(member);
                }

                _at++;
                text.Append(members[random.Next(members.Count)]);
                break;
            case '\\':
                var escaped = pattern[_at++];
                if (escaped == 'p')
                {
                    _at = pattern.IndexOf('}', _at) + 1;
                    text.Append('x');
                }
                else if (escaped != 'b')
                {
                    text.Append(Escape(escaped));
                }

                break;
            case '^' or '$':
                break;
            default:
                text.Append(c);
                break;
        }
    }

    private char Escape(char c) => c switch
    {
        's' => random.Next(3) == 0 ? '\n' : ' ',
        'w' => (char)('a' + random.Next(26)),
        'd' => (char)('0' + random.Next(10)),
        'p' => 'x',
        _ => c,
    };
}
