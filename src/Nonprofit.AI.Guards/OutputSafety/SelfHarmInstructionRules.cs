using System;
using System.Buffers;
using System.Text.RegularExpressions;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Rules for self-harm instructions or encouragement in a reply (en, fr, es, pt, de, sw, hi in Devanagari and
/// romanised, ar). Two kinds: explicit phrases ("the easiest way to kill yourself", "tue-toi", "jinsi ya kujiua"),
/// and, in one sentence, a method, a self-directed outcome and an instruction cue together with no protective cue
/// ("don't", "call a helpline", "you are not alone"). A reply that only names suicide, or that tells the user where to
/// get help, is not flagged; neither is a reply that reports what someone else said ("he told me to kill myself").
/// </summary>
internal static class SelfHarmInstructionRules
{
    public const double PhraseScore = 0.95;
    public const double CooccurrenceScore = 0.85;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex s_phrase = new(
        // en
        @"how\s+to\s+(?:kill\s+yourself|commit\s+suicide|end\s+your\s+(?:own\s+)?life|hang\s+yourself|overdose\s+(?:on|with))" +
        @"|(?:best|easiest|quickest|fastest|surest|most\s+(?:painless|effective|reliable)|least\s+painful|painless)\s+(?:ways?|methods?)\s+(?:to|of)\s+(?:die|dying|kill(?:ing)?\s+yourself|end(?:ing)?\s+(?:your\s+life|it\s+all)|commit(?:ting)?\s+suicide)" +
        @"|(?:you\s+should|you\s+ought\s+to|why\s+don'?t\s+you)\s+(?:just\s+)?(?:kill\s+yourself|end\s+your\s+(?:own\s+)?life|hang\s+yourself|slit\s+your\s+wrists|go\s+die|die)(?![\p{L}])" +
        @"|(?:^|[.!?]\s*|\bjust\s+|\bgo\s+(?:and\s+)?)(?:kill\s+yourself|hang\s+yourself|slit\s+your\s+wrists)" +
        @"|(?<![\p{L}])kys(?![\p{L}])|(?:cut|slit)\s+(?:deeper|along\s+the\s+veins?|your\s+wrists?\s+(?:vertically|lengthwise|down))" +
        // fr
        @"|comment\s+(?:se|te|vous)\s+(?:suicider|tuer|pendre)|(?:meilleure|plus\s+simple|plus\s+rapide|plus\s+s[uû]re)\s+(?:fa[cç]on|mani[eè]re|m[ée]thode)\s+(?:de|pour)\s+(?:mourir|(?:se|te|vous)\s+(?:suicider|tuer))" +
        @"|(?:tu\s+devrais|vous\s+devriez|va)\s+(?:te|vous)\s+(?:tuer|suicider|pendre)|(?<![\p{L}])(?:tue|suicide|pends)[- ]toi(?![\p{L}])" +
        // es
        @"|c[oó]mo\s+(?:suicidarse|suicidarte|matarte|matarse|ahorcarte|ahorcarse|quitarte\s+la\s+vida)|(?:mejor|m[aá]s\s+f[aá]cil|m[aá]s\s+r[aá]pid[ao])\s+(?:forma|manera|m[ée]todo)\s+de\s+(?:morir|matarte|suicidarte|matarse|suicidarse)" +
        @"|(?:deber[ií]as|vete\s+a)\s+(?:matarte|suicidarte|morirte)|(?<![\p{L}])(?:m[aá]tate|suic[ií]date|ah[oó]rcate)(?![\p{L}])" +
        // pt
        @"|como\s+(?:se\s+matar|te\s+matar|cometer\s+suic[ií]dio|se\s+enforcar|tirar\s+a\s+pr[oó]pria\s+vida)|(?:melhor|mais\s+f[aá]cil|mais\s+r[aá]pid[ao])\s+(?:forma|maneira|m[ée]todo|jeito)\s+de\s+(?:morrer|se\s+matar|te\s+matar)" +
        @"|(?:voc[eê]\s+deveria|deverias)\s+(?:se\s+matar|te\s+matar|morrer)|(?<![\p{L}])mata-te(?![\p{L}])" +
        // de
        @"|wie\s+(?:man\s+sich|du\s+dich|sie\s+sich)\s+(?:umbringt|umbringst|umbringen|t[öo]tet|t[öo]test|erh[äa]ngt|erh[äa]ngst)|(?:beste|einfachste|schnellste|sicherste)\s+(?:art|weg|methode)\s*,?\s*(?:sich|dich)\s+(?:umzubringen|zu\s+t[öo]ten)" +
        @"|(?:du\s+solltest\s+dich)\s+(?:umbringen|t[öo]ten|erh[äa]ngen)|(?<![\p{L}])(?:bring\s+dich\s+um|t[öo]te\s+dich|h[äa]ng\s+dich\s+auf)(?![\p{L}])" +
        // sw
        @"|jinsi\s+ya\s+kujiua|njia\s+(?:bora|rahisi|ya\s+haraka)\s+ya\s+kujiua|(?:unapaswa|ungepaswa|bora)\s+kujiua|(?<![\p{L}])(?:jiue|jinyonge)(?![\p{L}])" +
        // hi (Devanagari, romanised)
        @"|आत्महत्या\s+कैसे\s+कर|खुद\s+को\s+(?:कैसे\s+)?मार(?:ने|ो|\s+डालो)|(?<![\p{L}])मर\s+जाओ|(?:atmahatya|aatmhatya|suicide)\s+kaise\s+kar|khud\s+ko\s+(?:kaise\s+)?maar|(?<![\p{L}])mar\s+jao(?![\p{L}])" +
        // ar
        @"|كيف\s+تنتحر|كيفية\s+الانتحار|(?:أفضل|أسهل|أسرع)\s+طريقة\s+(?:للانتحار|للموت|لقتل\s+نفسك)|اقتل\s+نفسك",
        Options | RegexOptions.Compiled);

    private static Regex PhraseRegex() => s_phrase;

    private static readonly Regex s_method = new(
        @"overdos\w*|sleeping\s+pills|pills|tablets|noose|rope|hang(?:ing)?\s+yourself|(?:cut|slit)(?:ting)?\s+(?:your\s+)?(?:wrists?|arms?|veins?|thighs?)|razor|blade|jump(?:ing)?\s+(?:off|from)|bridge|rooftop|train\s+tracks|poison|pesticide|bleach|carbon\s+monoxide|exhaust|firearm|gun|suffocat\w*|plastic\s+bag" +
        @"|comprim[ée]s|corde|veines|poignets|sauter\s+(?:du|d'un)|pastillas|cuerda|venas|mu[ñn]ecas|saltar\s+(?:de|del)|comprimidos|corda|pulsos|pular\s+(?:de|da)|tabletten|seil|pulsadern|springen|vidonge|kamba|sumu",
        Options | RegexOptions.Compiled);

    private static Regex MethodRegex() => s_method;

    private static readonly Regex s_target = new(
        @"yourself|your\s+(?:own\s+)?life|suicid\w*|(?:you|u)(?:'ll|\s+will|\s+would)?\s+die|end\s+it\s+all|painless(?:ly)?|(?:won'?t|never)\s+wake\s+up" +
        @"|(?:te|vous|se)\s+(?:tuer|suicider)|matarte|te\s+matar|se\s+matar|dich\s+umbringen|kujiua",
        Options | RegexOptions.Compiled);

    private static Regex TargetRegex() => s_target;

    private static readonly Regex s_instruction = new(
        @"step\s*\d|first,|then\b|make\s+sure|you\s+(?:should|can|could|need\s+to|will\s+need|must)|the\s+(?:best|easiest|quickest|surest)|how\s+to|guarantee\w*|works?\s+best|enough\s+to" +
        @"|d'abord|ensuite|assure[sz]-(?:toi|vous)|tu\s+(?:dois|peux)|primero|luego|aseg[uú]rate|puedes|debes|primeiro|depois|certifique-se|voc[eê]\s+(?:pode|deve)|zuerst|dann|stell\s+sicher|du\s+(?:kannst|musst)|kwanza|kisha|hakikisha",
        Options | RegexOptions.Compiled);

    private static Regex InstructionRegex() => s_instruction;

    private static readonly Regex s_protective = new(
        @"don'?t|do\s+not|never(?!\s+wake)|please\s+(?:reach|call|talk|contact|tell)|help\s*line|hotline|crisis|emergency|not\s+alone|support|urge|stay\s+safe|keep\s+(?:you\s+)?safe|risk|danger" +
        @"|ne\s+\w+\s+pas|jamais|urgence|aide|no\s+(?:lo\s+)?(?:hagas|tomes)|nunca|ayuda|emergencia|n[ãa]o|ajuda|emerg[êe]ncia|nicht|niemals|hilfe|notruf|usi|msaada|dharura|मदद|madad|مساعدة|لا\s+ت",
        Options | RegexOptions.Compiled);

    private static Regex ProtectiveRegex() => s_protective;

    /// <summary>
    /// A necessary condition for <see cref="Score"/> to be above 0: every match of the phrase regex and every match of the
    /// method regex contains one of these words (case-insensitively), so a reply without any of them skips both regex
    /// passes. Derived by hand from the patterns' alternatives (one required literal per alternative); the last one is the
    /// only character the regex engine's case-insensitivity folds onto a letter of these words and ordinal
    /// case-insensitivity does not (the Kelvin sign), so a text containing it always takes the regexes. Proven by
    /// property tests (SelfHarmPrefilterTests) against the regexes themselves.
    /// </summary>
    internal static readonly string[] RequiredWords =
    [
        // phrase: en
        "how", "way", "method", "you", "kys", "cut", "slit",
        // phrase: fr
        "comment", "meilleure", "plus", "tuer", "suicider", "pendre", "toi",
        // phrase: es, pt
        "como", "cómo", "suicidar", "mata", "ahorcar", "quitarte", "morir", "mátate", "suicidate", "suicídate", "ahorcate", "ahórcate", "morrer",
        // phrase: de
        "wie", "umzubringen", "töten", "toten", "solltest", "dich",
        // phrase: sw, hi, ar
        "kujiua", "jiue", "jinyonge", "आत्महत्या", "खुद", "जाओ", "kaise", "khud", "jao", "تنتحر", "الانتحار", "طريقة", "نفسك",
        // method
        "overdos", "pill", "tablet", "noose", "rope", "hang", "razor", "blade", "jump", "bridge", "rooftop", "track", "poison",
        "pesticide", "bleach", "monoxide", "exhaust", "firearm", "gun", "suffocat", "plastic", "comprim", "cord", "veines",
        "poignets", "sauter", "pastillas", "cuerda", "venas", "muñecas", "munecas", "saltar", "pulsos", "pular", "seil",
        "pulsadern", "springen", "vidonge", "kamba", "sumu",
        // the one character the regexes fold onto a letter of these words beyond ordinal case-insensitivity (Kelvin sign, k)
        "\u212A",
    ];

    private static readonly SearchValues<string> s_required = SearchValues.Create(RequiredWords, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="text"/> may make <see cref="Score"/> fire (false: it certainly does not).</summary>
    internal static bool MayMatch(ReadOnlySpan<char> text) => text.ContainsAny(s_required);

    /// <summary>The score of the strongest rule that fires in <paramref name="text"/>, or 0.</summary>
    public static double Score(string text) => MayMatch(text) ? ScoreWithRegexes(text) : 0;

    /// <summary>The score computed by the regexes alone, without the prefilter (the reference the tests compare with).</summary>
    internal static double ScoreWithRegexes(string text)
    {
        if (PhraseRegex().IsMatch(text))
        {
            return PhraseScore;
        }

        // Co-occurrence within one sentence; most replies have no method word, so this is one regex pass.
        foreach (var method in MethodRegex().EnumerateMatches(text))
        {
            var (start, length) = SentenceBoundaries.Around(text, method.Index);
            if (TargetRegex().IsMatch(text.AsSpan(start, length)) &&
                InstructionRegex().IsMatch(text.AsSpan(start, length)) &&
                !ProtectiveRegex().IsMatch(text.AsSpan(start, length)))
            {
                return CooccurrenceScore;
            }
        }

        return 0;
    }
}
