using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>What a lexicon rule does when it matches.</summary>
internal enum CrisisRuleKind : byte
{
    Crisis,
    Idiom,
    Negation,
    NegationAfter,
    Past,
    Now,
    NowAfter,
    Safe,
    Counter,
    Animal,
    Again,
    Repeat,
    Owned,
    Person,
    Joke,
    Laugh,
    Risk,
    Needs,
}

/// <summary>
/// One compiled rule: a sequence of slots (word alternatives) with at most <see cref="Gap"/> words between them.
/// <see cref="Cancels"/> is, for a context cue, the categories (a bit each, in the order of
/// <see cref="CrisisLexicon.Categories"/>) whose matches it may cancel: all unless the lexicon line scopes it
/// ("idiom:violence"); for a crisis rule, unused. <see cref="Needs"/> is the index of a <c>needs</c> rule that must match
/// somewhere in the message for a match of this rule to exist at all (session 28), or -1.
/// </summary>
internal readonly record struct CrisisRule(
    CrisisRuleKind Kind, int Category, float Weight, int Gap, bool Acute, int Language, int FirstSlot, int SlotCount, bool HasNegationWord,
    int Cancels = CrisisRule.AllCategories, int Needs = -1)
{
    /// <summary>Every crisis category's bit, also of categories added later (all bits set).</summary>
    public const int AllCategories = -1;

    /// <summary>Whether this cue may cancel a match of crisis <paramref name="category"/> (a cue's own negation: always).</summary>
    public bool MayCancel(int category) => category < 0 || (Cancels & (1 << category)) != 0;
}

/// <summary>
/// The compiled crisis lexicon (CrisisLexicon.txt, embedded): a character trie of every word and word prefix the rules
/// use, and for each word the rule slots it fills. Immutable and thread-safe once built.
/// </summary>
internal sealed class CrisisLexicon
{
    /// <summary>The crisis categories, in the order of <see cref="CrisisRule.Category"/>.</summary>
    public static readonly string[] Categories =
        [GuardCategories.CrisisViolence, GuardCategories.CrisisSelfHarm, GuardCategories.CrisisChildAtRisk, GuardCategories.CrisisMedical];

    private const string ResourceName = "Nonprofit.AI.Guards.Crisis.CrisisLexicon.txt";

    // Trie, flattened: node -> [edge start, edge count); edges sorted by character.
    private readonly int[] _edgeStart;
    private readonly int[] _edgeCount;
    private readonly char[] _edgeChar;
    private readonly int[] _edgeTarget;
    private readonly int[] _exactTerm;
    private readonly int[] _prefixTerm;

    // term id -> global slot indices; global slot -> rule index.
    private readonly int[][] _termSlots;
    private readonly int[] _slotRule;
    private readonly bool[] _anchors;
    private readonly int[] _rootLatin;
    private readonly bool[] _safeAnchors;

    private CrisisLexicon(
        int[] edgeStart, int[] edgeCount, char[] edgeChar, int[] edgeTarget, int[] exactTerm, int[] prefixTerm,
        int[][] termSlots, int[] slotRule, CrisisRule[] rules, string[] languages, bool[] anchors, bool[] safeAnchors)
    {
        _anchors = anchors;

        // The root has an edge for every first letter of every script: a direct table for Latin letters.
        _rootLatin = new int[0x250];
        _rootLatin.AsSpan().Fill(-1);
        for (var e = edgeStart[0]; e < edgeStart[0] + edgeCount[0]; e++)
        {
            if (edgeChar[e] < _rootLatin.Length)
            {
                _rootLatin[edgeChar[e]] = edgeTarget[e];
            }
        }

        _safeAnchors = safeAnchors;
        _edgeStart = edgeStart;
        _edgeCount = edgeCount;
        _edgeChar = edgeChar;
        _edgeTarget = edgeTarget;
        _exactTerm = exactTerm;
        _prefixTerm = prefixTerm;
        _termSlots = termSlots;
        _slotRule = slotRule;
        Rules = rules;
        Languages = languages.Length <= 64 ? languages : throw new FormatException("The crisis lexicon supports at most 64 languages.");
        Related = [.. languages.Select(a => languages.Select((b, i) => Group(a) == Group(b) ? 1UL << i : 0).Aggregate(0UL, (x, y) => x | y))];
        MaxSpan = rules.Length == 0 ? 0 : rules.Max(r => r.SlotCount + ((r.SlotCount - 1) * r.Gap));
        HasNeeds = rules.Any(r => r.Needs >= 0);
    }

