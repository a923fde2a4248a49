using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Nonprofit.AI.Guards.Detection;

/// <summary>
/// A multinomial logistic model over the hashed features of a <see cref="TextFeaturizer"/>: one weight per bucket and
/// class, one bias per class. A text's features each count <c>1/sqrt(n)</c> (n = its number of feature occurrences), so
/// long and short texts score on the same scale. Weights are stored as half-precision floats in a gzip stream
/// (<see cref="Save"/>/<see cref="Load"/>), and embedded in this assembly under <c>Models/</c>. Thread-safe: the model is
/// immutable.
/// </summary>
internal sealed class LinearTextModel
{
    private const int Magic = 0x544C504E; // "NPLT"
    private const int Version = 1;
    private const int StackLimit = 2048;
    private const int BucketStackLimit = 1024;

    // Models with at most this many classes are scored with one vector add per feature occurrence.
    private const int MaxVectorClasses = 8;

    // bucket-major: [bucket * ClassCount + class], then MaxVectorClasses zeros so that a vector load of the last row stays inside.
    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly string[] _labels;

    /// <summary>Creates a model. Weights are rounded to half precision, as they are stored.</summary>
    /// <param name="featurizer">The features the weights belong to.</param>
    /// <param name="labels">The class labels, at least two, distinct.</param>
    /// <param name="weights">The weights, bucket-major: <c>weights[bucket * labels.Count + class]</c>.</param>
    /// <param name="bias">One bias per class.</param>
    /// <exception cref="ArgumentException">The sizes do not match, or labels repeat.</exception>
    public LinearTextModel(TextFeaturizer featurizer, IReadOnlyList<string> labels, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count < 2 || new HashSet<string>(labels, StringComparer.Ordinal).Count != labels.Count)
        {
            throw new ArgumentException("A model needs at least two distinct class labels.", nameof(labels));
        }

        if (weights.Length != featurizer.BucketCount * labels.Count)
        {
            throw new ArgumentException("There must be one weight per bucket and class.", nameof(weights));
        }

        if (bias.Length != labels.Count)
        {
            throw new ArgumentException("There must be one bias per class.", nameof(bias));
        }

        Featurizer = featurizer;
        _labels = [.. labels];
        _weights = new float[weights.Length + MaxVectorClasses];
        for (var i = 0; i < weights.Length; i++)
        {
            _weights[i] = (float)(Half)weights[i];
        }

