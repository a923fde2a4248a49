using System;
using System.Buffers;
using System.Collections.Generic;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The default <see cref="IScopeClassifier"/>, built once from <see cref="ScopeOptions"/>: hashed character 3-5-grams
/// and words (the shared <see cref="GuardText"/> normalisation and <see cref="TextFeaturizer"/>) of the topics'
/// descriptions and examples against those of a built-in multilingual background of everyday questions (plus the
/// app's <see cref="ScopeOptions.OutOfScopeExamples"/>). Each feature gets a smoothed log-odds (naive Bayes,
/// topics against background); a message's score is the mean log-odds of its features, and it is in scope at or above
/// <see cref="ScopeOptions.Threshold"/>. A message longer than 512 characters is judged on its first and last 256.
/// Short greetings, thanks and requests for help are recognised apart, by TF-IDF
/// cosine similarity with built-in examples.
/// </summary>
/// <remarks>
/// <para>
/// What it can do: recognise questions that share topic words or word pieces with the configured descriptions and
/// examples, across spelling variants, inflections, missing accents and typos ("mahindi"/"mahindi yangu",
/// "fertiliser"/"fertilizer"), whatever the rest of the sentence says. What it cannot: understand meaning. A question about a topic in words none of its examples uses, or in a language none of
/// its examples is written in, scores low (off topic); an off-topic question that shares many words with an example
/// ("how do I plant a bomb") can score high. Give each topic examples in every language the app serves, and add
/// out-of-scope examples for the near misses that matter.
/// </para>
/// <para>
/// Thread-safe and immutable. <see cref="Detect"/> allocates nothing but what it returns.
/// </para>
/// </remarks>
public sealed class SimilarityScopeClassifier : IScopeClassifier
{
    private const int BucketBits = 18;
    private const int StackChars = 1024;
    private const int WindowChars = 256;
    private const int SmallTalkMaxChars = 160;

    private static readonly TextFeaturizer s_featurizer = new(BucketBits, 3, 5, words: true, wordBigrams: false);

    private static readonly string[] s_smallTalk =
    [
        // en
        "hello", "hi", "hi there", "good morning", "good evening", "thank you", "thanks a lot", "ok thanks", "bye", "goodbye",
        "can you help me", "i need help", "please help me", "what can you do", "who are you", "ok", "okay", "yes", "no",
        // fr
        "bonjour", "bonsoir", "salut", "merci", "merci beaucoup", "ok merci", "au revoir", "pouvez vous m'aider",
        "j'ai besoin d'aide", "aidez moi", "que pouvez vous faire", "d'accord", "oui", "non",
        // es
        "hola", "buenos días", "buenas tardes", "gracias", "muchas gracias", "adiós", "¿me puede ayudar?",
        "necesito ayuda", "ayúdeme por favor", "¿qué puedes hacer?", "vale", "sí",
        // pt
        "olá", "oi", "bom dia", "boa tarde", "obrigado", "obrigada", "muito obrigado", "tchau", "pode me ajudar?",
        "preciso de ajuda", "o que você pode fazer?", "sim", "não",
        // sw
        "habari", "habari yako", "jambo", "hujambo", "mambo", "asante", "asante sana", "kwaheri", "naomba msaada",
        "nahitaji msaada", "unaweza kunisaidia?", "sawa", "ndiyo", "hapana",
        // hi (Devanagari and romanised)
        "नमस्ते", "नमस्कार", "धन्यवाद", "शुक्रिया", "मुझे मदद चाहिए", "क्या आप मेरी मदद कर सकते हैं", "ठीक है", "हाँ", "नहीं",
        "namaste", "namaskar", "dhanyavaad", "shukriya", "mujhe madad chahiye", "kya aap meri madad kar sakte hain", "theek hai", "haan", "nahi",
        // de
        "hallo", "guten tag", "guten morgen", "danke", "vielen dank", "tschüss", "auf wiedersehen", "können sie mir helfen?",
        "ich brauche hilfe", "was kannst du?", "ja", "nein",
        // ar
        "مرحبا", "السلام عليكم", "صباح الخير", "شكرا", "شكرا جزيلا", "مع السلامة", "أحتاج مساعدة", "هل يمكنك مساعدتي؟", "نعم", "لا",
    ];

    private const double SmallTalkSimilarity = 0.5;
    private const float Smoothing = 0.5f;

    private readonly float[] _logOdds; // per bucket: ln P(bucket | topics) - ln P(bucket | background); 0 when never seen
    private readonly Dictionary<int, (int Doc, float Weight)[]> _smallTalk; // bucket -> examples with their L2-normalised TF-IDF weight
    private readonly int _smallTalkCount;
    private readonly Dictionary<int, float> _smallTalkIdf;
    private readonly float _unseenIdf;
    private readonly double _threshold;
    private readonly int _smallTalkMaxWords;

