using Nonprofit.AI.Guards.Detection;
using Nonprofit.Evaluation.Guards;

namespace Nonprofit.AI.Guards.Tests.OutputSafety;

/// <summary>
/// Session 28's network class for the hate model (<see cref="HateSpeechNetwork"/>) and its trainer: what it can learn
/// that the linear model cannot, determinism, and its file format. Toy data only (made-up words), no hate corpus.
/// </summary>
public sealed class HateSpeechNetworkTests
{
    // Words only: no character n-grams or bigrams that could let a linear model see the pair as one feature.
    private static TextFeaturizer Words() => new(bucketBits: 10, minCharN: 0, maxCharN: 0, words: true, wordBigrams: false);

    /// <summary>
    /// An interaction: a text is positive when it has exactly one of "zorp" and "quib" (as "[GROUP] are vermin" is hateful
    /// while "[GROUP]" and "vermin" alone, or in "calling [GROUP] vermin is wrong", are not), among filler words.
    /// </summary>
    private static List<TrainingExample> Interaction(int seed, int count)
    {
        string[] fillers = ["lem", "tav", "rin", "sok", "pel", "dun", "mir", "gat"];
        var random = new Random(seed);
        var examples = new List<TrainingExample>();
        for (var i = 0; i < count; i++)
        {
            var zorp = random.Next(2) == 1;
            var quib = random.Next(2) == 1;
            var words = Enumerable.Range(0, 3).Select(_ => fillers[random.Next(fillers.Length)]).ToList();
            if (zorp)
            {
                words.Insert(random.Next(words.Count + 1), "zorp");
            }

            if (quib)
            {
                words.Insert(random.Next(words.Count + 1), "quib");
            }

            examples.Add(new TrainingExample(string.Join(' ', words), zorp ^ quib ? 1 : 0));
        }

        return examples;
    }

    private static double Accuracy(Func<string, double> probability, List<TrainingExample> examples) =>
        examples.Count(e => (probability(e.Text) >= 0.5) == (e.Label == 1)) / (double)examples.Count;

    [Fact]
    public void Network_LearnsAnInteraction_TheLinearModelCannot()
    {
        var train = Interaction(seed: 1, count: 800);
        var test = Interaction(seed: 2, count: 400);
        var network = new HateSpeechModel(OutputHateNetworkTrainer.Train(train, Words(), new NetworkOptions(Hidden: 16, Epochs: 30, LearningRate: 0.5f, Seed: 17)));
        var linear = LinearTextModelTrainer.Train(train, ["0", "1"], Words(), new TrainerOptions(Epochs: 30, LearningRate: 0.5f, BalanceClasses: true));
        var networkAccuracy = Accuracy(t => network.SentenceScore(t), test);
        var linearAccuracy = Accuracy(t => linear.Probability(t, 1), test);
        Assert.True(networkAccuracy >= 0.95, $"network {networkAccuracy:0.000}");
        Assert.True(linearAccuracy <= 0.8, $"linear {linearAccuracy:0.000} (the toy task must be out of a linear model's reach)");
    }

    [Fact]
    public void Train_IsDeterministic_AndTheSeedMatters()
    {
        var train = Interaction(seed: 3, count: 200);
        byte[] Bytes(int seed)
        {
            using var stream = new MemoryStream();
            OutputHateNetworkTrainer.Train(train, Words(), new NetworkOptions(Hidden: 8, Epochs: 3, Seed: seed)).Save(stream);
            return stream.ToArray();
        }

        Assert.Equal(Bytes(17), Bytes(17));
        Assert.NotEqual(Bytes(17), Bytes(18));
    }

    [Fact]
    public void SaveAndLoad_GiveTheSameScores_AndTheFormatIsRecognised()
    {
        var train = Interaction(seed: 4, count: 200);
        var network = OutputHateNetworkTrainer.Train(train, Words(), new NetworkOptions(Hidden: 12, Epochs: 3));
        using var stream = new MemoryStream();
        network.Save(stream);
        stream.Position = 0;
        Assert.True(HateSpeechNetwork.IsNetwork(stream));
        Assert.Equal(0, stream.Position);
        var loaded = HateSpeechNetwork.Load(stream);
        Assert.Equal(network.Hidden, loaded.Hidden);
        Assert.All(train, e =>
        {
            var text = GuardText.Normalize(e.Text);
            Assert.Equal(network.Logit(text, out var n1), loaded.Logit(text, out var n2));
            Assert.Equal(n1, n2);
        });

        using var linear = new MemoryStream();
        LinearTextModelTrainer.Train(train, ["0", "1"], Words(), new TrainerOptions(Epochs: 1)).Save(linear);
        linear.Position = 0;
        Assert.False(HateSpeechNetwork.IsNetwork(linear));
        Assert.Throws<InvalidDataException>(() => HateSpeechNetwork.Load(linear));
        Assert.Throws<InvalidDataException>(() => HateSpeechNetwork.Load(new MemoryStream(stream.ToArray()[..100])));
    }
}