        _bias = bias.ToArray();
    }

    /// <summary>The features the model reads.</summary>
    public TextFeaturizer Featurizer { get; }

    /// <summary>The class labels, in the order of the probabilities.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The number of classes.</summary>
    public int ClassCount => _labels.Length;

    /// <summary>The index of <paramref name="label"/>.</summary>
    /// <param name="label">A class label.</param>
    /// <returns>Its index.</returns>
    /// <exception cref="ArgumentException">The model has no such class.</exception>
    public int IndexOf(string label)
    {
        var index = Array.IndexOf(_labels, label);
        return index >= 0 ? index : throw new ArgumentException("The model has no class with this label.", nameof(label));
    }

    /// <summary>Class probabilities of a normalised text.</summary>
    /// <param name="normalized">Text normalised by <see cref="GuardText"/>.</param>
    /// <param name="probabilities">Receives one probability per class (softmax); at least <see cref="ClassCount"/> long.</param>
    /// <returns>The number of feature occurrences the text had (0: the probabilities are the priors).</returns>
    public int Predict(ReadOnlySpan<char> normalized, Span<float> probabilities) => Predict(normalized, probabilities, default).Count;

    /// <summary>
    /// Class probabilities of a normalised text, and optionally (when <paramref name="once"/> is not empty) a second
    /// reading in which each distinct hashed feature counts once, scaled by <c>1/sqrt(distinct features)</c>. The
    /// second reading is the same for k copies of a sentence as for two, so a caller can keep repetition from raising
    /// a score (the crisis detector's <c>CrisisModelInput</c>). <paramref name="probabilities"/> is bit for bit what
    /// <see cref="Predict(ReadOnlySpan{char}, Span{float})"/> gives.
    /// </summary>
    /// <param name="normalized">Text normalised by <see cref="GuardText"/>.</param>
    /// <param name="probabilities">Receives one probability per class (softmax); at least <see cref="ClassCount"/> long.</param>
    /// <param name="once">Empty, or receives the once-per-feature reading's probabilities; at least <see cref="ClassCount"/> long.</param>
    /// <param name="minRatio">
    /// 0 to always read <paramref name="once"/>; otherwise it is read only for a repetitive text, one with at least this
    /// many feature occurrences per distinct bucket (the distinct count stops as soon as the text cannot be repetitive,
    /// so ordinary messages skip most of it and the second sum); for any other text <paramref name="once"/> receives a
    /// copy of <paramref name="probabilities"/>.
    /// </param>
    /// <returns>
    /// The number of feature occurrences the text had (0: the probabilities are the priors), and of distinct buckets
    /// among them (0 when <paramref name="once"/> was not read).
    /// </returns>
    internal (int Count, int Distinct) Predict(ReadOnlySpan<char> normalized, Span<float> probabilities, Span<float> once, int minRatio = 0)
    {
        if (probabilities.Length < ClassCount)
        {
            throw new ArgumentException("The destination must hold one probability per class.", nameof(probabilities));
        }

        if (!once.IsEmpty && once.Length < ClassCount)
        {
            throw new ArgumentException("The destination must hold one probability per class.", nameof(once));
        }

        var scores = probabilities[..ClassCount];
        var distinctScores = once.IsEmpty ? default : once[..ClassCount];
        int count, distinct;
        if (ClassCount <= MaxVectorClasses)
        {
            (count, distinct) = SumVectorised(normalized, scores, distinctScores, minRatio);
        }
        else
        {
            count = SumScalar(normalized, scores);
            distinct = 0; // a reading once per feature is only offered for small models; large ones repeat the full one
        }

        Softmax(scores, count);
        if (distinct > 0)
        {
            Softmax(distinctScores, distinct);
        }
        else if (!distinctScores.IsEmpty)
        {
            scores.CopyTo(distinctScores);
        }

        return (count, distinct);
    }

    /// <summary>Scales summed weights by <c>1/sqrt(n)</c>, adds the biases and applies the softmax in place.</summary>
    private void Softmax(Span<float> scores, int n)
    {
        var scale = n == 0 ? 0f : 1f / MathF.Sqrt(n);
        var max = float.NegativeInfinity;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = (scores[c] * scale) + _bias[c];
            max = MathF.Max(max, scores[c]);
        }

        var sum = 0f;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }

    /// <summary>
    /// Sums the weight rows of the text's feature occurrences into <paramref name="scores"/> with vector adds: the
    /// features are collected first, then each row (padded to a vector's width by the next row or the trailing zeros)
    /// is added in one instruction to an accumulator held in a register. Each class is still the sum of the same
    /// floats in the same order as <see cref="SumScalar"/>, so the result is bit for bit the same. When
    /// <paramref name="distinctScores"/> is not empty and the text has at least <paramref name="minRatio"/> occurrences per
    /// distinct bucket (any text when it is 0), it receives the sum over the first occurrence of each distinct bucket (else Distinct is 0).
    /// </summary>
    private (int Count, int Distinct) SumVectorised(ReadOnlySpan<char> normalized, Span<float> scores, Span<float> distinctScores, int minRatio)
    {
        var max = Featurizer.MaxCount(normalized.Length);
        int[]? rented = null;
        var buckets = max <= BucketStackLimit ? stackalloc int[max] : (rented = ArrayPool<int>.Shared.Rent(max));
        try
        {
            var collector = new Collector(buckets);
            var count = Featurizer.Visit(normalized, ref collector);
            SumRows(buckets[..count], scores);
            if (count == 0 || distinctScores.IsEmpty)
            {
                return (count, 0);
            }

            // A repetitive text has at most count / minRatio distinct buckets; the count stops as soon as it has more.
            var distinct = KeepFirstOccurrences(buckets[..count], minRatio <= 0 ? count : count / minRatio);
            if (distinct < 0)
            {
                return (count, 0);
            }

            SumRows(buckets[..distinct], distinctScores);
            return (count, distinct);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Adds the weight rows of <paramref name="occurrences"/>, in order, with one vector add per row.</summary>
    private void SumRows(ReadOnlySpan<int> occurrences, Span<float> scores)
    {
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        var classes = (nuint)ClassCount;
        if (ClassCount <= Vector128<float>.Count)
        {
            var sum = Vector128<float>.Zero;
            foreach (var bucket in occurrences)
            {
                sum += Vector128.LoadUnsafe(ref weights, (nuint)(uint)bucket * classes);
            }

            Span<float> lanes = stackalloc float[Vector128<float>.Count];
            sum.CopyTo(lanes);
            lanes[..ClassCount].CopyTo(scores);
        }
        else
        {
            var sum = Vector256<float>.Zero;
            foreach (var bucket in occurrences)
            {
                sum += Vector256.LoadUnsafe(ref weights, (nuint)(uint)bucket * classes);
            }

            Span<float> lanes = stackalloc float[Vector256<float>.Count];
            sum.CopyTo(lanes);
            lanes[..ClassCount].CopyTo(scores);
        }
    }

    /// <summary>
    /// Moves the first occurrence of each distinct bucket of <paramref name="buckets"/> to its front, in their order,
    /// and returns how many there are (one bit per bucket marks the ones seen), or -1 as soon as there are more than
    /// <paramref name="maxDistinct"/> (an ordinary message, about 1.3 occurrences per bucket, stops within its first
    /// third when the bound is a quarter of its occurrences).
    /// </summary>
    private int KeepFirstOccurrences(Span<int> buckets, int maxDistinct)
    {
        var words = (Featurizer.BucketCount + 63) / 64;
        ulong[]? rented = null;
        var seen = words <= 2048 ? stackalloc ulong[words] : (rented = ArrayPool<ulong>.Shared.Rent(words));
        try
        {
            if (rented is not null)
            {
                seen[..words].Clear(); // a stackalloc is zeroed already (locals are initialised); a rented array is not
            }

            var distinct = 0;
            foreach (var bucket in buckets)
            {
                ref var word = ref seen[bucket >> 6];
                var bit = 1UL << (bucket & 63);
                if ((word & bit) == 0)
                {
                    if (distinct == maxDistinct)
                    {
                        return -1;
                    }

                    word |= bit;
                    buckets[distinct++] = bucket;
                }
            }

            return distinct;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Sums the weight rows of the text's feature occurrences into <paramref name="scores"/>, one class at a time.</summary>
    private int SumScalar(ReadOnlySpan<char> normalized, Span<float> scores)
    {
        scores.Clear();
        var accumulator = new Accumulator(_weights, scores, ClassCount);
        return Featurizer.Visit(normalized, ref accumulator);
    }

    /// <summary>The probability of one class for a text that is not yet normalised.</summary>
    /// <param name="text">Any text; normalised here.</param>
    /// <param name="classIndex">The class.</param>
    /// <returns>Its probability.</returns>
    public float Probability(ReadOnlySpan<char> text, int classIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, ClassCount);
        Span<float> probabilities = stackalloc float[ClassCount];
        PredictText(text, probabilities);
        return probabilities[classIndex];
    }

    /// <summary>Class probabilities of a text that is not yet normalised (normalised here with <see cref="GuardText"/>).</summary>
    /// <param name="text">Any text.</param>
    /// <param name="probabilities">Receives one probability per class; at least <see cref="ClassCount"/> long.</param>
    /// <returns>The number of feature occurrences the text had (0: the probabilities are the priors).</returns>
    public int PredictText(ReadOnlySpan<char> text, Span<float> probabilities) => PredictText(text, probabilities, default).Count;

    /// <summary>
    /// <see cref="PredictText(ReadOnlySpan{char}, Span{float})"/> with the optional once-per-feature reading of
    /// <see cref="Predict(ReadOnlySpan{char}, Span{float}, Span{float}, int)"/>.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <param name="probabilities">Receives one probability per class; at least <see cref="ClassCount"/> long.</param>
    /// <param name="once">Empty, or receives the once-per-feature reading's probabilities.</param>
    /// <param name="minRatio">As for <see cref="Predict(ReadOnlySpan{char}, Span{float}, Span{float}, int)"/>.</param>
    /// <returns>The number of feature occurrences the text had, and of distinct buckets among them (0 when <paramref name="once"/> was not read).</returns>
    internal (int Count, int Distinct) PredictText(ReadOnlySpan<char> text, Span<float> probabilities, Span<float> once, int minRatio = 0)
    {
        char[]? rented = null;
        var buffer = text.Length <= StackLimit ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var length = GuardText.Normalize(text, buffer);
            return Predict(buffer[..length], probabilities, once, minRatio);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes the model (gzip; weights as half-precision floats).</summary>
    /// <param name="stream">A writable stream; left open.</param>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(Featurizer.BucketBits);
        writer.Write(Featurizer.MinCharN);
        writer.Write(Featurizer.MaxCharN);
        writer.Write(Featurizer.Words);
        writer.Write(Featurizer.WordBigrams);
        writer.Write(_labels.Length);
        foreach (var label in _labels)
        {
            writer.Write(label);
        }

        foreach (var b in _bias)
        {
            writer.Write(b);
        }

        foreach (var w in Weights)
        {
            writer.Write((Half)w);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <param name="stream">A readable stream; left open.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The stream is not a model of this format, or is truncated.</exception>
    public static LinearTextModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadInt32() != Magic)
            {
                throw new InvalidDataException("Not a Nonprofit linear text model (bad magic number).");
            }

            var version = reader.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"Unsupported linear text model version {version}; this library reads version {Version}.");
            }

            var featurizer = new TextFeaturizer(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean(), reader.ReadBoolean());
            var classes = reader.ReadInt32();
            if (classes is < 2 or > 1024)
            {
                throw new InvalidDataException("The model's class count is out of range.");
            }

            var labels = new string[classes];
            for (var i = 0; i < classes; i++)
            {
                labels[i] = reader.ReadString();
            }

            var bias = new float[classes];
            for (var i = 0; i < classes; i++)
            {
                bias[i] = reader.ReadSingle();
            }

            var weights = new float[featurizer.BucketCount * classes];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)reader.ReadHalf();
            }

            return new LinearTextModel(featurizer, labels, weights, bias);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The linear text model is truncated.", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException("The linear text model's header is invalid.", e);
        }
    }

    /// <summary>Reads a model embedded in this assembly (file <c>src/Nonprofit.AI.Guards/Models/NAME</c>).</summary>
    /// <param name="fileName">The file name under <c>Models/</c>, for example <c>injection.nplt</c>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidOperationException">No such resource is embedded.</exception>
    public static LinearTextModel LoadEmbedded(string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var assembly = typeof(LinearTextModel).Assembly;
        using var stream = assembly.GetManifestResourceStream("Nonprofit.AI.Guards.Models." + fileName)
            ?? throw new InvalidOperationException($"The embedded model '{fileName}' is missing from {assembly.GetName().Name}.");
        return Load(stream);
    }

    /// <summary>The raw weights, bucket-major (for the trainer and tests).</summary>
    internal ReadOnlySpan<float> Weights => _weights.AsSpan(0, _weights.Length - MaxVectorClasses);

    /// <summary>The biases (for the trainer and tests).</summary>
    internal ReadOnlySpan<float> Bias => _bias;

    private ref struct Collector(Span<int> buckets) : IFeatureVisitor
    {
        private readonly Span<int> _buckets = buckets;
        private int _count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int bucket) => _buckets[_count++] = bucket;
    }

    private ref struct Accumulator(float[] weights, Span<float> scores, int classes) : IFeatureVisitor
    {
        private readonly Span<float> _scores = scores;

        public readonly void Add(int bucket)
        {
            var row = weights.AsSpan(bucket * classes, classes);
            for (var c = 0; c < row.Length; c++)
            {
                _scores[c] += row[c];
            }
        }
    }
}