    /// <summary>Builds the classifier from the topics, examples and settings of <paramref name="options"/>.</summary>
    /// <param name="options">The options (validated here).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SimilarityScopeClassifier(ScopeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        Options = options;
        _threshold = options.Threshold;
        _smallTalkMaxWords = options.SmallTalkMaxWords;

        var topicTexts = new List<string>();
        foreach (var topic in options.Topics)
        {
            if (!string.IsNullOrWhiteSpace(topic.Description))
            {
                topicTexts.Add(topic.Description);
            }

            foreach (var example in topic.Examples)
            {
                if (!string.IsNullOrWhiteSpace(example))
                {
                    topicTexts.Add(example);
                }
            }
        }

        var backgroundTexts = new List<string>(ScopeBackground.Questions);
        foreach (var s in options.OutOfScopeExamples)
        {
            if (!string.IsNullOrWhiteSpace(s))
            {
                backgroundTexts.Add(s);
            }
        }

        // Naive Bayes over document frequencies (a feature counts once per text), Laplace-smoothed.
        var topicDf = DocumentFrequencies(topicTexts);
        var backgroundDf = DocumentFrequencies(backgroundTexts);
        var vocabulary = new HashSet<int>(topicDf.Keys);
        vocabulary.UnionWith(backgroundDf.Keys);
        double topicTotal = 0, backgroundTotal = 0;
        foreach (var n in topicDf.Values)
        {
            topicTotal += n;
        }

        foreach (var n in backgroundDf.Values)
        {
            backgroundTotal += n;
        }

        var topicDenominator = topicTotal + (Smoothing * vocabulary.Count);
        var backgroundDenominator = backgroundTotal + (Smoothing * vocabulary.Count);
        _logOdds = new float[1 << BucketBits];
        foreach (var bucket in vocabulary)
        {
            var pt = (topicDf.GetValueOrDefault(bucket) + Smoothing) / topicDenominator;
            var pb = (backgroundDf.GetValueOrDefault(bucket) + Smoothing) / backgroundDenominator;
            _logOdds[bucket] = (float)Math.Log(pt / pb);
        }

        // Small talk: TF-IDF vectors, IDF over small talk and background together (so "what", "can you" weigh little).
        var smallTalkTexts = new List<string>();
        if (options.AllowSmallTalk)
        {
            smallTalkTexts.AddRange(s_smallTalk);
            foreach (var s in options.SmallTalkExamples)
            {
                if (!string.IsNullOrWhiteSpace(s))
                {
                    smallTalkTexts.Add(s);
                }
            }
        }

        var idfDf = DocumentFrequencies(smallTalkTexts);
        foreach (var (bucket, n) in backgroundDf)
        {
            idfDf[bucket] = idfDf.GetValueOrDefault(bucket) + n;
        }

        var idfDocuments = smallTalkTexts.Count + backgroundTexts.Count;
        _smallTalkIdf = new Dictionary<int, float>(idfDf.Count);
        foreach (var (bucket, n) in idfDf)
        {
            _smallTalkIdf[bucket] = Idf(idfDocuments, n);
        }

        _unseenIdf = Idf(idfDocuments, 0);
        var postings = new Dictionary<int, List<(int, float)>>();
        for (var i = 0; i < smallTalkTexts.Count; i++)
        {
            var counts = Counts(smallTalkTexts[i]);
            var norm = 0.0;
            foreach (var (bucket, tf) in counts)
            {
                var w = Tf(tf) * IdfOf(bucket);
                norm += w * w;
            }

            foreach (var (bucket, tf) in counts)
            {
                if (!postings.TryGetValue(bucket, out var list))
                {
                    postings[bucket] = list = [];
                }

                list.Add((i, (float)(Tf(tf) * IdfOf(bucket) / Math.Sqrt(norm))));
            }
        }

