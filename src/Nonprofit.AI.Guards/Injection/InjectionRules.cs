using System;
using System.Buffers;
using static Nonprofit.AI.Guards.InjectionLexicon;

namespace Nonprofit.AI.Guards;

/// <summary>What an injection rule recognised.</summary>
internal enum InjectionRuleKind
{
    None,
    Override,
    Extraction,
    OtherUsersData,
    Jailbreak,
    NewInstructions,
    Bypass,
    AddressedToModel,
    TemplateMarker,
}

/// <summary>The rules' result: a score between 0 and 1 and the strongest kind.</summary>
internal readonly record struct InjectionRuleMatch(double Score, InjectionRuleKind Kind)
{
    public static InjectionRuleMatch None => default;
}

/// <summary>
/// The multilingual rules of the prompt-injection detector: word classes (<see cref="InjectionLexicon"/>) that must
/// occur together, in any order, within a window of words (so "puuza maagizo yote ya awali" and "ignore all previous
/// instructions" match the same rule), with words that suppress a rule ("ignore <i>my</i> previous instructions", "the
/// <i>doctor's</i> instructions"). Allocation-free; thread-safe.
/// </summary>
internal static class InjectionRules
{
    private readonly record struct Rule(uint[] Groups, int Window, double Score, InjectionRuleKind Kind, uint Suppress = 0, bool IndirectOnly = false)
    {
        public uint Any { get; } = Or(Groups);

        private static uint Or(uint[] groups)
        {
            uint any = 0;
            foreach (var g in groups)
            {
                any |= g;
            }

            return any;
        }
    }

    private static readonly Rule[] s_rules =
    [
        new([Override, Prior | All, Instructions | Prompt], 8, 0.9, InjectionRuleKind.Override, Mine | ThirdParty),
        new([Override, YourPossessive, Instructions | Prompt], 6, 0.85, InjectionRuleKind.Override, Mine | ThirdParty),
        new([Override, Instructions | Prompt], 4, 0.45, InjectionRuleKind.Override, Mine | ThirdParty),
        new([Override, Everything, Prior], 6, 0.7, InjectionRuleKind.Override, Mine),
        new([Override, Everything], 3, 0.45, InjectionRuleKind.Override, Mine | ThirdParty),
        new([Override, Prior], 4, 0.55, InjectionRuleKind.Override, Mine | ThirdParty),
        new([Reveal, Hidden, Instructions | Prompt], 10, 0.9, InjectionRuleKind.Extraction),
        new([Reveal, Prompt, YourPossessive | Prior | All | Hidden], 8, 0.9, InjectionRuleKind.Extraction),
        new([Reveal, Prior, Instructions | Prompt], 6, 0.75, InjectionRuleKind.Extraction, Mine | ThirdParty),
        new([Reveal, YourPossessive, Instructions], 5, 0.45, InjectionRuleKind.Extraction),
        new([Reveal, Other, Users, Data], 10, 0.9, InjectionRuleKind.OtherUsersData, Mine),
        new([Reveal, Prior, Users, Data], 8, 0.8, InjectionRuleKind.OtherUsersData, Mine),
        new([Reveal, Prior, Users], 6, 0.7, InjectionRuleKind.OtherUsersData, Mine),
        new([Role, Without, Limits], 12, 0.85, InjectionRuleKind.Jailbreak),
        new([Jailbreak], 1, 0.85, InjectionRuleKind.Jailbreak),
        new([You | Assistant, Without, Limits], 8, 0.55, InjectionRuleKind.Jailbreak),
        new([Bypass, Safety | Limits | Instructions | Prompt], 5, 0.75, InjectionRuleKind.Bypass, ThirdParty),
        new([New, Instructions], 3, 0.4, InjectionRuleKind.NewInstructions, ThirdParty),
        new([NowYouAre], 1, 0.45, InjectionRuleKind.NewInstructions),
        new([Role, You], 4, 0.35, InjectionRuleKind.NewInstructions, Mine | ThirdParty),
        new([Stop, Reveal | Act], 4, 0.45, InjectionRuleKind.NewInstructions),
        new([FromNow, You], 4, 0.3, InjectionRuleKind.NewInstructions),
        new([Assistant, Override | Reveal | Act | Bypass], 8, 0.7, InjectionRuleKind.AddressedToModel, IndirectOnly: true),
        new([When, You, Reading], 5, 0.6, InjectionRuleKind.AddressedToModel, IndirectOnly: true),
    ];

    /// <summary>How far back (in words) a suppressing word counts, at least: "my husband told me to forget everything".</summary>
    private const int SuppressWindow = 8;

