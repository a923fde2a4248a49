using System.Text.Json;
using CsCheck;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards.Tests.Detection;

/// <summary>
/// The optimised inference (<see cref="TextFeaturizer.Visit{TVisitor}"/>, <see cref="LinearTextModel.Predict(ReadOnlySpan{char}, Span{float})"/>) against
/// <see cref="Reference"/>, a straightforward copy of the code before it was optimised: same features in the same order,
/// and probabilities equal bit for bit, for random models and texts and for every embedded model.
/// </summary>
public sealed class LinearTextModelEquivalenceTests
{
    private static readonly string[] s_embedded = ["crisis.nplt", "injection.nplt", "language.nplt", "output-hate.nplt"];

    // Latin with diacritics and apostrophes, Devanagari, Arabic, digits, punctuation, emoji halves, spaces.
    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["abcdefghij éàñ'’ .,!?0123456789"], 0, 400],
        Gen.String[Gen.Char["अआकखगमैं् ابتثجحخ abc XYZ \u200D\n\t-"], 0, 300],
        Gen.String[Gen.Char["ab "], 1000, 3000]);

    private static readonly Gen<TextFeaturizer> s_featurizer =
        from bits in Gen.Int[8, 12]
        from minN in Gen.Int[0, 4]
        from extra in Gen.Int[0, 4]
        from words in Gen.Bool
        from bigrams in Gen.Bool
        let maxN = minN == 0 ? 0 : Math.Min(8, minN + extra)
        where maxN > 0 || words || bigrams
        select new TextFeaturizer(bits, minN, maxN, words, bigrams);

    private static readonly Gen<LinearTextModel> s_model =
        from featurizer in s_featurizer
        from classes in Gen.Int[2, 12]
        from seed in Gen.Int
        select RandomModel(featurizer, classes, seed);

    [Fact]
    public void FeaturesAreTheReferenceFeaturesInTheSameOrder()
    {
        Gen.Select(s_featurizer, s_text).Sample((featurizer, text) =>
        {
            var normalized = GuardText.Normalize(text);
            var actual = new List<int>();
            var collector = new ListCollector(actual);
            var count = featurizer.Visit(normalized, ref collector);
            var expected = Reference.Buckets(featurizer, normalized);
            Assert.Equal(expected, actual);
            Assert.Equal(expected.Count, count);
            Assert.True(count <= featurizer.MaxCount(normalized.Length), "MaxCount is an upper bound");
        });
    }

    [Fact]
    public void VectorisedNgramsAreTheReferenceFeaturesAtEveryLength()
    {
        // The vectorised n-gram blocks (8 start positions at a time) and the scalar tail meet at a length-dependent
        // point: every text length from 0 to 300, for the embedded models' n-gram ranges and the extremes (2..8, 8..8),
        // over any UTF-16 code unit and over a small alphabet (repeated n-grams).
        (int Min, int Max)[] ranges = [(1, 3), (2, 2), (2, 5), (3, 4), (3, 5), (2, 8), (5, 6), (8, 8)];
        Gen.Select(Gen.Int[0, 300], Gen.Int[0, ranges.Length - 1], Gen.Bool, Gen.Int).Sample((length, range, small, seed) =>
        {
            AssertSameBuckets(ranges[range], RandomText(length, small, seed));
        }, iter: 2_000);

        for (var length = 0; length <= 300; length++)
        {
            foreach (var range in ranges)
            {
                AssertSameBuckets(range, RandomText(length, length % 2 == 0, length));
            }
        }

        static void AssertSameBuckets((int Min, int Max) range, string text)
        {
            var featurizer = new TextFeaturizer(16, range.Min, range.Max, words: true, wordBigrams: true);
            var actual = new List<int>();
            var collector = new ListCollector(actual);
            var count = featurizer.Visit(text, ref collector);
            Assert.Equal(Reference.Buckets(featurizer, text), actual);
            Assert.Equal(actual.Count, count);
        }

        static string RandomText(int length, bool small, int seed)
        {
            var random = new Random(seed);
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = small ? "ab \u00e9"[random.Next(4)] : (char)random.Next(0, 0x10000);
            }

            return new string(chars);
        }
    }

    [Fact]
    public void RandomModelsScoreBitForBitAsTheReference()
    {
        Gen.Select(s_model, s_text).Sample((model, text) =>
        {
            // Predict reads any text it is given, normalised or not; both must agree with the reference.
            AssertSame(model, GuardText.Normalize(text));
            AssertSame(model, text);
        }, iter: 300);
    }

    [Fact]
    public void EmbeddedModelsScoreBitForBitAsTheReference()
    {
        var texts = DevCorpusTexts().ToList();
        Assert.True(texts.Count > 100, "the crisis dev corpus is read");
        foreach (var file in s_embedded)
        {
            var model = LinearTextModel.LoadEmbedded(file);
            foreach (var text in texts)
            {
                AssertSame(model, GuardText.Normalize(text));
            }

            s_text.Sample(text => AssertSame(model, GuardText.Normalize(text)), iter: 200);
        }
    }

    [Fact]
    public void LastBucketIsScoredWithoutReadingPastTheWeights()
    {
        // Every weight of the last bucket set, every other one zero: a text whose only feature is the last bucket must
        // score exactly those weights (the vector load reads the padding after them, never another row's weights).
        foreach (var classes in (int[])[2, 4, 5, 8, 9])
        {
            var featurizer = new TextFeaturizer(8, 0, 0, words: true, wordBigrams: false);
            var word = Enumerable.Range(0, 100_000).Select(i => "w" + i)
                .First(w => Reference.Buckets(featurizer, w) is [var b] && b == featurizer.BucketCount - 1);
            var weights = new float[featurizer.BucketCount * classes];
            for (var c = 0; c < classes; c++)
            {
                weights[((featurizer.BucketCount - 1) * classes) + c] = c + 1;
            }

            var model = new LinearTextModel(featurizer, [.. Enumerable.Range(0, classes).Select(c => "c" + c)], weights, new float[classes]);
            AssertSame(model, word);
            var p = new float[classes];
            model.Predict(word, p);
            for (var c = 1; c < classes; c++)
            {
                Assert.True(p[c] > p[c - 1], "a higher weight gives a higher probability");
            }
        }
    }

    private static void AssertSame(LinearTextModel model, string text)
    {
        var actual = new float[model.ClassCount];
        var count = model.Predict(text, actual);
        var (expected, expectedCount) = Reference.Predict(model, text);
        Assert.Equal(expectedCount, count);
        for (var c = 0; c < actual.Length; c++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(expected[c]), BitConverter.SingleToInt32Bits(actual[c]));
        }
    }

    private static LinearTextModel RandomModel(TextFeaturizer featurizer, int classes, int seed)
    {
        var random = new Random(seed);
        var weights = new float[featurizer.BucketCount * classes];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)((random.NextDouble() - 0.5) * 8);
        }

        var bias = Enumerable.Range(0, classes).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        return new LinearTextModel(featurizer, [.. Enumerable.Range(0, classes).Select(c => "c" + c)], weights, bias);
    }

    private static IEnumerable<string> DevCorpusTexts()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Crisis", "crisis-dev.jsonl");
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0 && JsonDocument.Parse(line).RootElement.TryGetProperty("text", out var text) && text.GetString() is { } s)
            {
                yield return s;
            }
        }
    }

    private struct ListCollector(List<int> buckets) : IFeatureVisitor
    {
        public readonly void Add(int bucket) => buckets.Add(bucket);
    }

    /// <summary>The featurizer and model inference as they were before the speed work (2026-11-29), kept as the oracle.</summary>
    private static class Reference
    {
        private const uint Prime = 16777619;
        private const uint CharSeed = 2166136261;
        private const uint WordSeed = 0x9E3779B9;
        private const uint BigramSeed = 0x85EBCA6B;

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LinearTextModel, Parameters> s_parameters = [];

        public static List<int> Buckets(TextFeaturizer f, ReadOnlySpan<char> normalized)
        {
            var buckets = new List<int>();
            if (normalized.IsEmpty)
            {
                return buckets;
            }

            var mask = (uint)(f.BucketCount - 1);
            if (f.MaxCharN > 0)
            {
                var padded = normalized.Length + 2;
                for (var start = 0; start < padded; start++)
                {
                    var hash = CharSeed;
                    var end = Math.Min(padded, start + f.MaxCharN);
                    for (var i = start; i < end; i++)
                    {
                        var c = i == 0 || i == padded - 1 ? ' ' : normalized[i - 1];
                        hash = (hash ^ c) * Prime;
                        var n = i - start + 1;
                        if (n >= f.MinCharN && !(n == 1 && c == ' '))
                        {
                            buckets.Add((int)(Mix(hash + (uint)n) & mask));
                        }
                    }
                }
            }

            if (f.Words || f.WordBigrams)
            {
                var previous = 0u;
                var havePrevious = false;
                var rest = normalized;
                while (!rest.IsEmpty)
                {
                    var space = rest.IndexOf(' ');
                    var word = space < 0 ? rest : rest[..space];
                    rest = space < 0 ? [] : rest[(space + 1)..];
                    if (word.IsEmpty)
                    {
                        continue;
                    }

                    var hash = WordSeed;
                    foreach (var c in word)
                    {
                        hash = (hash ^ c) * Prime;
                    }

                    if (f.Words)
                    {
                        buckets.Add((int)(Mix(hash) & mask));
                    }

                    if (f.WordBigrams && havePrevious)
                    {
                        buckets.Add((int)(Mix((previous * 31) ^ hash ^ BigramSeed) & mask));
                    }

                    previous = hash;
                    havePrevious = true;
                }
            }

            return buckets;
        }

        public static (float[] Probabilities, int Count) Predict(LinearTextModel model, string normalized)
        {
            var classes = model.ClassCount;
            var (weights, bias) = s_parameters.GetValue(model, m => new(m.Weights.ToArray(), m.Bias.ToArray()));
            var scores = new float[classes];
            var buckets = Buckets(model.Featurizer, normalized);
            foreach (var bucket in buckets)
            {
                for (var c = 0; c < classes; c++)
                {
                    scores[c] += weights[(bucket * classes) + c];
                }
            }

            var count = buckets.Count;
            var scale = count == 0 ? 0f : 1f / MathF.Sqrt(count);
            var max = float.NegativeInfinity;
            for (var c = 0; c < classes; c++)
            {
                scores[c] = (scores[c] * scale) + bias[c];
                max = MathF.Max(max, scores[c]);
            }

            var sum = 0f;
            for (var c = 0; c < classes; c++)
            {
                scores[c] = MathF.Exp(scores[c] - max);
                sum += scores[c];
            }

            for (var c = 0; c < classes; c++)
            {
                scores[c] /= sum;
            }

            return (scores, count);
        }

        private sealed record Parameters(float[] Weights, float[] Bias);

        private static uint Mix(uint h)
        {
            h ^= h >> 16;
            h *= 0x85EBCA6B;
            h ^= h >> 13;
            h *= 0xC2B2AE35;
            h ^= h >> 16;
            return h;
        }
    }
}