        _smallTalkCount = smallTalkTexts.Count;
        _smallTalk = new Dictionary<int, (int, float)[]>(postings.Count);
        foreach (var (bucket, list) in postings)
        {
            _smallTalk[bucket] = [.. list];
        }
    }

    /// <summary>Gets the options the classifier was built from.</summary>
    public ScopeOptions Options { get; }

    /// <inheritdoc/>
    public GuardDetection Detect(ReadOnlySpan<char> text)
    {
        var m = Match(text);
        return m.InScope
            ? GuardDetection.None
            : new GuardDetection([new GuardFinding(GuardCategories.ScopeOffTopic, 1 / (1 + Math.Exp(4 * (m.Score - _threshold))))]);
    }

    /// <summary>The score behind a decision: the mean log-odds of the message's features, and small talk.</summary>
    internal ScopeMatch Match(ReadOnlySpan<char> text)
    {
        char[]? rented = null;
        var buffer = text.Length <= StackChars ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var normalized = buffer[..GuardText.Normalize(text, buffer)];
            var words = CountWords(normalized);
            if (words == 0)
            {
                return new ScopeMatch(true, 0, false); // nothing to judge ("?", an emoji): let it through
            }

            var sum = new LogOddsSum(_logOdds);
            var n = 0;
            if (normalized.Length <= 2 * WindowChars)
            {
                n = s_featurizer.Visit(normalized, ref sum);
            }
            else
            {
                // A long message: its beginning and its end (where the question usually is), cut at spaces.
                var head = normalized[..WindowChars];
                var tail = normalized[^WindowChars..];
                n = s_featurizer.Visit(head[..Math.Max(1, head.LastIndexOf(' '))], ref sum)
                    + s_featurizer.Visit(tail[(tail.IndexOf(' ') + 1)..], ref sum);
            }

            var score = n == 0 ? 0 : sum.Total / n;
            if (score >= _threshold)
            {
                return new ScopeMatch(true, score, false);
            }

            var smallTalk = words <= _smallTalkMaxWords && normalized.Length <= SmallTalkMaxChars && _smallTalkCount > 0 && SmallTalkSimilarityOf(normalized) >= SmallTalkSimilarity;
            return new ScopeMatch(smallTalk, score, smallTalk);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The number of words of a normalised text.</summary>
    internal static int CountWords(ReadOnlySpan<char> normalized) => normalized.IsEmpty ? 0 : normalized.Count(' ') + 1;

    /// <summary>The best cosine similarity of a short normalised message with a small-talk example.</summary>
    private double SmallTalkSimilarityOf(ReadOnlySpan<char> normalized)
    {
        Span<int> occurrences = stackalloc int[(normalized.Length + 2) * 4];
        var collector = new BucketCollector(occurrences);
        s_featurizer.Visit(normalized, ref collector);
        var buckets = occurrences[..collector.Count];
        buckets.Sort();
        var dots = _smallTalkCount <= 1024 ? stackalloc float[_smallTalkCount] : new float[_smallTalkCount];
        dots.Clear();
        var norm = 0.0;
        for (var i = 0; i < buckets.Length;)
        {
            var bucket = buckets[i];
            var run = 1;
            while (i + run < buckets.Length && buckets[i + run] == bucket)
            {
                run++;
            }

            i += run;
            var w = Tf(run) * IdfOf(bucket);
            norm += w * w;
            if (_smallTalk.TryGetValue(bucket, out var docs))
            {
                foreach (var (doc, weight) in docs)
                {
                    dots[doc] += w * weight;
                }
            }
        }

        var best = 0f;
        foreach (var d in dots)
        {
            best = MathF.Max(best, d);
        }

        return norm > 0 ? best / Math.Sqrt(norm) : 0;
    }

    private float IdfOf(int bucket) => _smallTalkIdf.TryGetValue(bucket, out var idf) ? idf : _unseenIdf;

    private static Dictionary<int, int> DocumentFrequencies(List<string> texts)
    {
        var df = new Dictionary<int, int>();
        foreach (var text in texts)
        {
            foreach (var bucket in Counts(text).Keys)
            {
                df[bucket] = df.GetValueOrDefault(bucket) + 1;
            }
        }

        return df;
    }

    private static Dictionary<int, int> Counts(string text)
    {
        var counter = new DictionaryCounter(new Dictionary<int, int>());
        s_featurizer.Visit(GuardText.Normalize(text), ref counter);
        return counter.Counts;
    }

    private static float Tf(int count) => 1 + MathF.Log(count);

    private static float Idf(int documents, int frequency) => MathF.Log((documents + 1f) / (frequency + 1f)) + 1;

    private readonly struct DictionaryCounter(Dictionary<int, int> counts) : IFeatureVisitor
    {
        public Dictionary<int, int> Counts => counts;

        public void Add(int bucket) => counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
    }

    private ref struct BucketCollector(Span<int> buckets) : IFeatureVisitor
    {
        private readonly Span<int> _buckets = buckets;

        public int Count;

        public void Add(int bucket)
        {
            if (Count < _buckets.Length)
            {
                _buckets[Count++] = bucket;
            }
        }
    }

    private struct LogOddsSum(float[] logOdds) : IFeatureVisitor
    {
        public double Total;

        public void Add(int bucket) => Total += logOdds[bucket];
    }
}

/// <summary>The score behind a scope decision (for tests and the evaluation).</summary>
/// <param name="InScope">Whether the message is in scope on its own.</param>
/// <param name="Score">The mean log-odds (topics against background) of the message's features.</param>
/// <param name="SmallTalk">Whether the message counted as small talk.</param>
internal readonly record struct ScopeMatch(bool InScope, double Score, bool SmallTalk);
