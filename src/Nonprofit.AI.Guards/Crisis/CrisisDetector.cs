using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The default <see cref="ICrisisDetector"/>: multilingual lexicon and pattern rules (en, fr, es, pt, sw, hi in Latin
/// and Devanagari script, ar, de) over <c>GuardText</c>-normalised text, and an embedded linear model over character
/// n-grams and words that catches what the rules' phrasings miss; both embedded in the assembly and run offline.
/// </summary>
/// <remarks>
/// <para>
/// Rules are short word sequences ("want … die", "he … knife", "pregnant … bleeding") with a weight. Context rules cancel
/// a match: idioms that overlap it ("this drought is killing my maize", "I'm dying to know"), a negation just before it
/// in the same clause ("I would never hurt myself"), a past-time cue in the same sentence without a present-time cue
/// ("years ago he hit me"), the writer saying they are safe now, counter-speech or fiction nearby ("a film where he
/// kills himself"), and for medical rules animals and crops ("the cow is bleeding after calving"). Third-person reports
/// ("my friend said she wants to die") are matched like first-person ones: that person is at risk.
/// </para>
/// <para>
/// The scores of one category's matches combine as 1 − ∏(1 − wᵢ). A category matched only by weak cues (weight below
/// 0.5, such as "hopeless") stays below <see cref="DefaultThreshold"/>.
/// </para>
/// <para>
/// The model (<c>Models/crisis.nplt</c>; training data and command in docs/guards.md) gives the probability p that a
/// message is a crisis, assigned to its most likely category; it counts as the score p × 0.5 / 0.76, so it reaches
/// <see cref="DefaultThreshold"/> at p ≥ 0.76, and at p ≥ 0.70 for text with Arabic letters (operating points chosen by
/// cross-validation on the training corpora: the most recall with at most 10 % false positives on the look-alike
/// messages). A category's score is the larger of the rules' and the model's. The model does not read the rules'
/// cancelling contexts: a context that cancels a rule ("I feel okay", "when I was a kid", "dog") does not silence the
/// model, which may still escalate ("I feel okay, I just want to die"). Use
/// <see cref="RulesOnly"/> for the rules alone. Thread-safe; allocation-free when nothing is found, apart from pooled
/// buffers.
/// </para>
/// </remarks>
public sealed class CrisisDetector : ICrisisDetector
{
    /// <summary>The score at or above which <see cref="CrisisDetectionChatClient"/> escalates by default: 0.5.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>The model probability that reaches <see cref="DefaultThreshold"/>.</summary>
    internal const double ModelOperatingPoint = 0.76;

    /// <summary>The model probability that reaches <see cref="DefaultThreshold"/> for a text with Arabic letters.</summary>
    internal const double ArabicScriptModelOperatingPoint = 0.70;

    /// <summary>
    /// Whether a category whose rule matches were all cancelled by context (idiom, negation, past, safe now,
    /// counter-speech, animals and crops), with such a match in every sentence, also drops the model's finding in that
    /// category. Off: the gate silenced real crises whose one sentence also held a cancelling cue ("I feel okay, I just
    /// want to die", "A dog bit my son, there is a lot of blood"); kept as an option for the training search.
    /// </summary>
    internal const bool ContextGatesModel = false;

    /// <summary>
    /// Whether a medical finding of the model alone (the rules do not support it) in a message about the writer's own
    /// animal is held to the global operating point even in Arabic script, whose own point is lower: "بقرتي بتنزف بعد ما
    /// ولدت، شو أعطيها؟" (the retrained model of session 24 read a cow's calving as a woman's, p 0.714). Only when the
    /// animal is the subject (a possessive animal form, lexicon kind <c>owned</c>) and no person or family word (kind
    /// <c>person</c>) is in the message: an animal or crop word anywhere held back people's emergencies told from the
    /// farm ("كنت أرعى الغنم ومراتي الحامل عندها نزيف ودوخة", session 24 review). A margin over the point for every
    /// language was tried and dropped: it silenced "My son was bitten by a snake while herding the goats, his leg is
    /// swelling fast".
    /// </summary>
    internal const bool AnimalHoldsArabicToGlobalPoint = true;

    /// <summary>The model's class index of <c>crisis.medical</c>.</summary>
    private const int MedicalClass = 4;

    /// <summary>The file of the embedded model under <c>Models/</c>.</summary>
    internal const string ModelFileName = "crisis.nplt";

    private const int PastWindow = 12;
    private const int CounterWindow = 8;
    private const int OwnReach = 4; // words before a framed match a first-person possessive may stand ("Actualités : mon mari vient de me poignarder")
    private const int RecentReach = 2; // words before a framed match a "just happened" cue may stand ("my husband just stabbed me")
    private const int RepeatWindow = 24; // words from a cancelled violence match to a new attack ("…but last night he did it again")
    private const int StrongWeight = 50; // weights are compared in hundredths below
    private const int Violence = 0; // indexes into CrisisLexicon.Categories
    private const int SelfHarm = 1;
    private const int Child = 2;

    // Every character BoundaryKind does not map to 0 (a test checks all 65,536), found with one vectorised search.
    private static readonly SearchValues<char> s_boundaries = SearchValues.Create(".!?;\n\r\u061F\u0964\u06D4\u3002\uFF01\uFF1F,:\u060C()\"\u201C\u201D\u2014\u2013");

    private static readonly Lazy<LinearTextModel> s_model = new(() => LinearTextModel.LoadEmbedded(ModelFileName));

    private readonly CrisisLexicon _lexicon;
    private readonly LinearTextModel? _model;
    private readonly double _modelOperatingPoint;
    private readonly double _arabicScriptOperatingPoint;
    private readonly bool _contextGatesModel;
    private readonly bool _animalHoldsArabicToGlobalPoint;
    private readonly int _hindi;
    private readonly int _english;
    private readonly int[] _conjunctionBits;

    /// <summary>Creates the detector over the embedded lexicon and model.</summary>
    public CrisisDetector()
        : this(useModel: true)
    {
    }

    /// <summary>Creates the detector over the embedded lexicon, with or without the embedded model.</summary>
    /// <param name="useModel">Whether the embedded model adds its findings to the rules' (recommended).</param>
    public CrisisDetector(bool useModel)
        : this(CrisisLexicon.Default, useModel ? s_model.Value : null)
    {
    }

    internal CrisisDetector(CrisisLexicon lexicon, LinearTextModel? model = null, double modelOperatingPoint = ModelOperatingPoint, double arabicScriptOperatingPoint = ArabicScriptModelOperatingPoint, bool contextGatesModel = ContextGatesModel, bool animalHoldsArabicToGlobalPoint = AnimalHoldsArabicToGlobalPoint)
    {
        _contextGatesModel = contextGatesModel;
        _animalHoldsArabicToGlobalPoint = animalHoldsArabicToGlobalPoint;
        _hindi = Array.IndexOf(lexicon.Languages, "hi");
        _english = Array.IndexOf(lexicon.Languages, "en");
        _conjunctionBits = [.. lexicon.Languages.Select(ConjunctionBit)];
        _lexicon = lexicon;
        _model = model;
        _modelOperatingPoint = modelOperatingPoint;
        _arabicScriptOperatingPoint = arabicScriptOperatingPoint;
        if (model is not null && !model.Labels.SequenceEqual([GuardCategories.None, .. CrisisLexicon.Categories]))
        {
            throw new ArgumentException("The crisis model must have the classes none, crisis.violence, crisis.self_harm, crisis.child_at_risk and crisis.medical, in that order.", nameof(model));
        }
    }

    /// <summary>A shared instance with the rules and the model (the detector holds no per-call state).</summary>
    public static CrisisDetector Instance { get; } = new();

    /// <summary>A shared instance with the rules only (no model).</summary>
    public static CrisisDetector RulesOnly { get; } = new(useModel: false);

    /// <inheritdoc/>
    public GuardDetection Detect(ReadOnlySpan<char> text) => Detect(text, out _);

    /// <summary>Detects crisis signals and reports the language of the strongest rule that fired.</summary>
    /// <param name="text">The message text, any length.</param>
    /// <param name="language">
    /// The ISO 639-1 code of the lexicon whose rule gave the strongest finding (<c>"hi"</c> for romanised and Devanagari
    /// Hindi), or <see langword="null"/> when nothing was found. A hint only: it is not a language identifier.
    /// </param>
    /// <returns>The findings, one per category, strongest first; <see cref="GuardDetection.None"/> when none.</returns>
    public GuardDetection Detect(ReadOnlySpan<char> text, out string? language)
    {
        var rules = DetectRules(text, out language, out var cancelled, out var ownAnimal);
        return _model is null || !HasTwoLetters(text) ? rules : AddModel(rules, text, _contextGatesModel ? cancelled : 0, ownAnimal);
    }

    /// <summary>
    /// Whether <paramref name="text"/> has at least two different letters, the least a message in words has. The model
    /// is not asked about text without (session 25: it escalated a bare "18" or "17" at p 0.88 as a child's age, and
    /// 200,000 times "x" at 0.99): digits, punctuation, emoji or one letter repeated carry no crisis it could read.
    /// </summary>
    internal static bool HasTwoLetters(ReadOnlySpan<char> text)
    {
        var first = '\0';
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (first == '\0')
            {
                first = lower;
            }
            else if (lower != first)
            {
                return true;
            }
        }

        return false;
    }

    private GuardDetection DetectRules(ReadOnlySpan<char> text, out string? language, out int cancelled, out bool ownAnimal)
    {
        language = null;
        cancelled = 0;
        ownAnimal = false;
        if (text.IsEmpty)
        {
            return GuardDetection.None;
        }

        var state = new MatchState(text.Length);
        try
        {
            Tokenize(text, ref state);
            if (!LookUp(ref state))
            {
                return GuardDetection.None;
            }

            state.StartMatching(_lexicon.SlotCount);
            FindMatches(ref state);
            DropUnmetNeeds(ref state);
            ownAnimal = _model is not null && OwnAnimalOnly(ref state);
            return Score(ref state, out language, out cancelled);
        }
        finally
        {
            state.Return();
        }
    }

    /// <summary>The model's crisis probability (1 − P(none)) and its most likely category index into the model's classes.</summary>
    private (double Probability, int Class) ModelScore(ReadOnlySpan<char> text)
    {
        Span<float> probabilities = stackalloc float[_model!.ClassCount];
        CrisisModelInput.Predict(_model, text, probabilities, OperatingPoint(text));
        var best = 1;
        for (var c = 2; c < probabilities.Length; c++)
        {
            best = probabilities[c] > probabilities[best] ? c : best;
        }

        return (1 - probabilities[0], best);
    }

    /// <summary>The model operating point for <paramref name="text"/>: its own for text with Arabic letters.</summary>
    private double OperatingPoint(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u0600', '\u06FF') >= 0 ? _arabicScriptOperatingPoint : _modelOperatingPoint;

    /// <summary>
    /// The model probability that reaches <see cref="DefaultThreshold"/> for its most likely class <paramref name="best"/>:
    /// the text's own point (<see cref="OperatingPoint"/>), or the global one for a model-only medical finding about the
    /// writer's own animal (<see cref="AnimalHoldsArabicToGlobalPoint"/>).
    /// </summary>
    private double ModelPoint(GuardDetection rules, ReadOnlySpan<char> text, int best, bool animal)
    {
        var point = OperatingPoint(text);
        if (animal && _animalHoldsArabicToGlobalPoint && best == MedicalClass
            && !rules.CategoriesAtOrAbove(DefaultThreshold).Contains(CrisisLexicon.Categories[best - 1]))
        {
            point = Math.Max(point, _modelOperatingPoint);
        }

        return point;
    }

    /// <summary>Adds the model's finding when the model leans towards a crisis (p ≥ 0.5) and beats the rules' score.</summary>
    /// <param name="rules">The rules' findings.</param>
    /// <param name="text">The text.</param>
    /// <param name="gated">A bit per category (index into <see cref="CrisisLexicon.Categories"/>) the model may not add.</param>
    /// <param name="animal">Whether the message is about the writer's own animal (see <see cref="AnimalHoldsArabicToGlobalPoint"/>).</param>
    private GuardDetection AddModel(GuardDetection rules, ReadOnlySpan<char> text, int gated, bool animal)
    {
        var (probability, best) = ModelScore(text);
        if (probability < 0.5 || (gated & (1 << (best - 1))) != 0)
        {
            return rules;
        }

        var category = CrisisLexicon.Categories[best - 1];
        var point = ModelPoint(rules, text, best, animal);

        var score = Math.Round(Math.Min(probability * DefaultThreshold / point, 0.999), 3);
        var findings = new List<GuardFinding>(rules.Findings.Count + 1);
        var replaced = false;
        foreach (var finding in rules.Findings)
        {
            if (finding.Category == category)
            {
                replaced = true;
                findings.Add(finding.Score >= score ? finding : new GuardFinding(category, score));
            }
            else
            {
                findings.Add(finding);
            }
        }

        if (!replaced)
        {
            findings.Add(new GuardFinding(category, score));
        }

        return new GuardDetection(findings);
    }

    /// <summary>For development and tests: every rule match in <paramref name="text"/> and whether it counted.</summary>
    internal List<string> Explain(string text)
    {
        var lines = new List<string>();
        var state = new MatchState(text.Length);
        try
        {
            Tokenize(text, ref state);
            LookUp(ref state);
            state.StartMatching(_lexicon.SlotCount);
            FindMatches(ref state);
            DropUnmetNeeds(ref state);
            var safeLanguages = SafeLanguages(ref state);

            for (var m = 0; m < state.MatchCount; m++)
            {
                var rule = _lexicon.Rules[state.MatchRule[m]];
                var words = string.Join(" ", Enumerable.Range(state.MatchStart[m], state.MatchEnd[m] - state.MatchStart[m] + 1)
                    .Select(t => new string(state.Normalized, state.TokenStart[t], state.TokenLength[t])));
                var status = rule.Kind == CrisisRuleKind.Crisis ? (IsCancelled(ref state, m, rule, safeLanguages) ? " CANCELLED" : " counted") : "";
                lines.Add($"rule {state.MatchRule[m]} {_lexicon.Languages[rule.Language]} {rule.Kind} {rule.Category} {rule.Weight} [{words}]{status}");
            }
        }
        finally
        {
            state.Return();
        }

        if (_model is not null)
        {
            var (probability, best) = ModelScore(text);
            var rules = DetectRules(text, out _, out _, out var ownAnimal);
            var point = ModelPoint(rules, text, best, ownAnimal);
            lines.Add(FormattableString.Invariant($"model p={probability:0.000} {CrisisLexicon.Categories[best - 1]} (counts from p >= {point})"));
        }

        return lines;
    }

    /// <summary>Normalises each clause separately, so that tokens know their sentence and clause.</summary>
    private static void Tokenize(ReadOnlySpan<char> text, ref MatchState state)
    {
        var sentence = 0;
        var phrase = 0;
        var segmentStart = 0;
        var afterComma = false;
        while (true)
        {
            // The next boundary character, or the end of the text (which ends a sentence).
            var found = text[segmentStart..].IndexOfAny(s_boundaries);
            var i = found < 0 ? text.Length : segmentStart + found;
            var boundary = found < 0 ? 2 : BoundaryKind(text[i]);
            if (i > segmentStart)
            {
                var count = state.TokenCount;
                AddTokens(text[segmentStart..i], sentence, phrase, afterComma, ref state);
                afterComma &= state.TokenCount == count;
            }

            afterComma |= found >= 0 && text[i] is ',' or '\u060C';
            phrase++;
            if (boundary == 2)
            {
                sentence++;
            }

            if (found < 0)
            {
                return;
            }

            segmentStart = i + 1;
        }
    }

    /// <summary>How many languages have conjunctions that open a clause (<see cref="ConjunctionBit"/>).</summary>
    private const int ConjunctionLanguageCount = 8;

    // The languages' conjunction bits (ConjunctionBit, ConjunctionLanguages, SplitMask).
    private const int EnBit = 1, FrBit = 2, EsBit = 4, PtBit = 8, SwahiliBit = 16, HiBit = 32, DeBit = 64, ArBit = 128;

    /// <summary>Swahili "na" (and): also pt "na" (in the) and hi "na" (not), so it opens no clause for their rules.</summary>
    private const int NaBit = 256;

    /// <summary>pt "mas" (but): also es "mas" (más, more), so it opens no clause for Spanish rules.</summary>
    private const int MasBit = 512;

    /// <summary>
    /// Not a conjunction: marks a segment's first token that a comma (Latin or Arabic) comes before, with no token between
    /// (<see cref="CommaBetween"/>; session 27).
    /// </summary>
    private const int CommaBit = 1024;

    /// <summary>Every conjunction bit of <see cref="ConjunctionLanguages"/>.</summary>
    private const int AllConjunctions = 1023;

    /// <summary>
    /// Whether a normalised token is a conjunction that opens a clause for the rules of <paramref name="language"/> (ISO
    /// 639-1): and/but in en, fr, es, pt, sw, hi (Latin and Devanagari), de and ar, and an Arabic word beginning with وأ
    /// ("and I…"). People mix languages ("when I was a kid my dad beat me aur I want to die"), so a conjunction of any of
    /// them opens a clause, except the words that mean something else in the rule's language: "na" for pt (in the) and hi
    /// (not), "mas" for es (más, more).
    /// </summary>
    internal static bool IsConjunction(ReadOnlySpan<char> token, string language) => (ConjunctionLanguages(token) & SplitMask(ConjunctionBit(language))) != 0;

    /// <summary>The conjunction bits that open a clause for rules of the language whose bit is <paramref name="languageBit"/>.</summary>
    private static int SplitMask(int languageBit) => languageBit switch
    {
        PtBit or HiBit => AllConjunctions & ~NaBit,
        EsBit => AllConjunctions & ~MasBit,
        _ => AllConjunctions,
    };

    /// <summary>The bit of <paramref name="language"/> in <see cref="ConjunctionLanguages"/> (0 for a language without conjunctions).</summary>
    private static int ConjunctionBit(string language) => language switch
    {
        "en" => EnBit,
        "fr" => FrBit,
        "es" => EsBit,
        "pt" => PtBit,
        "sw" => SwahiliBit,
        "hi" => HiBit,
        "de" => DeBit,
        "ar" => ArBit,
        _ => 0,
    };

    /// <summary>The languages (bits of <see cref="ConjunctionBit"/>) in which a normalised token opens a clause.</summary>
    private static int ConjunctionLanguages(ReadOnlySpan<char> token)
    {
        if (token.Length >= 3 && token[0] == '\u0648' && token[1] == '\u0623')
        {
            return ArBit;
        }

        return token.Length > 6 ? 0 : token switch
        {
            "and" or "but" => EnBit,
            "et" or "mais" => FrBit,
            "y" or "pero" => EsBit,
            "e" => EsBit | PtBit,
            "mas" => MasBit,
            "na" => NaBit,
            "lakini" => SwahiliBit,
            "aur" or "lekin" or "magar" or "\u0914\u0930" or "\u0932\u0947\u0915\u093F\u0928" or "\u092E\u0917\u0930" => HiBit,
            "und" or "aber" => DeBit,
            "\u0648" or "\u0644\u0643\u0646" or "\u0648\u0644\u0643\u0646" => ArBit,
            _ => 0,
        };
    }

    /// <summary>
    /// Rewrites a two-digit number from 18 to 99 that stands as a word of its own ("00" once normalised) to
    /// <see cref="AdultNumber"/>, so that the rules written for a child's age ("I am 00 years", "marry … 00") no longer
    /// read an adult's ("I am 26 years old and looking for work" escalated as a child at risk); rules meant for any
    /// number list both ("took 00|0q pills"). The digits are found by order: when the normalised text and the segment do
    /// not hold the same number of digit runs (a dropped character joined two), nothing is rewritten.
    /// </summary>
    internal static void MarkAdultAges(ReadOnlySpan<char> segment, Span<char> normalized)
    {
        if (normalized.IndexOf("00".AsSpan()) < 0)
        {
            return;
        }

        var runs = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            if (normalized[i] == '0' && (i == 0 || normalized[i - 1] != '0'))
            {
                runs++;
            }
        }

        var originalRuns = 0;
        for (var i = 0; i < segment.Length; i++)
        {
            if (char.IsDigit(segment[i]) && (i == 0 || !char.IsDigit(segment[i - 1])))
            {
                originalRuns++;
            }
        }

        if (runs != originalRuns)
        {
            return;
        }

        var o = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            if (normalized[i] != '0' || (i > 0 && normalized[i - 1] == '0'))
            {
                continue;
            }

            while (!char.IsDigit(segment[o]))
            {
                o++;
            }

            var end = o;
            while (end < segment.Length && char.IsDigit(segment[end]))
            {
                end++;
            }

            var isWord = i + 2 <= normalized.Length && normalized[i + 1] == '0' && (i + 2 == normalized.Length || normalized[i + 2] == ' ')
                && (i == 0 || normalized[i - 1] == ' ');
            if (isWord && end - o == 2 && char.GetNumericValue(segment[o]) >= 1)
            {
                var value = (10 * (int)char.GetNumericValue(segment[o])) + (int)char.GetNumericValue(segment[o + 1]);
                if (value >= 18)
                {
                    AdultNumber.AsSpan().CopyTo(normalized[i..]);
                }
            }

            o = end;
        }
    }

    /// <summary>What <see cref="MarkAdultAges"/> writes for a two-digit number from 18 to 99.</summary>
    internal const string AdultNumber = "0q";

    /// <summary>Swahili "na" after a form of "kuwa" or a locative ("nilikuwa na", "niko na") is "have", not "and".</summary>
    private static bool IsSwahiliHave(ReadOnlySpan<char> previous, ReadOnlySpan<char> token) =>
        token is "na" && (previous.EndsWith("kuwa") || previous.EndsWith("ko") || previous.EndsWith("po") || previous is "ni" or "ana" or "wana");

    /// <summary>Whether <paramref name="c"/> is in the boundary search set (for tests: must equal <c>BoundaryKind(c) != 0</c>).</summary>
    internal static bool IsBoundarySearched(char c) => s_boundaries.Contains(c);

    // 2 ends a sentence, 1 a clause, 0 neither.
    internal static int BoundaryKind(char c) => c switch
    {
        '.' or '!' or '?' or ';' or '\n' or '\r' or '\u061F' or '\u0964' or '\u06D4' or '\u3002' or '\uFF01' or '\uFF1F' => 2,
        ',' or ':' or '\u060C' or '(' or ')' or '"' or '\u201C' or '\u201D' or '\u2014' or '\u2013' => 1,
        _ => 0,
    };

    /// <summary>
    /// Adds the tokens of one punctuation segment (<paramref name="phrase"/>); a conjunction word that is not the
    /// segment's first token opens a new clause in its language (see <see cref="Clauses"/>).
    /// </summary>
    private static void AddTokens(ReadOnlySpan<char> segment, int sentence, int phrase, bool afterComma, ref MatchState state)
    {
        var destination = state.Normalized.AsSpan(state.NormalizedLength);
        var length = GuardText.Normalize(segment, destination);
        MarkAdultAges(segment, destination[..length]);
        var start = 0;
        var previous = -1;
        for (var i = 0; i <= length; i++)
        {
            if (i < length && destination[i] != ' ')
            {
                continue;
            }

            if (i > start)
            {
                var conjunction = previous < 0 ? 0 : ConjunctionLanguages(destination[start..i]);
                if (conjunction == NaBit && IsSwahiliHave(destination[previous..(start - 1)], destination[start..i]))
                {
                    conjunction = 0;
                }

                if (previous < 0 && afterComma)
                {
                    conjunction |= CommaBit;
                }

                previous = start;
                state.AddToken(state.NormalizedLength + start, i - start, sentence, conjunction, phrase);
            }

            start = i + 1;
        }

        state.NormalizedLength += length;
    }

    /// <summary>
    /// Looks every token up in the lexicon and selects the sentences that hold a crisis or safety anchor word (rules and
    /// their context never cross sentences, so the others need no matching); returns whether any crisis anchor occurs.
    /// </summary>
    private bool LookUp(ref MatchState state)
    {
        var anchor = false;
        if (state.TokenCount == 0)
        {
            return false;
        }

        state.SentenceSelected.AsSpan(0, state.TokenSentence[state.TokenCount - 1] + 1).Clear();
        for (var t = 0; t < state.TokenCount; t++)
        {
            var terms = state.TokenTerms.AsSpan(t * MatchState.TermsPerToken, MatchState.TermsPerToken);
            var count = _lexicon.Match(state.Normalized.AsSpan(state.TokenStart[t], state.TokenLength[t]), terms);
            state.TokenTermCount[t] = count;
            for (var k = 0; k < count; k++)
            {
                var crisis = _lexicon.IsAnchor(terms[k]);
                anchor |= crisis;
                if (crisis || _lexicon.IsSafeAnchor(terms[k]))
                {
                    state.SentenceSelected[state.TokenSentence[t]] = 1;
                }
            }
        }

        return anchor;
    }

    /// <summary>
    /// Drops the matches of rules whose <c>needs</c> rule matched nowhere in the message (session 28: a word of another
    /// sentence completes a rule, as the past attempt completes "this time I won't fail"; rules never cross sentences).
    /// </summary>
    private void DropUnmetNeeds(ref MatchState state)
    {
        if (!_lexicon.HasNeeds)
        {
            return;
        }

        // One bit a rule: which rules matched (linear in the matches; session 29, was a search per match).
        var rules = _lexicon.Rules;
        Span<ulong> matched = stackalloc ulong[(rules.Length + 63) >> 6];
        matched.Clear();
        for (var m = 0; m < state.MatchCount; m++)
        {
            var r = state.MatchRule[m];
            matched[r >> 6] |= 1UL << (r & 63);
        }

        var kept = 0;
        for (var m = 0; m < state.MatchCount; m++)
        {
            var needs = rules[state.MatchRule[m]].Needs;
            if (needs >= 0 && (matched[needs >> 6] & (1UL << (needs & 63))) == 0)
            {
                continue;
            }

            state.MatchRule[kept] = state.MatchRule[m];
            state.MatchStart[kept] = state.MatchStart[m];
            state.MatchEnd[kept] = state.MatchEnd[m];
            kept++;
        }

        state.MatchCount = kept;
    }

    private void FindMatches(ref MatchState state)
    {
        var lastEnd = state.LastEnd;
        var chainStart = state.ChainStart;
        var pendingSlot = state.PendingSlot;
        var pendingStart = state.PendingStart;
        for (var t = 0; t < state.TokenCount; t++)
        {
            var termCount = state.SentenceSelected[state.TokenSentence[t]] == 0 ? 0 : state.TokenTermCount[t];
            var terms = state.TokenTerms.AsSpan(t * MatchState.TermsPerToken, termCount);
            if (termCount == 0)
            {
                continue;
            }

            // Two phases: decide every slot this token fills from the state of earlier tokens only, then record them,
            // so that a word filling two slots of one rule cannot extend a chain it has just started.
            var pending = 0;
            for (var k = 0; k < termCount; k++)
            {
                foreach (var g in _lexicon.SlotsOfTerm(terms[k]))
                {
                    var ruleIndex = _lexicon.RuleOfSlot(g);
                    ref readonly var rule = ref _lexicon.Rules[ruleIndex];
                    var s = g - rule.FirstSlot;
                    int start;
                    if (s == 0)
                    {
                        start = t;
                    }
                    else
                    {
                        var previous = lastEnd[g - 1];
                        if (previous < 0 || t - previous - 1 > rule.Gap || state.TokenSentence[previous] != state.TokenSentence[t])
                        {
                            continue;
                        }

                        start = chainStart[g - 1];
                    }

                    if (s == rule.SlotCount - 1)
                    {
                        state.AddMatch(ruleIndex, start, t);
                    }
                    else if (pending < pendingSlot.Length)
                    {
                        pendingSlot[pending] = g;
                        pendingStart[pending++] = start;
                    }
                }
            }

            for (var k = 0; k < pending; k++)
            {
                lastEnd[pendingSlot[k]] = t;
                chainStart[pendingSlot[k]] = pendingStart[k];
            }
        }
    }

    /// <param name="state">The matches.</param>
    /// <param name="language">The language of the strongest counted rule.</param>
    /// <param name="cancelled">
    /// A bit per category (index into <see cref="CrisisLexicon.Categories"/>) whose matches were all cancelled by context,
    /// in every sentence of the text.
    /// </param>
    private GuardDetection Score(ref MatchState state, out string? language, out int cancelled)
    {
        language = null;
        cancelled = 0;
        var counted = 0;
        var rules = _lexicon.Rules;
        var hasCrisis = false;
        for (var m = 0; m < state.MatchCount; m++)
        {
            hasCrisis |= rules[state.MatchRule[m]].Kind == CrisisRuleKind.Crisis;
        }

        if (!hasCrisis)
        {
            return GuardDetection.None;
        }

        var safeLanguages = SafeLanguages(ref state);

        Span<double> strong = stackalloc double[CrisisLexicon.Categories.Length];
        Span<double> weak = stackalloc double[CrisisLexicon.Categories.Length];
        strong.Fill(1);
        weak.Fill(1);
        var best = -1f;
        for (var m = 0; m < state.MatchCount; m++)
        {
            ref readonly var rule = ref rules[state.MatchRule[m]];
            if (rule.Kind != CrisisRuleKind.Crisis)
            {
                continue;
            }

            if (IsCancelled(ref state, m, rule, safeLanguages))
            {
                cancelled |= 1 << rule.Category;
                continue;
            }

            counted |= 1 << rule.Category;

            if (rule.Weight * 100 >= StrongWeight)
            {
                strong[rule.Category] *= 1 - rule.Weight;
            }
            else
            {
                weak[rule.Category] *= 1 - rule.Weight;
            }

            if (rule.Weight > best)
            {
                best = rule.Weight;
                language = _lexicon.Languages[rule.Language];
            }
        }

        cancelled &= ~counted;
        if (cancelled != 0 && _contextGatesModel)
        {
            cancelled = CoveringCancellations(ref state, cancelled, safeLanguages);
        }

        var count = 0;
        Span<GuardFinding> findings = new GuardFinding[CrisisLexicon.Categories.Length];
        for (var c = 0; c < CrisisLexicon.Categories.Length; c++)
        {
            double score;
            if (strong[c] < 1)
            {
                score = 1 - (strong[c] * weak[c]);
            }
            else if (weak[c] < 1)
            {
                score = Math.Min(1 - weak[c], DefaultThreshold - 0.01);
            }
            else
            {
                continue;
            }

            findings[count++] = new GuardFinding(CrisisLexicon.Categories[c], Math.Round(Math.Clamp(score, 0, 0.999), 3));
        }

        return count == 0 ? GuardDetection.None : new GuardDetection(findings[..count].ToArray());
    }

    /// <summary>
    /// Whether the message is about the writer's own animal (an <c>owned</c> cue: "بقرتي", "my cow") and names no person
    /// (a <c>person</c> cue: "زوجتي", "طفلي", "أمي"). An animal or crop word alone is
    /// not enough (session 24 review: "كنت أطعم الدجاج وطفلي عنده حرارة عالية وبيتشنج" is a child's emergency told from
    /// the farm).
    /// </summary>
    private bool OwnAnimalOnly(ref MatchState state)
    {
        var owned = false;
        for (var m = 0; m < state.MatchCount; m++)
        {
            var kind = _lexicon.Rules[state.MatchRule[m]].Kind;
            if (kind == CrisisRuleKind.Person)
            {
                return false;
            }

            owned |= kind == CrisisRuleKind.Owned;
        }

        return owned;
    }

    /// <summary>
    /// Keeps, of the <paramref name="categories"/> whose rule matches were all cancelled by context, those whose
    /// cancelled matches stand in every sentence of the text. Context is read within a sentence, so a sentence without
    /// such a match may hold what the model saw ("He used to beat me but I am safe now. Today he is standing outside
    /// the building."): the model must stay free to escalate on it.
    /// </summary>
    private int CoveringCancellations(ref MatchState state, int categories, ulong safeLanguages)
    {
        var rules = _lexicon.Rules;
        var kept = 0;
        for (var c = 0; c < CrisisLexicon.Categories.Length; c++)
        {
            if ((categories & (1 << c)) == 0)
            {
                continue;
            }

            var covered = true;
            var sentence = -1;
            for (var t = 0; t < state.TokenCount && covered; t++)
            {
                if (state.TokenSentence[t] == sentence)
                {
                    continue;
                }

                sentence = state.TokenSentence[t];
                var found = false;
                for (var m = 0; m < state.MatchCount && !found; m++)
                {
                    ref readonly var rule = ref rules[state.MatchRule[m]];
                    found = rule.Kind == CrisisRuleKind.Crisis && rule.Category == c &&
                        state.TokenSentence[state.MatchStart[m]] == sentence && IsCancelled(ref state, m, rule, safeLanguages);
                }

                covered = found;
            }

            if (covered)
            {
                kept |= 1 << c;
            }
        }

        return kept;
    }

    /// <summary>
    /// The languages (a bit each) in which the writer says they are safe now; negated safety statements ("I don't feel
    /// safe") do not count.
    /// </summary>
    private ulong SafeLanguages(ref MatchState state)
    {
        var languages = 0UL;
        for (var m = 0; m < state.MatchCount; m++)
        {
            ref readonly var rule = ref _lexicon.Rules[state.MatchRule[m]];
            if (rule.Kind == CrisisRuleKind.Safe && !IsNegated(ref state, m))
            {
                languages |= 1UL << rule.Language;
            }
        }

        return languages;
    }

    /// <summary>
    /// Whether the message holds a real-risk cue (kind <c>risk</c>) in a language related to <paramref name="language"/>:
    /// it keeps a laugh idiom from cancelling (session 26, the mend).
    /// </summary>
    private bool HasRisk(ref MatchState state, int language)
    {
        var rules = _lexicon.Rules;
        for (var o = 0; o < state.MatchCount; o++)
        {
            ref readonly var other = ref rules[state.MatchRule[o]];
            if (other.Kind == CrisisRuleKind.Risk && (_lexicon.Related[language] & (1UL << other.Language)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether context cancels crisis match <paramref name="m"/>. Context rules count only in the crisis rule's own
    /// language (romanised Hindi "the" is not English "the").
    /// </summary>
    private bool IsCancelled(ref MatchState state, int m, in CrisisRule rule, ulong safeLanguages)
    {
        var start = state.MatchStart[m];
        var end = state.MatchEnd[m];
        var sentence = state.TokenSentence[start];
        if (IsNegated(ref state, m))
        {
            return true;
        }

        var rules = _lexicon.Rules;
        var clauses = Clauses(ref state, rule.Language);
        bool past = false, now = false;
        var last = end + PastWindow + _lexicon.MaxSpan;
        for (var o = FirstEndingAtOrAfter(ref state, start - PastWindow); o < state.MatchCount && state.MatchEnd[o] <= last; o++)
        {
            ref readonly var other = ref rules[state.MatchRule[o]];
            // Romanised Hindi borrows English words ("pregnant", "bleeding"): English animals and crops cancel its rules too.
            if ((_lexicon.Related[rule.Language] & (1UL << other.Language)) == 0
                && !(other.Kind == CrisisRuleKind.Animal && rule.Language == _hindi && other.Language == _english))
            {
                continue;
            }

            // A scoped cue cancels only the categories it is written for: a work idiom ("work … kill") never silences
            // a self-harm or child match in its clause ("after work I will kill myself").
            if (!other.MayCancel(rule.Category))
            {
                continue;
            }

            var oStart = state.MatchStart[o];
            var oEnd = state.MatchEnd[o];
            switch (other.Kind)
            {
                // An idiom is a fixed phrase: it does not run across punctuation ("er bringt mich um, 2 Mal hat er...").
                // It cancels an acute match too ("Avec cette chaleur je vais me tuer"); a work idiom is scoped to violence,
                // so "Après le travail je vais me tuer" escalates (session 24 review: the exception for idioms ending
                // with an acute match woke every heat, heels, exams and boss hyperbole).
                // It must share a word with the match: a crisis told inside its gap is none of its words ("Minha mãe bate em
                // mim e diz que vai me matar kkkk": the laugh idiom "mãe … matar … kkkk" cancels "vai me matar", not
                // "bate em mim"; session 26).
                // A laugh idiom ("Mum will kill me when she sees the kitchen lol") is an idiom the writer's real-risk cue in
                // the message undoes: a pregnancy, an injury, a weapon, "last time", being thrown out ("my mum will kill me
                // when she finds out I'm pregnant lol" escalates; session 26, the mend).
                case CrisisRuleKind.Idiom or CrisisRuleKind.Laugh when oStart <= end && oEnd >= start && state.TokenPhrase[oStart] == state.TokenPhrase[oEnd]
                    && SharesWord(ref state, Math.Max(start, oStart), Math.Min(end, oEnd), state.MatchRule[o])
                    && (other.Kind == CrisisRuleKind.Idiom || !HasRisk(ref state, rule.Language)):
                    return true;
                // Negated counter-speech is none: "he is not kidding, he will kill me". A one-word cue ("film", "news",
                // "joke") must frame the match: stand in its clause, or before it with only punctuation between ("In the film,
                // he kills her"); one in another clause is about something else ("he hit me and I saw the news").
                // A phrase cue ("contre la violence", "signs of") reaches only its own clause, or one next to it with
                // only punctuation between: "Je suis contre la violence mais il me frappe tous les jours" escalates
                // (session 26).
                case CrisisRuleKind.Counter when Near(ref state, sentence, start, end, oStart, oEnd, CounterWindow) && !IsNegated(ref state, o)
                    && (other.SlotCount > 1
                        ? PhraseReaches(ref state, clauses, rule.Language, start, end, oStart, oEnd)
                        : !InCompound(ref state, oStart) && CounterFrames(ref state, clauses, rule.Language, start, end, oStart)):
                    return true;
                // A joke word comments on what came before it ("My sister is going to kill me when she sees this, joke"):
                // after the match it needs no framing; before it, it must frame the match like a one-word counter cue
                // ("Everyone thinks it's a joke but I really want to die tonight" escalates); negated it is none ("he is
                // not kidding").
                // After the match it must be the writer's own retraction ("Je vais le tuer, je rigole", "…, just kidding"):
                // a joke word in a clause about others ("I want to die, everyone treats it like a joke") is no joke of
                // the writer's (session 25).
                case CrisisRuleKind.Joke when Near(ref state, sentence, start, end, oStart, oEnd, CounterWindow) && !IsNegated(ref state, o)
                    && (oStart > end ? IsRetraction(ref state, end, oStart, oEnd) : CounterFrames(ref state, clauses, rule.Language, start, end, oStart)):
                    return true;
                // An animal word inside the match is part of the crisis itself ("a dog bit my son"), not its subject.
                case CrisisRuleKind.Animal when rule.Category == 3 && Near(ref state, sentence, start, end, oStart, oEnd, CounterWindow)
                    && !(oStart >= start && oEnd <= end):
                    return true;
                // Arabic "صغير" right after a child word describes the child, not the writer's childhood ("طفل صغير وحده في
                // سيارة"; "لما كنت طفل صغير" stays past through the two-word cue "كنت … صغير"; session 27).
                case CrisisRuleKind.Past when Near(ref state, sentence, start, end, oStart, oEnd, PastWindow)
                    && !(oStart == oEnd && oStart > 0 && state.TokenPhrase[oStart - 1] == state.TokenPhrase[oStart]
                        && CrisisWords.IsSmallChild(state.Normalized.AsSpan(state.TokenStart[oStart - 1], state.TokenLength[oStart - 1]), state.Normalized.AsSpan(state.TokenStart[oStart], state.TokenLength[oStart])))
                    // A past word inside an acute match that fills one of its slots is the rule's own ("زي المرة اللي فاتت":
                    // the injury of the last time, told to say the danger is now; session 27).
                    && !(rule.Acute && oStart > start && oEnd < end && SharesWord(ref state, oStart, oEnd, state.MatchRule[m]))
                    && (rule.Category != SelfHarm || PastGovernsSelfHarm(ref state, rule, clauses, start, end, oStart)):
                    past = true;
                    break;
                // A present-time cue counts before or inside the match, or just after it in the same clause ("he hits me
                // again"); one further on starts another statement ("…my father beat us, now I want to be a better parent").
                case CrisisRuleKind.Now when Near(ref state, sentence, start, end, oStart, oEnd, PastWindow)
                    && (oStart <= end || (oStart == end + 1 && clauses[oStart] == clauses[end]))
                    && !InsideSafe(ref state, oStart, oEnd):
                    now = true;
                    break;
                // "…I want to die when I think about what he did years ago": the past belongs to the "when" clause.
                case CrisisRuleKind.NowAfter when oStart == end + 1 && clauses[oStart] == clauses[end]:
                    now = true;
                    break;
                default:
                    break;
            }
        }

        // A past attempt told to announce a new one ("…y hoy lo voy a volver a intentar"), or past violence followed by a
        // new attack ("…I thought it was over, but last night he did it again"): the past cue does not cancel it.
        // "This time" inside a self-harm match ("…hab ich's versucht, diesmal mach ich's richtig", "هالمرة ما رح أغلط")
        // announces the new attempt the past was told for: an `again` cue within the match undoes the past (session 29).
        if (past && !now && rule.Category == SelfHarm && AgainInside(ref state, rule, start, end))
        {
            return false;
        }

        if (past && !now && rule.Category is SelfHarm or Violence or Child
            && RepeatedLater(ref state, rule, clauses, end, rule.Category == SelfHarm ? CrisisRuleKind.Again : CrisisRuleKind.Repeat))
        {
            return false;
        }

        return !now && (past || ((safeLanguages & _lexicon.Related[rule.Language]) != 0 && !rule.Acute && rule.Category == Violence));
    }

    /// <summary>
    /// Whether a one-word counter cue at token <paramref name="cue"/> frames the match <paramref name="start"/>..<paramref name="end"/>:
    /// it stands in one of the match's clauses, or before them in the same sentence with only punctuation between the
    /// clauses (no "and"/"but") and no crisis match in the clauses from the cue's to the match's ("In the novel, the
    /// character kills himself", "Nachrichten: Polizei nimmt Mann fest, der seine Nachbarn bedroht hat"). A cue after
    /// the match, or joined to it by a conjunction, speaks of something else ("he beat me and then watched the news",
    /// "my husband hits me, I saw a documentary about it").
    /// </summary>
    private bool CounterFrames(ref MatchState state, int[] clauses, int language, int start, int end, int cue)
    {
        var cueClause = clauses[cue];
        if (cueClause >= clauses[start] && cueClause <= clauses[end])
        {
            return true;
        }

        if (cueClause > clauses[start])
        {
            return false;
        }

        // A cue in a clause of its own does not frame a match whose clause is the writer's own present: a first-person
        // possessive ("Actualités : mon mari vient de me poignarder"), a person word (Arabic "زوجي"), or "just
        // happened" ("vient de", "acaba de", "just", "gerade") (session 25).
        if (OwnOrRecent(ref state, clauses, language, start, end))
        {
            return false;
        }

        // Every clause boundary from the cue to the match is punctuation, not a conjunction (nor punctuation and then a
        // conjunction: "Le journal parle de violences, et moi mon mari me bat").
        if (!OnlyPunctuationBetween(ref state, clauses, language, cue + 1, start))
        {
            return false;
        }

        // Only a crisis match that ends before this one can tell a story of its own between the cue and the match: one
        // running on into the match ("elle dit : je vais me tuer" beside "je vais me tuer") is the same statement. The
        // walk starts at the cue's clause and stops at the match (matches are ordered by their end): linear per call,
        // not over every match of the text (session 24 review: 700 KB of "film, he will kill me." took 27 s).
        for (var m = FirstEndingAtOrAfter(ref state, FirstTokenOfClause(ref state, clauses, cueClause)); m < state.MatchCount && state.MatchEnd[m] < start; m++)
        {
            var clause = clauses[state.MatchStart[m]];
            if (_lexicon.Rules[state.MatchRule[m]].Kind == CrisisRuleKind.Crisis && clause >= cueClause && clause < clauses[start])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the one-word counter cue at token <paramref name="cue"/> is part of a compound that is no counter-speech
    /// ("report card", "par rapport", "letzte Nachricht", <see cref="CrisisWords.IsCompound"/>): its neighbour in the
    /// same punctuation segment, skipping one article ("perdió la conciencia"; session 27).
    /// </summary>
    private static bool InCompound(ref MatchState state, int cue)
    {
        var phrase = state.TokenPhrase[cue];
        var previous = Neighbour(ref state, cue, -1, phrase);
        var next = Neighbour(ref state, cue, 1, phrase);
        return CrisisWords.IsCompound(previous, state.Normalized.AsSpan(state.TokenStart[cue], state.TokenLength[cue]), next);
    }

    /// <summary>The token <paramref name="step"/> away from <paramref name="cue"/> in its segment, one article skipped before it.</summary>
    private static ReadOnlySpan<char> Neighbour(ref MatchState state, int cue, int step, int phrase)
    {
        var t = cue + step;
        if (t < 0 || t >= state.TokenCount || state.TokenPhrase[t] != phrase)
        {
            return default;
        }

        var token = state.Normalized.AsSpan(state.TokenStart[t], state.TokenLength[t]);
        var further = t + step;
        return step < 0 && CrisisWords.IsArticle(token) && further >= 0 && state.TokenPhrase[further] == phrase
            ? state.Normalized.AsSpan(state.TokenStart[further], state.TokenLength[further])
            : token;
    }

    /// <summary>
    /// Whether a token from <paramref name="from"/> to <paramref name="to"/> fills a slot of rule <paramref name="rule"/>
    /// (an idiom's own words, not a word in one of its gaps).
    /// </summary>
    private bool SharesWord(ref MatchState state, int from, int to, int rule)
    {
        for (var t = from; t <= to; t++)
        {
            foreach (var term in state.TokenTerms.AsSpan(t * MatchState.TermsPerToken, state.TokenTermCount[t]))
            {
                foreach (var slot in _lexicon.SlotsOfTerm(term))
                {
                    if (_lexicon.RuleOfSlot(slot) == rule)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a phrase counter cue at <paramref name="cue"/>..<paramref name="cueEnd"/> reaches the match
    /// <paramref name="start"/>..<paramref name="end"/>: it shares a clause with it, or stands in a clause next to it with
    /// only punctuation between (no "but"/"and"/"mais"/"pero"/"aber"/"لكن", nor punctuation and then one; from before the
    /// match, no comma either, <see cref="CommaBetween"/>, session 27; after it, "…, diz a campanha" still frames it, the
    /// writer's "I'm against violence" does not) and the
    /// match is not the writer's own present (<see cref="OwnOrRecent"/>: "Campagne contre la violence : mon mari me frappe").
    /// Before session 26 a phrase cue cancelled any match within eight words of its sentence: "Je suis contre la violence
    /// mais il me frappe tous les jours" was silenced.
    /// </summary>
    private bool PhraseReaches(ref MatchState state, int[] clauses, int language, int start, int end, int cue, int cueEnd)
    {
        if (clauses[cueEnd] >= clauses[start] && clauses[cue] <= clauses[end])
        {
            return true;
        }

        var (from, to) = cueEnd < start ? (cueEnd + 1, start) : (end + 1, cue);
        return OnlyPunctuationBetween(ref state, clauses, language, from, to)
            && !(CommaBetween(ref state, from, to) && (cueEnd < start || StanceBefore(ref state, cue)))
            && !OwnOrRecent(ref state, clauses, language, start, end);
    }

    /// <summary>
    /// Whether one of the two tokens before the phrase cue at <paramref name="cue"/>, in its segment, is the writer's "I
    /// (am)" (<see cref="CrisisWords.IsStance"/>): "he choked me, I'm against violence but I can't leave him" is the
    /// writer's stance after their own crisis, not a campaign's caption ("…, diz a campanha"; session 27).
    /// </summary>
    private static bool StanceBefore(ref MatchState state, int cue)
    {
        for (var t = cue - 1; t >= 0 && t >= cue - 2 && state.TokenPhrase[t] == state.TokenPhrase[cue]; t--)
        {
            if (CrisisWords.IsStance(state.Normalized.AsSpan(state.TokenStart[t], state.TokenLength[t])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a comma stands between tokens <paramref name="from"/> - 1 and <paramref name="to"/>. A phrase counter cue
    /// before a match does not reach across one: the comma splice "I'm against violence, he hits me every day" is two
    /// statements, not a heading and its example ("Campaign against violence: …"; session 27). After the match, only the
    /// writer's stance is kept from reaching (<see cref="StanceBefore"/>).
    /// </summary>
    private static bool CommaBetween(ref MatchState state, int from, int to)
    {
        for (var t = from; t <= to; t++)
        {
            if ((state.TokenConjunction[t] & CommaBit) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether every clause boundary at tokens <paramref name="from"/>..<paramref name="to"/> is punctuation, not a
    /// conjunction of <paramref name="language"/>'s reading, nor punctuation and then such a conjunction.
    /// </summary>
    private bool OnlyPunctuationBetween(ref MatchState state, int[] clauses, int language, int from, int to)
    {
        var conjunctions = SplitMask(_conjunctionBits[language]);
        for (var t = from; t <= to; t++)
        {
            if (clauses[t] != clauses[t - 1] && (state.TokenPhrase[t] == state.TokenPhrase[t - 1] || (ConjunctionLanguages(state.Normalized.AsSpan(state.TokenStart[t], state.TokenLength[t])) & conjunctions) != 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the match <paramref name="start"/>..<paramref name="end"/> holds, or is closely preceded in its clause by, a
    /// first-person possessive of the match's language ("my", "mon", "mi", "meu", "mein", "wangu", "mera"; at most
    /// <see cref="OwnReach"/> words before it) or a "just happened" cue ("just", "vient de", "acaba de", "acabou de",
    /// "gerade"; at most <see cref="RecentReach"/> words before it), or its clauses hold a person word (lexicon kind
    /// <c>person</c>, Arabic "زوجي"). The words are looked for near the match only (session 25 review: "Film: just
    /// watched a man beat his wife", "Documentary: my thoughts on why people kill themselves" were read as the writer's own).
    /// </summary>
    private bool OwnOrRecent(ref MatchState state, int[] clauses, int language, int start, int end)
    {
        var first = FirstTokenOfClause(ref state, clauses, clauses[start]);
        var after = FirstTokenOfClause(ref state, clauses, clauses[end] + 1);
        var code = _lexicon.Languages[language];
        for (var t = Math.Max(first, start - OwnReach); t <= end; t++)
        {
            var token = state.Normalized.AsSpan(state.TokenStart[t], state.TokenLength[t]);
            var next = t + 1 < after ? state.Normalized.AsSpan(state.TokenStart[t + 1], state.TokenLength[t + 1]) : default;
            if (CrisisWords.IsOwn(code, token) || (t >= start - RecentReach && CrisisWords.IsRecent(token, next)))
            {
                return true;
            }
        }

        for (var m = FirstEndingAtOrAfter(ref state, first); m < state.MatchCount && state.MatchStart[m] < after; m++)
        {
            if (_lexicon.Rules[state.MatchRule[m]].Kind == CrisisRuleKind.Person && state.MatchStart[m] >= first)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a joke word at <paramref name="cue"/>..<paramref name="cueEnd"/>, after a match ending at
    /// <paramref name="end"/>, is the writer's own retraction: the rest of its clause is only small words of a retraction
    /// ("je", "c'est une", "just", "I'm", "é só", "ni … tu", "kar raha hoon"), at most four before it. Its stretch is
    /// bounded by punctuation, not by conjunctions: pt "é" (is) reads as "e" (and), which would cut "acham que é piada"
    /// (they think it is a joke) down to "é piada".
    /// </summary>
    private static bool IsRetraction(ref MatchState state, int end, int cue, int cueEnd)
    {
        var phrase = state.TokenPhrase[cue];
        var before = 0;
        for (var t = cue - 1; t > end && state.TokenPhrase[t] == phrase; t--)
        {
            if (++before > 4 || !CrisisWords.IsRetractionWord(state.Normalized.AsSpan(state.TokenStart[t], state.TokenLength[t])))
            {
                return false;
            }
        }

        for (var t = cueEnd + 1; t < state.TokenCount && state.TokenPhrase[t] == phrase; t++)
        {
            if (!CrisisWords.IsRetractionWord(state.Normalized.AsSpan(state.TokenStart[t], state.TokenLength[t])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a "this time" <c>again</c> cue (weight above 0) of <paramref name="rule"/>'s related languages overlaps the match
    /// <paramref name="start"/>..<paramref name="end"/>.
    /// </summary>
    private bool AgainInside(ref MatchState state, in CrisisRule rule, int start, int end)
    {
        var last = end + _lexicon.MaxSpan;
        for (var o = FirstEndingAtOrAfter(ref state, start); o < state.MatchCount && state.MatchEnd[o] <= last; o++)
        {
            ref readonly var cue = ref _lexicon.Rules[state.MatchRule[o]];
            // Only a "this time" cue (an `again` line of weight above 0: "diesmal", "هالمرة") reads so: the older again cues
            // ("en again … going|gonna|will … end it") sit inside most self-harm matches and woke past recovery stories
            // ("Last year I was going to end it, but therapy helped"; session 29 review, finding 4).
            if (cue.Kind == CrisisRuleKind.Again && cue.Weight > 0 && state.MatchStart[o] <= end
                && (_lexicon.Related[rule.Language] & (1UL << cue.Language)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a cue of <paramref name="kind"/> follows the match ending at <paramref name="end"/>: for self-harm a repeat
    /// announced now ("I will try again", "lo voy a volver a intentar"), for violence a new attack ("last night he did it
    /// again"); in a later clause of its sentence, or early in the next sentence: the past attempt is told to
    /// announce a new one ("Hace años intenté suicidarme y hoy lo voy a volver a intentar").
    /// </summary>
    private bool RepeatedLater(ref MatchState state, in CrisisRule rule, int[] clauses, int end, CrisisRuleKind kind)
    {
        var sentence = state.TokenSentence[end];
        var window = kind == CrisisRuleKind.Repeat ? RepeatWindow : PastWindow;
        var last = end + window + _lexicon.MaxSpan;
        for (var o = FirstEndingAtOrAfter(ref state, end + 1); o < state.MatchCount && state.MatchEnd[o] <= last; o++)
        {
            var oStart = state.MatchStart[o];
            ref readonly var cue = ref _lexicon.Rules[state.MatchRule[o]];
            if (cue.Kind != kind || oStart <= end || oStart - end > window
                || (_lexicon.Related[rule.Language] & (1UL << cue.Language)) == 0)
            {
                continue;
            }

            // A new attack may come a sentence later ("He beat me years ago. I thought it was over. Last night he did it again").
            var cueSentence = state.TokenSentence[oStart];
            if (cueSentence == sentence ? clauses[oStart] > clauses[end] : kind == CrisisRuleKind.Repeat || NextSentence(ref state, end, oStart))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the token <paramref name="later"/> is in the sentence right after that of <paramref name="token"/>.</summary>
    private static bool NextSentence(ref MatchState state, int token, int later)
    {
        var t = token;
        while (t < later && state.TokenSentence[t] == state.TokenSentence[token])
        {
            t++;
        }

        return state.TokenSentence[t] == state.TokenSentence[later];
    }

    /// <summary>
    /// Whether a past cue starting at token <paramref name="cue"/> governs the self-harm match
    /// <paramref name="start"/>..<paramref name="end"/>: it stands in the match's clause, or in a clause of its own
    /// without any crisis match right next to the match's clause, with only punctuation between ("When I was fifteen, I
    /// tried to…"). A past cue attached to another verb ("my dad beat me when I was a kid and I want to die") does not.
    /// </summary>
    private bool PastGovernsSelfHarm(ref MatchState state, in CrisisRule rule, int[] clauses, int start, int end, int cue)
    {
        var cueClause = clauses[cue];
        if (cueClause == clauses[start] || cueClause == clauses[end])
        {
            return true;
        }

        // A one-word match right after a conjunction is a coordinated noun ("wegen Magersucht und Selbstverletzung"),
        // not a clause of its own: it belongs to the clause before the conjunction.
        if (rule.SlotCount == 1 && cue < start && start >= 2 && clauses[start - 2] == cueClause
            && clauses[start - 1] == clauses[start] && clauses[start - 2] != clauses[start - 1]
            && state.TokenPhrase[start - 2] == state.TokenPhrase[start])
        {
            return true;
        }

        var near = cue < start ? start : end;
        if (Math.Abs(state.TokenPhrase[near] - state.TokenPhrase[cue]) != 1 || Math.Abs(clauses[near] - cueClause) != 1)
        {
            return false; // not the next clause, or a conjunction between
        }

        // Only matches that can reach the cue's clause: they end at or after its first token and start at or before its
        // last, so they end at most MaxSpan tokens after it (matches are in order of their end; clause ids never decrease
        // along the tokens). A scan of every match here made long texts quadratic.
        var clauseEnd = FirstTokenOfClause(ref state, clauses, cueClause + 1);
        var last = clauseEnd - 1 + _lexicon.MaxSpan;
        for (var m = FirstEndingAtOrAfter(ref state, FirstTokenOfClause(ref state, clauses, cueClause)); m < state.MatchCount && state.MatchEnd[m] <= last; m++)
        {
            if (_lexicon.Rules[state.MatchRule[m]].Kind == CrisisRuleKind.Crisis
                && clauses[state.MatchStart[m]] <= cueClause && clauses[state.MatchEnd[m]] >= cueClause)
            {
                return false; // the cue's clause tells a story of its own
            }
        }

        return true;
    }

    private static bool Near(ref MatchState state, int sentence, int start, int end, int oStart, int oEnd, int window) =>
        state.TokenSentence[oStart] == sentence && oStart - end <= window && start - oEnd <= window;

    /// <summary>The first match whose last token is at or after <paramref name="token"/> (matches are in order of their end).</summary>
    private static int FirstEndingAtOrAfter(ref MatchState state, int token) => LowerBound(state.MatchEnd.AsSpan(0, state.MatchCount), token);

    /// <summary>The first token whose clause is <paramref name="clause"/> or later (<c>TokenCount</c> when none).</summary>
    private static int FirstTokenOfClause(ref MatchState state, int[] clauses, int clause) => LowerBound(clauses.AsSpan(0, state.TokenCount), clause);

    /// <summary>
    /// The clause of every token as read in lexicon language <paramref name="language"/>: clauses end at punctuation and
    /// before a conjunction of any language, except the words that mean something else in that language (see
    /// <see cref="IsConjunction"/>). Computed once per call and language family.
    /// </summary>
    private int[] Clauses(ref MatchState state, int language)
    {
        var languageBit = _conjunctionBits[language];
        var slot = languageBit == 0 ? 0 : System.Numerics.BitOperations.TrailingZeroCount(languageBit) + 1;
        var bit = SplitMask(languageBit);
        if (state.Clauses is null)
        {
            state.Clauses = ArrayPool<int[]>.Shared.Rent(ConjunctionLanguageCount + 1);
            state.Clauses.AsSpan(0, ConjunctionLanguageCount + 1).Clear();
        }

        if (state.Clauses[slot] is { } known)
        {
            return known;
        }

        var clauses = ArrayPool<int>.Shared.Rent(Math.Max(1, state.TokenCount));
        var clause = 0;
        for (var t = 0; t < state.TokenCount; t++)
        {
            if (t > 0 && (state.TokenPhrase[t] != state.TokenPhrase[t - 1] || (state.TokenConjunction[t] & bit) != 0))
            {
                clause++;
            }

            clauses[t] = clause;
        }

        return state.Clauses[slot] = clauses;
    }

    /// <summary>The first index of <paramref name="sorted"/> (ascending) whose value is at least <paramref name="value"/>.</summary>
    private static int LowerBound(ReadOnlySpan<int> sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private bool InsideSafe(ref MatchState state, int start, int end)
    {
        var last = end + _lexicon.MaxSpan;
        for (var o = FirstEndingAtOrAfter(ref state, end); o < state.MatchCount && state.MatchEnd[o] <= last; o++)
        {
            if (_lexicon.Rules[state.MatchRule[o]].Kind == CrisisRuleKind.Safe && state.MatchStart[o] <= start && state.MatchEnd[o] >= end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a negation cue of the same language cancels match <paramref name="m"/>: just before it in the same clause,
    /// inside it (when the rule has no negation word of its own), or, for cues that follow the verb, just after it.
    /// </summary>
    private bool IsNegated(ref MatchState state, int m)
    {
        var rules = _lexicon.Rules;
        ref readonly var rule = ref rules[state.MatchRule[m]];
        var start = state.MatchStart[m];
        var end = state.MatchEnd[m];
        var clauses = Clauses(ref state, rule.Language);
        var clause = clauses[start];
        var last = end + 2 + _lexicon.MaxSpan;
        for (var o = FirstEndingAtOrAfter(ref state, start - 10); o < state.MatchCount && state.MatchEnd[o] <= last; o++)
        {
            ref readonly var cue = ref rules[state.MatchRule[o]];
            if ((_lexicon.Related[rule.Language] & (1UL << cue.Language)) == 0 || !cue.MayCancel(rule.Category))
            {
                continue;
            }

            var oStart = state.MatchStart[o];
            var oEnd = state.MatchEnd[o];
            if (cue.Kind == CrisisRuleKind.Negation)
            {
                if (!rule.HasNegationWord && oEnd < start && start - oEnd - 1 <= cue.Gap && clauses[oEnd] == clause)
                {
                    return true;
                }

                // Inside the match, or overlapping its start ("sina mawazo" before "mawazo ya kujiua"). A word inside that
                // fills one of the rule's own slots is the rule's, not a negation of a related language: pt "no" (em + o)
                // of "trancado no carro" is es "no" (session 26, the mend).
                if (!rule.HasNegationWord && ((oStart > start && oEnd < end && !SharesWord(ref state, oStart, oEnd, state.MatchRule[m]))
                    || (oStart < start && oEnd >= start && oEnd < end && clauses[oStart] == clause)))
                {
                    return true;
                }
            }
            else if (cue.Kind == CrisisRuleKind.NegationAfter && oStart > end && oStart - end - 1 <= cue.Gap && clauses[oStart] == clause)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Per-call buffers, rented from the shared pools.</summary>
    private struct MatchState
    {
        public char[] Normalized;
        public int NormalizedLength;
        public int[] TokenStart;
        public int[] TokenLength;
        public int[] TokenSentence;
        public int[] TokenConjunction;
        public int[] TokenPhrase;
        public int[] TokenTermCount;
        public int[] TokenTerms;
        public int[] SentenceSelected;
        public int TokenCount;
        public int[] LastEnd;
        public int[] ChainStart;
        public int[] PendingSlot;
        public int[] PendingStart;
        public int[] MatchRule;
        public int[] MatchStart;
        public int[] MatchEnd;
        public int MatchCount;
        public int[][]? Clauses; // per conjunction language, computed on demand (CrisisDetector.Clauses)

        public const int TermsPerToken = 8;

        public MatchState(int textLength)
        {
            Normalized = ArrayPool<char>.Shared.Rent(Math.Max(16, textLength));
            var maxTokens = (textLength / 2) + 2;
            TokenStart = ArrayPool<int>.Shared.Rent(maxTokens);
            TokenLength = ArrayPool<int>.Shared.Rent(maxTokens);
            TokenSentence = ArrayPool<int>.Shared.Rent(maxTokens);
            TokenConjunction = ArrayPool<int>.Shared.Rent(maxTokens);
            TokenPhrase = ArrayPool<int>.Shared.Rent(maxTokens);
            TokenTermCount = ArrayPool<int>.Shared.Rent(maxTokens);
            TokenTerms = ArrayPool<int>.Shared.Rent(maxTokens * TermsPerToken);
            SentenceSelected = ArrayPool<int>.Shared.Rent(textLength + 2); // sentence ids count boundary characters
            LastEnd = [];
            ChainStart = [];
            PendingSlot = [];
            PendingStart = [];
            MatchRule = [];
            MatchStart = [];
            MatchEnd = [];
        }

        public void StartMatching(int slotCount)
        {
            LastEnd = ArrayPool<int>.Shared.Rent(slotCount);
            ChainStart = ArrayPool<int>.Shared.Rent(slotCount);
            LastEnd.AsSpan(0, slotCount).Fill(-1);
            PendingSlot = ArrayPool<int>.Shared.Rent(slotCount);
            PendingStart = ArrayPool<int>.Shared.Rent(slotCount);
            MatchRule = ArrayPool<int>.Shared.Rent(64);
            MatchStart = ArrayPool<int>.Shared.Rent(64);
            MatchEnd = ArrayPool<int>.Shared.Rent(64);
        }

        public void AddToken(int start, int length, int sentence, int conjunction, int phrase)
        {
            TokenPhrase[TokenCount] = phrase;
            TokenStart[TokenCount] = start;
            TokenLength[TokenCount] = length;
            TokenSentence[TokenCount] = sentence;
            TokenConjunction[TokenCount] = conjunction;
            TokenCount++;
        }

        public void AddMatch(int rule, int start, int end)
        {
            if (MatchCount == MatchRule.Length)
            {
                Grow(ref MatchRule);
                Grow(ref MatchStart);
                Grow(ref MatchEnd);
            }

            MatchRule[MatchCount] = rule;
            MatchStart[MatchCount] = start;
            MatchEnd[MatchCount] = end;
            MatchCount++;
        }

        public readonly void Return()
        {
            if (Clauses is not null)
            {
                foreach (var clauses in Clauses.AsSpan(0, ConjunctionLanguageCount + 1))
                {
                    if (clauses is not null)
                    {
                        ArrayPool<int>.Shared.Return(clauses);
                    }
                }

                ArrayPool<int[]>.Shared.Return(Clauses, clearArray: true);
            }

            ArrayPool<char>.Shared.Return(Normalized);
            foreach (var array in (ReadOnlySpan<int[]>)[TokenStart, TokenLength, TokenSentence, TokenConjunction, TokenPhrase, TokenTermCount, TokenTerms, SentenceSelected])
            {
                ArrayPool<int>.Shared.Return(array);
            }

            if (LastEnd.Length > 0)
            {
                foreach (var array in (ReadOnlySpan<int[]>)[LastEnd, ChainStart, PendingSlot, PendingStart, MatchRule, MatchStart, MatchEnd])
                {
                    ArrayPool<int>.Shared.Return(array);
                }
            }
        }

        private static void Grow(ref int[] array)
        {
            var bigger = ArrayPool<int>.Shared.Rent(array.Length * 2);
            array.AsSpan().CopyTo(bigger);
            ArrayPool<int>.Shared.Return(array);
            array = bigger;
        }
    }
}
