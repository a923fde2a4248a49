using System;
using System.Buffers;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The hate and harassment model of the output-safety detector: a <see cref="LinearTextModel"/> (classes
/// <c>non-hateful</c>, <c>hateful</c>) trained on the TRAIN half of Multilingual HateCheck and our own English cases
/// (training code: benchmarks/Nonprofit.Evaluation/Guards/OutputSafetyTraining.cs; data and licence: docs/guards.md),
/// embedded as <c>Models/output-hate.nplt</c>. A reply scores the highest probability of any of its sentences, so one
/// hateful sentence is not diluted by a long benign reply. A sentence that quotes (between quotation marks) and says
/// something of its own around the quote scores the lower of the whole sentence and the sentence without the quote:
/// reported speech ("he said “…”, and that is abuse") is how survivors and counter-speech quote abuse, so the guard
/// leans towards letting it through. Thread-safe and allocation-free per call.
/// </summary>
/// <remarks>
/// Scoring reads one weight per feature: for the two classes the softmax equals the logistic function of the
/// difference of their logits, so the model keeps <c>w[hateful] - w[non-hateful]</c> per bucket (a 2^16-bucket model:
/// 256 KB, which stays in the cache, against two 2^18-float rows before).
/// </remarks>
internal sealed class HateSpeechModel
{
    public const string FileName = "output-hate.nplt";
    public const string HatefulLabel = "hateful";
    public const string NonHatefulLabel = "non-hateful";

    private const int StackLimit = 1024;
    private const int MinFramingWords = 2;

    private static readonly SearchValues<char> s_quoteMarks = SearchValues.Create("\"“”„‟«»「」『』‹›");

    /// <summary>Whether the embedded model was trained on Devanagari transliterated to Latin (<see cref="DevanagariTransliteration"/>).</summary>
    public const bool EmbeddedTransliteratesDevanagari = false;

    /// <summary>
    /// Whether the embedded model was trained with group mentions replaced by a placeholder (<see cref="HateSpeechIdentities"/>).
    /// On since session 26 (its candidate S3 met the selection rule fixed in advance: docs/guards.md, output safety,
    /// "Session 26"; benchmarks/Nonprofit.Evaluation/Guards/OutputHateSelection.md).
    /// </summary>
    public const bool EmbeddedAbstractsIdentities = true;

    private static readonly Lazy<HateSpeechModel> s_default = new(() => new HateSpeechModel(LinearTextModel.LoadEmbedded(FileName), EmbeddedTransliteratesDevanagari, EmbeddedAbstractsIdentities));

    private readonly IHateScorer _scorer; // the linear model's, or (evaluation only) a model of another class
    private readonly bool _transliterate;
    private readonly bool _abstractIdentities;

    /// <summary>A model; <paramref name="transliterateDevanagari"/> and <paramref name="abstractIdentities"/> must say how it was trained.</summary>
    public HateSpeechModel(LinearTextModel model, bool transliterateDevanagari = false, bool abstractIdentities = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.ClassCount != 2)
        {
            throw new ArgumentException("The hate model has exactly two classes.", nameof(model));
        }

        _scorer = new LinearScorer(model);
        _transliterate = transliterateDevanagari;
        _abstractIdentities = abstractIdentities;
    }

    /// <summary>
    /// A model of another class read through <see cref="IHateScorer"/> (the evaluation harness's network, which does not
    /// ship) with the same sentence, quote, transliteration and group-placeholder handling; <paramref name="transliterateDevanagari"/>
    /// and <paramref name="abstractIdentities"/> must say how it was trained.
    /// </summary>
    public HateSpeechModel(IHateScorer scorer, bool transliterateDevanagari = false, bool abstractIdentities = false)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        _scorer = scorer;
        _transliterate = transliterateDevanagari;
        _abstractIdentities = abstractIdentities;
    }

    /// <summary>The embedded model, loaded on first use.</summary>
    public static HateSpeechModel Default => s_default.Value;

    /// <summary>The features the embedded model was trained with.</summary>
    public static TextFeaturizer CreateFeaturizer() => new(bucketBits: 16, minCharN: 2, maxCharN: 5, words: true, wordBigrams: true);

    /// <summary>The probability that the text is hateful: the highest over its sentences.</summary>
    public double Score(ReadOnlySpan<char> text) => Score(text, 0);

    /// <summary>
    /// The highest probability over the sentences of <paramref name="text"/>; a sentence whose score is under
    /// <paramref name="decisive"/> is not scored a second time without its quotes (that could only lower it), so a caller
    /// that compares the result with a threshold gets the same decision for less work.
    /// </summary>
    public double Score(ReadOnlySpan<char> text, double decisive)
    {
        var best = 0.0;
        while (!text.IsEmpty)
        {
            var length = SentenceBoundaries.First(text);
            best = Math.Max(best, SentenceScore(text[..length], decisive));
            text = text[length..];
        }

        return best;
    }

    /// <summary>The probability that one sentence is hateful, quotes taken into account (see the class remarks).</summary>
    public double SentenceScore(ReadOnlySpan<char> sentence) => SentenceScore(sentence, 0);

    private double SentenceScore(ReadOnlySpan<char> sentence, double decisive)
    {
        var score = RawScore(sentence);
        if (score == 0 || score < decisive || sentence.IndexOfAny(s_quoteMarks) < 0)
        {
            return score;
        }

        char[]? rented = null;
        var buffer = sentence.Length <= StackLimit ? stackalloc char[sentence.Length] : (rented = ArrayPool<char>.Shared.Rent(sentence.Length));
        try
        {
            var length = WithoutQuotes(sentence, buffer, out var words);
            return words >= MinFramingWords ? Math.Min(score, RawScore(buffer[..length])) : score;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Copies <paramref name="sentence"/> without its quoted spans; counts the words left.</summary>
    private static int WithoutQuotes(ReadOnlySpan<char> sentence, Span<char> destination, out int words)
    {
        var length = 0;
        var quoted = false;
        var inWord = false;
        words = 0;
        foreach (var c in sentence)
        {
            if (s_quoteMarks.Contains(c))
            {
                quoted = c switch
                {
                    '“' or '„' or '‟' or '«' or '「' or '『' or '‹' => true,
                    '”' or '»' or '」' or '』' or '›' => false,
                    _ => !quoted,
                };
                destination[length++] = ' ';
                inWord = false;
                continue;
            }

            if (quoted)
            {
                continue;
            }

            destination[length++] = c;
            var letter = char.IsLetter(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return length;
    }

    private double RawScore(ReadOnlySpan<char> sentence)
    {
        if (_transliterate && DevanagariTransliteration.Contains(sentence))
        {
            return TransliteratedScore(sentence);
        }

        char[]? rented = null;
        var buffer = sentence.Length <= StackLimit ? stackalloc char[sentence.Length] : (rented = ArrayPool<char>.Shared.Rent(sentence.Length));
        try
        {
            var length = GuardText.Normalize(sentence, buffer);
            if (_abstractIdentities)
            {
                length = HateSpeechIdentities.Abstract(buffer[..length]);
            }

            return length == 0 ? 0 : _scorer.Probability(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Scores the sentence transliterated to Latin (no Devanagari is left, so this does not recurse again).</summary>
    private double TransliteratedScore(ReadOnlySpan<char> sentence)
    {
        var size = sentence.Length * DevanagariTransliteration.MaxExpansion;
        char[]? rented = null;
        var buffer = size <= StackLimit ? stackalloc char[size] : (rented = ArrayPool<char>.Shared.Rent(size));
        try
        {
            return RawScore(buffer[..DevanagariTransliteration.Transliterate(sentence, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The linear model's score: one weight per feature, <c>w[hateful] - w[non-hateful]</c> (for two classes the softmax is
    /// the logistic function of the difference of their logits; see the class remarks).
    /// </summary>
    private sealed class LinearScorer : IHateScorer
    {
        private readonly TextFeaturizer _featurizer;
        private readonly float[] _delta; // per bucket: weight of hateful minus weight of non-hateful
        private readonly float _biasDelta;

        public LinearScorer(LinearTextModel model)
        {
            var hateful = model.IndexOf(HatefulLabel);
            var other = model.IndexOf(NonHatefulLabel);
            _featurizer = model.Featurizer;
            var weights = model.Weights;
            _delta = new float[_featurizer.BucketCount];
            for (var b = 0; b < _delta.Length; b++)
            {
                _delta[b] = weights[(b * 2) + hateful] - weights[(b * 2) + other];
            }

            _biasDelta = model.Bias[hateful] - model.Bias[other];
        }

        public double Probability(ReadOnlySpan<char> normalized)
        {
            var sum = new DeltaSum(_delta);
            var count = _featurizer.Visit(normalized, ref sum);
            return count == 0 ? 0 : 1 / (1 + Math.Exp(-((sum.Total / MathF.Sqrt(count)) + _biasDelta)));
        }
    }

    /// <summary>Sums the per-bucket weight differences of a text's features.</summary>
    private struct DeltaSum(float[] delta) : IFeatureVisitor
    {
        public float Total { get; private set; }

        public void Add(int bucket) => Total += delta[bucket];
    }
}
