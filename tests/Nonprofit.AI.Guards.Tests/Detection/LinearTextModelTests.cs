using Nonprofit.AI.Guards.Detection;
using Nonprofit.Evaluation.Guards;

namespace Nonprofit.AI.Guards.Tests.Detection;

public sealed class LinearTextModelTests
{
    private static readonly string[] s_labels = ["en", "fr"];

    private static readonly TrainingExample[] s_examples =
    [
        new("where can I find help for my family", 0),
        new("the weather is very hot this week", 0),
        new("how much does the fertiliser cost", 0),
        new("my children are going to school today", 0),
        new("thank you for your answer", 0),
        new("can you tell me where the clinic is", 0),
        new("où puis-je trouver de l'aide pour ma famille", 1),
        new("il fait très chaud cette semaine", 1),
        new("combien coûte l'engrais", 1),
        new("mes enfants vont à l'école aujourd'hui", 1),
        new("merci pour votre réponse", 1),
        new("pouvez-vous me dire où est la clinique", 1),
    ];

    private static TextFeaturizer Featurizer() => new(bucketBits: 12, minCharN: 1, maxCharN: 4, words: true, wordBigrams: true);

    [Fact]
    public void LearnsASeparableTaskAndGeneralises()
    {
        var model = LinearTextModelTrainer.Train(s_examples, s_labels, Featurizer());
        foreach (var example in s_examples)
        {
            Assert.True(model.Probability(example.Text, example.Label) > 0.5, $"training example {example.Label} misclassified");
        }

        Assert.True(model.Probability("where is the school for my children", 0) > 0.5);
        Assert.True(model.Probability("où est l'école de mes enfants", 1) > 0.5);
    }

    [Fact]
    public void TrainingIsDeterministicAndSaveLoadRoundTrips()
    {
        var first = Bytes(LinearTextModelTrainer.Train(s_examples, s_labels, Featurizer()));
        var second = Bytes(LinearTextModelTrainer.Train(s_examples, s_labels, Featurizer()));
        Assert.Equal(first, second);

        var loaded = LinearTextModel.Load(new MemoryStream(first));
        Assert.Equal(first, Bytes(loaded));
        Assert.Equal(s_labels, loaded.Labels);
        var original = LinearTextModelTrainer.Train(s_examples, s_labels, Featurizer());
        Assert.Equal(original.Probability("merci beaucoup", 1), loaded.Probability("merci beaucoup", 1));
    }

    [Fact]
    public void DifferentSeedGivesADifferentModel()
    {
        var a = Bytes(LinearTextModelTrainer.Train(s_examples, s_labels, Featurizer(), new TrainerOptions(Seed: 1)));
        var b = Bytes(LinearTextModelTrainer.Train(s_examples, s_labels, Featurizer(), new TrainerOptions(Seed: 2)));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void EmptyTextGivesThePriors()
    {
        var model = new LinearTextModel(Featurizer(), s_labels, new float[4096 * 2], [0f, MathF.Log(3)]);
        Span<float> p = stackalloc float[2];
        Assert.Equal(0, model.Predict("", p));
        Assert.Equal(0.25f, p[0], 5);
        Assert.Equal(0.75f, p[1], 5);
    }

    [Fact]
    public void CorruptOrTruncatedModelsAreRejected()
    {
        var bytes = Bytes(LinearTextModelTrainer.Train(s_examples, s_labels, Featurizer()));
        var raw = Decompress(bytes);
        Assert.Throws<InvalidDataException>(() => LinearTextModel.Load(new MemoryStream(Compress(raw[..(raw.Length / 2)]))));
        raw[0] ^= 0xFF;
        Assert.Throws<InvalidDataException>(() => LinearTextModel.Load(new MemoryStream(Compress(raw))));
        Assert.Throws<InvalidDataException>(() => LinearTextModel.Load(new MemoryStream([1, 2, 3])));
    }

    [Fact]
    public void MissingEmbeddedModelIsAClearError()
    {
        var e = Assert.Throws<InvalidOperationException>(() => LinearTextModel.LoadEmbedded("no-such-model.nplt"));
        Assert.Contains("no-such-model.nplt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadLabelIndexIsRejectedWithItsPosition()
    {
        var e = Assert.Throws<ArgumentException>(() => LinearTextModelTrainer.Train([new("a", 0), new("b", 2)], s_labels, Featurizer()));
        Assert.Contains("Example 1", e.Message, StringComparison.Ordinal);
    }

    private static byte[] Bytes(LinearTextModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static byte[] Decompress(byte[] gzip)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Compress(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(raw);
        }

        return output.ToArray();
    }
}
