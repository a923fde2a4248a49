using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
using Nonprofit.AI.Guards;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// A small neural network over the hashed features of <see cref="TextFeaturizer"/> (session 28's hate network, moved out of
/// the package in session 29 as no network model ships: evaluation only, trained by <see cref="OutputHateNetworkTrainer"/>,
/// read by <see cref="HateSpeechModel"/> through <see cref="IHateScorer"/> and by <see cref="PromptInjectionDetector"/>
/// through <see cref="InjectionNetwork"/>; the file format is unchanged, magic <c>NPHN</c>): each
/// feature bucket has a row of <see cref="Hidden"/> weights; a text's rows are summed and scaled by <c>1/sqrt(n)</c>
/// (n = its feature occurrences, as in <see cref="LinearTextModel"/>), a bias is added, a ReLU applied, and one output
/// unit gives the logit of <c>hateful</c>. Unlike the linear model, a group placeholder and a predicate can interact
/// (a hidden unit can fire on "[GROUP] are vermin" and not on the placeholder or the word alone). The bucket rows are
/// stored as half-precision floats (file format below) and kept as single floats in memory; a network built from
/// trained weights rounds them the same way, so a validation figure is the figure of the saved file. A network may carry
/// a calibration of its output (session 29: Platt scaling, <c>a * logit + b</c> with a scale a &gt; 0 and a bias b fitted
/// on held-out data), applied inside <see cref="Logit"/>, so before any threshold. Thread-safe.
/// </summary>
/// <remarks>
/// File: the ASCII magic <c>NPHN</c>, an int32 version (1), the featurizer (int32 bucket bits, min and max character
/// n, a byte each for words and word bigrams), an int32 hidden size, <c>2^bits * hidden</c> half floats (bucket-major),
/// then <c>hidden</c> single-float hidden biases, <c>hidden</c> single-float output weights and the output bias.
/// Version 2 (a calibrated network) adds the calibration's scale and bias as two single floats; an uncalibrated network
/// is written as version 1, byte for byte as before.
/// </remarks>
internal sealed class HashedFeatureNetwork : IHateScorer
{
    private const int Version = 1;
    private const int CalibratedVersion = 2;
    private static readonly byte[] s_magic = Encoding.ASCII.GetBytes("NPHN");

    private readonly float[] _rows; // bucket-major: _rows[bucket * Hidden + j]
    private readonly float[] _hiddenBias;
    private readonly float[] _output;
    private readonly float _outputBias;