    private static readonly SearchValues<string> s_markers = SearchValues.Create(
        ["<|im_start|>", "<|im_end|>", "<|system|>", "<|user|>", "<|assistant|>", "<|endoftext|>", "[inst]", "[/inst]", "<<sys>>", "### instruction", "### system", "<system>", "</system>", "[system]"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Applies the rules.</summary>
    /// <param name="raw">The original text (for chat-template markers).</param>
    /// <param name="normalized">The text after <c>GuardText.Normalize</c>.</param>
    /// <param name="indirect">Whether the text is a retrieved document or a tool result.</param>
    public static InjectionRuleMatch Evaluate(ReadOnlySpan<char> raw, ReadOnlySpan<char> normalized, bool indirect)
    {
        Span<int> last = stackalloc int[32];
        last.Fill(int.MinValue / 2);
        Span<double> byKind = stackalloc double[(int)InjectionRuleKind.TemplateMarker + 1];
        byKind.Clear();
        if (raw.IndexOfAny(s_markers) >= 0)
        {
            byKind[(int)InjectionRuleKind.TemplateMarker] = 0.9;
        }

        var lookup = Lookup;
        var token = 0;
        var pos = 0;
        while (NextWord(normalized, ref pos, out var start, out var end))
        {
            var mask = lookup.TryGetValue(normalized[start..end], out var m) ? m : 0;
            if ((mask & PhraseStart) != 0)
            {
                mask = (mask & ~PhraseStart) | PhraseClasses(normalized, start, end);
            }

            if (mask != 0)
            {
                Mark(last, mask, token);
                Match(last, mask, token, indirect, byKind);
            }

            token++;
        }

        var keep = 1.0;
        var best = InjectionRuleKind.None;
        var bestScore = 0.0;
        for (var k = 1; k < byKind.Length; k++)
        {
            keep *= 1 - byKind[k];
            if (byKind[k] > bestScore)
            {
                bestScore = byKind[k];
                best = (InjectionRuleKind)k;
            }
        }

        return best == InjectionRuleKind.None ? InjectionRuleMatch.None : new InjectionRuleMatch(1 - keep, best);
    }

    private static bool NextWord(ReadOnlySpan<char> text, ref int pos, out int start, out int end)
    {
        while (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }

        start = pos;
        while (pos < text.Length && text[pos] != ' ')
        {
            pos++;
        }

        end = pos;
        return end > start;
    }

    /// <summary>The classes of the phrases that start with the word at <paramref name="start"/>.</summary>
    private static uint PhraseClasses(ReadOnlySpan<char> text, int start, int end)
    {
        Span<char> key = stackalloc char[96];
        var length = end - start;
        if (length >= key.Length)
        {
            return 0;
        }

        text[start..end].CopyTo(key);
        uint classes = 0;
        var pos = end;
        for (var words = 2; words <= MaxPhraseWords && NextWord(text, ref pos, out var s, out var e); words++)
        {
            if (length + 1 + (e - s) > key.Length)
            {
                break;
            }

            key[length++] = ' ';
            text[s..e].CopyTo(key[length..]);
            length += e - s;
            if (Lookup.TryGetValue(key[..length], out var m))
            {
                classes |= m & ~PhraseStart;
            }
        }

        return classes;
    }

    private static void Mark(Span<int> last, uint mask, int token)
    {
        while (mask != 0)
        {
            last[System.Numerics.BitOperations.TrailingZeroCount(mask)] = token;
            mask &= mask - 1;
        }
    }

    private static void Match(ReadOnlySpan<int> last, uint mask, int token, bool indirect, Span<double> byKind)
    {
        foreach (var rule in s_rules)
        {
            if ((rule.Any & mask) == 0 || (rule.IndirectOnly && !indirect) || rule.Score <= byKind[(int)rule.Kind])
            {
                continue;
            }

            var from = token - rule.Window + 1;
            if (rule.Suppress != 0 && Latest(last, rule.Suppress) > token - Math.Max(rule.Window, SuppressWindow))
            {
                continue;
            }

            var all = true;
            foreach (var group in rule.Groups)
            {
                if (Latest(last, group) < from)
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                byKind[(int)rule.Kind] = rule.Score;
            }
        }
    }

    private static int Latest(ReadOnlySpan<int> last, uint group)
    {
        var latest = int.MinValue;
        while (group != 0)
        {
            latest = Math.Max(latest, last[System.Numerics.BitOperations.TrailingZeroCount(group)]);
            group &= group - 1;
        }

        return latest;
    }
}