    /// <summary>Whether some rule needs another rule's match in the message (a <c>needs</c> line).</summary>
    public bool HasNeeds { get; }

    /// <summary>
    /// For each language, the languages (a bit each) whose context rules apply to its matches: itself, and the other
    /// Romance languages (Spanish text also matches Portuguese and French rules, and their context must cancel them).
    /// </summary>
    public ulong[] Related { get; }

    private static string Group(string language) => language is "es" or "pt" or "fr" ? "romance" : language;

    /// <summary>The most tokens one rule's match can span.</summary>
    public int MaxSpan { get; }

    /// <summary>The lexicon embedded in this assembly, compiled once.</summary>
    public static CrisisLexicon Default => s_default.Value;

    private static readonly Lazy<CrisisLexicon> s_default = new(LoadEmbedded);

    public CrisisRule[] Rules { get; }

    /// <summary>The language codes, in the order of <see cref="CrisisRule.Language"/>.</summary>
    public string[] Languages { get; }

    public int SlotCount => _slotRule.Length;

    public int RuleOfSlot(int slot) => _slotRule[slot];

    public int[] SlotsOfTerm(int term) => _termSlots[term];

    /// <summary>Whether <paramref name="term"/> is in the most specific slot of some crisis rule.</summary>
    public bool IsAnchor(int term) => _anchors[term];

    /// <summary>
    /// Whether <paramref name="term"/> is in the most specific slot of some safety rule ("I am safe now") or repeat rule
    /// ("I will try again", "last night he did it again"): their sentences are matched even without a crisis word.
    /// </summary>
    public bool IsSafeAnchor(int term) => _safeAnchors[term];

    /// <summary>
    /// Writes the ids of the terms <paramref name="token"/> matches (exactly, or as a prefix term) into
    /// <paramref name="terms"/> and returns how many there are.
    /// </summary>
    public int Match(ReadOnlySpan<char> token, Span<int> terms)
    {
        var count = Walk(token, terms, 0);

        // Arabic attaches the conjunctions wa- and fa- to the next word: match the word without them too.
        if (token.Length >= 4 && token[0] is '\u0648' or '\u0641')
        {
            count = Walk(token[1..], terms, count);
        }

        return count;
    }

    private int Walk(ReadOnlySpan<char> token, Span<int> terms, int count)
    {
        var node = 0;
        foreach (var c in token)
        {
            node = Child(node, c);
            if (node < 0)
            {
                return count;
            }

            if (_prefixTerm[node] >= 0 && count < terms.Length)
            {
                terms[count++] = _prefixTerm[node];
            }
        }

        if (_exactTerm[node] >= 0 && count < terms.Length)
        {
            terms[count++] = _exactTerm[node];
        }

        return count;
    }