    /// <summary>A network from trained weights; the bucket rows are rounded to half precision, as <see cref="Save"/> stores them.</summary>
    /// <param name="featurizer">The features the rows are indexed by.</param>
    /// <param name="hidden">The number of hidden units (1-256).</param>
    /// <param name="rows">Bucket-major rows, <c>2^bits * hidden</c> weights.</param>
    /// <param name="hiddenBias">The hidden units' biases.</param>
    /// <param name="output">The output unit's weights.</param>
    /// <param name="outputBias">The output unit's bias.</param>
    /// <param name="calibrationScale">The scale of the output calibration (1 = none); must be positive and finite, so the order of scores is kept.</param>
    /// <param name="calibrationBias">The bias of the output calibration (0 = none).</param>
    public HashedFeatureNetwork(TextFeaturizer featurizer, int hidden, float[] rows, float[] hiddenBias, float[] output, float outputBias, float calibrationScale = 1f, float calibrationBias = 0f)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hidden, 256);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(hiddenBias);
        ArgumentNullException.ThrowIfNull(output);
        if (rows.Length != (long)featurizer.BucketCount * hidden || hiddenBias.Length != hidden || output.Length != hidden)
        {
            throw new ArgumentException("The network's weights do not match its featurizer and hidden size.", nameof(rows));
        }

        if (!float.IsFinite(calibrationScale) || calibrationScale <= 0 || !float.IsFinite(calibrationBias))
        {
            throw new ArgumentOutOfRangeException(nameof(calibrationScale), "The calibration needs a positive, finite scale and a finite bias.");
        }

        Featurizer = featurizer;
        Hidden = hidden;
        _rows = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            _rows[i] = (float)(Half)rows[i];
        }

        _hiddenBias = (float[])hiddenBias.Clone();
        _output = (float[])output.Clone();
        _outputBias = outputBias;
        CalibrationScale = calibrationScale;
        CalibrationBias = calibrationBias;
    }

    /// <summary>The features the network reads.</summary>
    public TextFeaturizer Featurizer { get; }

    /// <summary>The number of hidden units.</summary>
    public int Hidden { get; }

    /// <summary>The scale a of the output calibration <c>a * logit + b</c> (1 when uncalibrated).</summary>
    public float CalibrationScale { get; }

    /// <summary>The bias b of the output calibration <c>a * logit + b</c> (0 when uncalibrated).</summary>
    public float CalibrationBias { get; }

    /// <summary>Whether the output is calibrated (a scale other than 1 or a bias other than 0).</summary>
    public bool IsCalibrated => CalibrationScale != 1f || CalibrationBias != 0f;

    /// <summary>The same network with the given output calibration (replacing any it had).</summary>
    public HashedFeatureNetwork WithCalibration(float scale, float bias) =>
        new(Featurizer, Hidden, _rows, _hiddenBias, _output, _outputBias, scale, bias);

    /// <summary>The (calibrated) logit of <c>hateful</c> for a normalised text (as <see cref="GuardText.Normalize(ReadOnlySpan{char}, Span{char}, bool)"/> gives it); 0 features give the calibrated output bias.</summary>
    public float Logit(ReadOnlySpan<char> normalized, out int count)
    {
        Span<float> h = stackalloc float[Hidden];
        count = HiddenInputs(normalized, h);
        var logit = _outputBias;
        for (var j = 0; j < Hidden; j++)
        {
            logit += h[j] > 0 ? h[j] * _output[j] : 0f;
        }

        return (CalibrationScale * logit) + CalibrationBias;
    }

    /// <summary>How many hidden units are on (ReLU input above 0) for a normalised text; 0 for every text is a dead network, a constant.</summary>
    public int ActiveUnits(ReadOnlySpan<char> normalized)
    {
        Span<float> h = stackalloc float[Hidden];
        HiddenInputs(normalized, h);
        var active = 0;
        foreach (var v in h)
        {
            active += v > 0 ? 1 : 0;
        }

        return active;
    }

    /// <summary>The hate model's probability (<see cref="IHateScorer"/>): the logistic of <see cref="Logit"/>, 0 for a text without features.</summary>
    double IHateScorer.Probability(ReadOnlySpan<char> normalized)
    {
        var logit = Logit(normalized, out var features);
        return features == 0 ? 0 : 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>Each hidden unit's input before the ReLU (the scaled row sum plus its bias); returns the feature count.</summary>
    private int HiddenInputs(ReadOnlySpan<char> normalized, Span<float> h)
    {
        h.Clear();
        var visitor = new RowSum(_rows, h, Hidden);
        var count = Featurizer.Visit(normalized, ref visitor);
        var scale = count == 0 ? 0f : 1f / MathF.Sqrt(count);
        for (var j = 0; j < Hidden; j++)
        {
            h[j] = (h[j] * scale) + _hiddenBias[j];
        }

        return count;
    }

    /// <summary>Writes the network (format in the class remarks).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(s_magic);
        writer.Write(IsCalibrated ? CalibratedVersion : Version);
        writer.Write(Featurizer.BucketBits);
        writer.Write(Featurizer.MinCharN);
        writer.Write(Featurizer.MaxCharN);
        writer.Write(Featurizer.Words);
        writer.Write(Featurizer.WordBigrams);
        writer.Write(Hidden);
        foreach (var w in _rows)
        {
            writer.Write((Half)w);
        }

        foreach (var b in _hiddenBias)
        {
            writer.Write(b);
        }

        foreach (var v in _output)
        {
            writer.Write(v);
        }

        writer.Write(_outputBias);
        if (IsCalibrated)
        {
            writer.Write(CalibrationScale);
            writer.Write(CalibrationBias);
        }
    }

    /// <summary>Whether the stream starts with this format's magic (the stream is left at its start).</summary>
    public static bool IsNetwork(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> head = stackalloc byte[4];
        var position = stream.Position;
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = position;
        return read == 4 && head.SequenceEqual(s_magic);
    }

    /// <summary>Reads a network written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not such a network.</exception>
    public static HashedFeatureNetwork Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var magic = reader.ReadBytes(4).AsSpan().SequenceEqual(s_magic);
            var version = magic ? reader.ReadInt32() : 0;
            if (!magic || version is not (Version or CalibratedVersion))
            {
                throw new InvalidDataException("Not a network file (magic or version).");
            }

            var featurizer = new TextFeaturizer(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean(), reader.ReadBoolean());
            var hidden = reader.ReadInt32();
            ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(hidden, 256);
            // The size in 64 bits (2^24 buckets * 256 wraps in 32), checked against what the stream still holds
            // (rows in half precision, two float vectors, the output bias) before anything that large is allocated.
            var size = (long)featurizer.BucketCount * hidden;
            var bytes = (size * 2) + (hidden * 8L) + 4 + (version == CalibratedVersion ? 8 : 0);
            if (size > Array.MaxLength || (stream.CanSeek && bytes > stream.Length - stream.Position))
            {
                throw new InvalidDataException(
                    $"The network file is truncated or its header is invalid: it announces {size} weights ({bytes} bytes) for {featurizer.BucketCount} buckets and {hidden} hidden units.");
            }

            var rows = new float[size];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = (float)reader.ReadHalf();
            }

            var hiddenBias = new float[hidden];
            for (var j = 0; j < hidden; j++)
            {
                hiddenBias[j] = reader.ReadSingle();
            }

            var output = new float[hidden];
            for (var j = 0; j < hidden; j++)
            {
                output[j] = reader.ReadSingle();
            }

            var outputBias = reader.ReadSingle();
            return version == CalibratedVersion
                ? new HashedFeatureNetwork(featurizer, hidden, rows, hiddenBias, output, outputBias, reader.ReadSingle(), reader.ReadSingle())
                : new HashedFeatureNetwork(featurizer, hidden, rows, hiddenBias, output, outputBias);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException)
        {
            throw new InvalidDataException("The network file is truncated or its header is invalid.", e);
        }
    }

    /// <summary>Adds each visited bucket's row to the running sum.</summary>
    private ref struct RowSum(float[] rows, Span<float> sum, int hidden) : IFeatureVisitor
    {
        private readonly Span<float> _sum = sum;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Add(int bucket)
        {
            var row = rows.AsSpan(bucket * hidden, hidden);
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j + 8 <= hidden; j += 8)
                {
                    (Vector256.Create<float>(_sum.Slice(j, 8)) + Vector256.Create<float>(row.Slice(j, 8))).CopyTo(_sum.Slice(j, 8));
                }
            }

            for (; j < hidden; j++)
            {
                _sum[j] += row[j];
            }
        }
    }
}