    private int Child(int node, char c)
    {
        if (node == 0 && c < _rootLatin.Length)
        {
            return _rootLatin[c];
        }

        int lo = _edgeStart[node], hi = lo + _edgeCount[node] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var m = _edgeChar[mid];
            if (m == c)
            {
                return _edgeTarget[mid];
            }

            if (m < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    private static CrisisLexicon LoadEmbedded()
    {
        using var stream = typeof(CrisisLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Compiles a lexicon from its text (see the header of CrisisLexicon.txt for the format).</summary>
    /// <exception cref="FormatException">A line is malformed; the message gives its number.</exception>
    public static CrisisLexicon Parse(string text)
    {
        var languages = new List<string>();
        var terms = new Dictionary<(string Word, bool Prefix), int>();
        var termSlots = new List<List<int>>();
        var slotRule = new List<int>();
        var rules = new List<CrisisRule>();
        var ruleTerms = new List<HashSet<int>>();
        var negationTerms = new Dictionary<int, HashSet<int>>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(' ', 5, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 5)
            {
                throw new FormatException($"Crisis lexicon line {lineNumber}: expected LANG KIND WEIGHT GAP PATTERN.");
            }

            var language = languages.IndexOf(fields[0]);
            if (language < 0)
            {
                languages.Add(fields[0]);
                language = languages.Count - 1;
            }

            var acute = fields[1].EndsWith('!');
            var kindField = fields[1].TrimEnd('!');
            var scope = kindField.IndexOf(':', StringComparison.Ordinal);
            var (kind, category) = ParseKind(scope < 0 ? kindField : kindField[..scope], lineNumber);
            var cancels = scope < 0 ? CrisisRule.AllCategories : ParseScope(kind, kindField[(scope + 1)..], lineNumber);
            if (!float.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight is < 0 or > 1
                || !int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var gap) || gap > 8)
            {
                throw new FormatException($"Crisis lexicon line {lineNumber}: bad weight or gap.");
            }

            var slots = fields[4].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var rule = rules.Count;
            var used = new HashSet<int>();
            var firstSlot = new HashSet<int>();
            for (var s = 0; s < slots.Length; s++)
            {
                var globalSlot = slotRule.Count;
                slotRule.Add(rule);
                foreach (var alternative in slots[s].Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    var prefix = alternative.EndsWith('*');
                    var written = prefix ? alternative[..^1] : alternative;
                    var word = GuardText.Normalize(written);
                    if (word.Length == 0 || word.Contains(' ', StringComparison.Ordinal))
                    {
                        throw new FormatException($"Crisis lexicon line {lineNumber}: '{alternative}' is not one word once normalised.");
                    }

                    // A word written otherwise ("volé", "lässt") reads as its normalised form, which hides what the rule
                    // really matches (and a duplicate); an apostrophe-split word ("m" of "m'a") never matches at all.
                    if (word != written)
                    {
                        throw new FormatException($"Crisis lexicon line {lineNumber}: write '{alternative}' normalised, as '{word}'.");
                    }

                    if (!terms.TryGetValue((word, prefix), out var term))
                    {
                        term = terms.Count;
                        terms.Add((word, prefix), term);
                        termSlots.Add([]);
                    }

                    if (!termSlots[term].Contains(globalSlot))
                    {
                        termSlots[term].Add(globalSlot);
                    }

                    used.Add(term);
                    if (s == 0)
                    {
                        firstSlot.Add(term);
                    }
                }
            }

            if (kind is CrisisRuleKind.Negation)
            {
                if (!negationTerms.TryGetValue(language, out var set))
                {
                    negationTerms[language] = set = [];
                }

                // The negation word is the cue's first slot ("ma" of "ma hada", "no" of "no esta"): the words after it
                // ("esta", "mawazo") do not make a crisis rule that contains them a negated one.
                set.UnionWith(firstSlot);
            }

            if (kind is CrisisRuleKind.Needs)
            {
                // A needs line belongs to the rule on the line before it: that rule's matches exist only in a message where
                // this one matches too, in any sentence.
                if (rules.Count == 0 || rules[^1].Kind is CrisisRuleKind.Needs || rules[^1].Needs >= 0)
                {
                    throw new FormatException($"Crisis lexicon line {lineNumber}: a needs line must follow the rule it completes, one per rule.");
                }

                rules[^1] = rules[^1] with { Needs = rule };
            }

            rules.Add(new CrisisRule(kind, category, weight, gap, acute, language, slotRule.Count - slots.Length, slots.Length, false, cancels));
            ruleTerms.Add(used);
        }

        // A rule that contains a negation word of its language ("don't want to live") is not cancelled by that word.
        for (var r = 0; r < rules.Count; r++)
        {
            if (negationTerms.TryGetValue(rules[r].Language, out var negation) && ruleTerms[r].Overlaps(negation))
            {
                rules[r] = rules[r] with { HasNegationWord = true };
            }
        }

        var slotArrays = termSlots.Select(list => list.ToArray()).ToArray();

        // Anchors: the words of each crisis rule's most specific slot (longest words on average). A text without any
        // anchor cannot match a crisis rule, so the detector stops after the word lookup.
        var anchors = new bool[terms.Count];
        var termWords = new string[terms.Count];
        foreach (var ((word, _), id) in terms)
        {
            termWords[id] = word;
        }

        var slotTerms = new List<int>[slotRule.Count];
        for (var t = 0; t < termSlots.Count; t++)
        {
            foreach (var g in termSlots[t])
            {
                (slotTerms[g] ??= []).Add(t);
            }
        }

        var contextAnchors = new bool[terms.Count];
        foreach (var rule in rules.Where(r => r.Kind is CrisisRuleKind.Crisis or CrisisRuleKind.Safe or CrisisRuleKind.Again or CrisisRuleKind.Repeat or CrisisRuleKind.Person or CrisisRuleKind.Needs))
        {
            // The slot with the fewest small words (pronouns, articles, particles) and the longest words.
            var key = Enumerable.Range(rule.FirstSlot, rule.SlotCount)
                .MaxBy(g => slotTerms[g].Count(t => termWords[t].Length > 3) * 100 / slotTerms[g].Count * 100 + slotTerms[g].Average(t => termWords[t].Length));
            slotTerms[key].ForEach(t => (rule.Kind == CrisisRuleKind.Crisis ? anchors : contextAnchors)[t] = true);
        }

        var trie = BuildTrie(terms);
        return new CrisisLexicon(
            trie.EdgeStart, trie.EdgeCount, trie.EdgeChar, trie.EdgeTarget, trie.Exact, trie.Prefix,
            slotArrays, [.. slotRule], [.. rules], [.. languages], anchors, contextAnchors);
    }

    /// <summary>
    /// The categories a scoped cancelling cue is written for ("idiom:violence,medical"): a bit per category of
    /// <see cref="Categories"/>. Only cues that cancel (idiom, laugh, neg, negpost, past, counter, joke, animal) take a scope.
    /// </summary>
    private static int ParseScope(CrisisRuleKind kind, string scope, int lineNumber)
    {
        if (kind is not (CrisisRuleKind.Idiom or CrisisRuleKind.Laugh or CrisisRuleKind.Negation or CrisisRuleKind.NegationAfter or CrisisRuleKind.Past
            or CrisisRuleKind.Counter or CrisisRuleKind.Joke or CrisisRuleKind.Animal))
        {
            throw new FormatException($"Crisis lexicon line {lineNumber}: only a cancelling cue takes a category scope.");
        }

        var cancels = 0;
        foreach (var name in scope.Split(','))
        {
            var (scoped, category) = ParseKind(name, lineNumber);
            if (scoped != CrisisRuleKind.Crisis)
            {
                throw new FormatException($"Crisis lexicon line {lineNumber}: '{name}' is not a crisis category.");
            }

            cancels |= 1 << category;
        }

        return cancels;
    }

    private static (CrisisRuleKind Kind, int Category) ParseKind(string kind, int lineNumber) => kind switch
    {
        "violence" => (CrisisRuleKind.Crisis, 0),
        "self_harm" => (CrisisRuleKind.Crisis, 1),
        "child" => (CrisisRuleKind.Crisis, 2),
        "medical" => (CrisisRuleKind.Crisis, 3),
        "idiom" => (CrisisRuleKind.Idiom, -1),
        "neg" => (CrisisRuleKind.Negation, -1),
        "negpost" => (CrisisRuleKind.NegationAfter, -1),
        "past" => (CrisisRuleKind.Past, -1),
        "now" => (CrisisRuleKind.Now, -1),
        "nowafter" => (CrisisRuleKind.NowAfter, -1),
        "safe" => (CrisisRuleKind.Safe, -1),
        "counter" => (CrisisRuleKind.Counter, -1),
        "animal" => (CrisisRuleKind.Animal, -1),
        "again" => (CrisisRuleKind.Again, -1),
        "repeat" => (CrisisRuleKind.Repeat, -1),
        "owned" => (CrisisRuleKind.Owned, -1),
        "person" => (CrisisRuleKind.Person, -1),
        "joke" => (CrisisRuleKind.Joke, -1),
        "laugh" => (CrisisRuleKind.Laugh, -1),
        "risk" => (CrisisRuleKind.Risk, -1),
        "needs" => (CrisisRuleKind.Needs, -1),
        _ => throw new FormatException($"Crisis lexicon line {lineNumber}: unknown kind '{kind}'."),
    };

    private static (int[] EdgeStart, int[] EdgeCount, char[] EdgeChar, int[] EdgeTarget, int[] Exact, int[] Prefix) BuildTrie(
        Dictionary<(string Word, bool Prefix), int> terms)
    {
        var children = new List<SortedDictionary<char, int>> { new() };
        var exact = new List<int> { -1 };
        var prefix = new List<int> { -1 };
        foreach (var ((word, isPrefix), term) in terms)
        {
            var node = 0;
            foreach (var c in word)
            {
                if (!children[node].TryGetValue(c, out var next))
                {
                    next = children.Count;
                    children[node][c] = next;
                    children.Add([]);
                    exact.Add(-1);
                    prefix.Add(-1);
                }

                node = next;
            }

            if (isPrefix)
            {
                prefix[node] = term;
            }
            else
            {
                exact[node] = term;
            }
        }

        var edgeStart = new int[children.Count];
        var edgeCount = new int[children.Count];
        var edgeChar = new List<char>();
        var edgeTarget = new List<int>();
        for (var n = 0; n < children.Count; n++)
        {
            edgeStart[n] = edgeChar.Count;
            edgeCount[n] = children[n].Count;
            foreach (var (c, target) in children[n])
            {
                edgeChar.Add(c);
                edgeTarget.Add(target);
            }
        }

        return (edgeStart, edgeCount, [.. edgeChar], [.. edgeTarget], [.. exact], [.. prefix]);
    }
}
