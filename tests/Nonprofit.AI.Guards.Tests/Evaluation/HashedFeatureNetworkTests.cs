using Nonprofit.AI.Guards.Detection;
using Nonprofit.Evaluation.Guards;

namespace Nonprofit.AI.Guards.Tests.Evaluation;

/// <summary>
/// Session 28's network class (<see cref="HashedFeatureNetwork"/>, in the evaluation harness since session 29; this project
/// compiles its file by link, as it does the trainers) and its trainer: what it can learn that the linear model cannot,
/// determinism, its file format, and the refusal of a dead network. Toy data only (made-up words), no hate corpus.
/// </summary>
public sealed class HashedFeatureNetworkTests
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
        Assert.True(HashedFeatureNetwork.IsNetwork(stream));
        Assert.Equal(0, stream.Position);
        var loaded = HashedFeatureNetwork.Load(stream);
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
        Assert.False(HashedFeatureNetwork.IsNetwork(linear));
        Assert.Throws<InvalidDataException>(() => HashedFeatureNetwork.Load(linear));
        Assert.Throws<InvalidDataException>(() => HashedFeatureNetwork.Load(new MemoryStream(stream.ToArray()[..100])));
    }

    /// <summary>A file's header (bucket bits, hidden size) followed by <paramref name="body"/> bytes of zeros.</summary>
    private static MemoryStream Header(int bucketBits, int hidden, int body)
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("NPHN"u8);
            writer.Write(1);
            writer.Write(bucketBits);
            writer.Write(0);
            writer.Write(0);
            writer.Write(true);
            writer.Write(false);
            writer.Write(hidden);
            writer.Write(new byte[body]);
        }

        stream.Position = 0;
        return stream;
    }

    [Theory]
    [InlineData(24, 256, 2052)] // 2^24 * 256 wraps to 0 in 32 bits; the biases follow: it must not load as an unusable network
    [InlineData(24, 128, 40)] // wraps to a negative size
    [InlineData(24, 64, 40)] // 4 GB of rows announced by a file of a few bytes: refused before allocating
    [InlineData(10, 16, 40)] // an honest size, but the file stops early
    public void Load_ATruncatedOrInconsistentFile_ThrowsInvalidData_BeforeAllocatingTheRows(int bucketBits, int hidden, int body)
    {
        using var stream = Header(bucketBits, hidden, body);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InvalidDataException>(() => HashedFeatureNetwork.Load(stream));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1 << 20, "the rows were allocated before the size was checked");
        Assert.Contains("network file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AFileOfTheRightLength_Loads()
    {
        // The counterpart of the test above: the same header with exactly the body it announces is accepted.
        const int Hidden = 4;
        using var stream = Header(8, Hidden, body: (256 * Hidden * 2) + (Hidden * 4 * 2) + 4);
        Assert.Equal(Hidden, HashedFeatureNetwork.Load(stream).Hidden);
    }

    [Theory]
    [InlineData(0.5, -1.0)] // an over-confident network: calibration must shrink its logits
    [InlineData(1.0, 0.0)] // an already calibrated one: the fit must leave it (nearly) alone
    [InlineData(2.0, 0.5)]
    public void FitPlatt_RecoversTheScaleAndBias_TheLabelsWereDrawnWith(double scale, double bias)
    {
        // Session 29: scores sigmoid(z) whose labels were drawn with probability sigmoid(scale * z + bias).
        var random = new Random(29);
        var points = new List<(double Score, int Label, double Weight)>();
        for (var i = 0; i < 20000; i++)
        {
            var z = (random.NextDouble() * 10) - 5;
            var label = random.NextDouble() < 1 / (1 + Math.Exp(-((scale * z) + bias))) ? 1 : 0;
            points.Add((1 / (1 + Math.Exp(-z)), label, 1.0));
        }

        var (fittedScale, fittedBias) = OutputHateNetworkTrainer.FitPlatt(points);
        Assert.InRange(fittedScale, scale * 0.9, scale * 1.1);
        Assert.InRange(fittedBias, bias - 0.1, bias + 0.1);
    }

    [Fact]
    public void FitPlatt_ScoresThatDoNotOrderTheClasses_AreRefused()
    {
        // Higher scores for the negative class: a positive scale cannot fit them, and a negative one would invert the model.
        var points = Enumerable.Range(0, 200).Select(i => (Score: i < 100 ? 0.9 : 0.1, Label: i < 100 ? 0 : 1, Weight: 1.0)).ToList();
        Assert.Throws<InvalidOperationException>(() => OutputHateNetworkTrainer.FitPlatt(points));
    }

    [Fact]
    public void Calibration_IsAppliedToTheLogit_SavedAsVersion2_AndAnUncalibratedFileKeepsVersion1()
    {
        var train = Interaction(seed: 5, count: 200);
        var network = OutputHateNetworkTrainer.Train(train, Words(), new NetworkOptions(Hidden: 8, Epochs: 3));
        byte[] Bytes(HashedFeatureNetwork n)
        {
            using var stream = new MemoryStream();
            n.Save(stream);
            return stream.ToArray();
        }

        var plain = Bytes(network);
        Assert.False(network.IsCalibrated);
        Assert.Equal(1, BitConverter.ToInt32(plain, 4));
        Assert.Equal(plain, Bytes(network.WithCalibration(1f, 0f)));

        var calibrated = network.WithCalibration(0.5f, -1f);
        var bytes = Bytes(calibrated);
        Assert.Equal(2, BitConverter.ToInt32(bytes, 4));
        Assert.Equal(plain.Length + 8, bytes.Length);
        var loaded = HashedFeatureNetwork.Load(new MemoryStream(bytes));
        Assert.Equal((0.5f, -1f), (loaded.CalibrationScale, loaded.CalibrationBias));
        Assert.All(train, e =>
        {
            var text = GuardText.Normalize(e.Text);
            Assert.Equal((0.5f * network.Logit(text, out _)) - 1f, loaded.Logit(text, out _), 5);
        });

        Assert.Throws<InvalidDataException>(() => HashedFeatureNetwork.Load(new MemoryStream(bytes[..^4])));
        Assert.Throws<ArgumentOutOfRangeException>(() => network.WithCalibration(0f, 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => network.WithCalibration(-1f, 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => network.WithCalibration(float.NaN, 0f));
    }

    [Fact]
    public void ActiveUnits_CountsTheUnitsOn_AndANetworkWithEveryUnitOffIsAConstant()
    {
        var featurizer = Words();
        var rows = new float[featurizer.BucketCount * 2];
        var dead = new HashedFeatureNetwork(featurizer, 2, rows, [-1f, -1f], [1f, 1f], 0.3f);
        var live = new HashedFeatureNetwork(featurizer, 2, rows, [-1f, 1f], [1f, 1f], 0.3f);
        foreach (var text in new[] { "lem tav", "zorp quib rin", "gat" })
        {
            Assert.Equal(0, dead.ActiveUnits(text));
            Assert.Equal(0.3f, dead.Logit(text, out _));
            Assert.Equal(1, live.ActiveUnits(text));
            Assert.Equal(1.3f, live.Logit(text, out _), 5);
        }
    }

    [Fact]
    public void Train_ADeadNetwork_IsRefused_UnlessADiagnosticAllowsIt()
    {
        // Session 29 (injection report): a fold trained to a network with every hidden unit off for every text, a constant,
        // went unnoticed. A learning rate far too high forces one here: the first large steps push every unit below zero.
        var train = Interaction(seed: 6, count: 200);
        var options = new NetworkOptions(Hidden: 4, Epochs: 3, LearningRate: DeadLearningRate, Seed: 17);
        var e = Assert.Throws<DeadNetworkException>(() => OutputHateNetworkTrainer.Train(train, Words(), options));
        Assert.Contains("dead network", e.Message, StringComparison.Ordinal);

        // The same training, allowed: the network really is dead (so the refusal above is not a false alarm) ...
        var dead = OutputHateNetworkTrainer.Train(train, Words(), options with { AllowDead = true });
        Assert.All(train, x => Assert.Equal(0, dead.ActiveUnits(GuardText.Normalize(x.Text))));
        Assert.Single(train.Select(x => dead.Logit(GuardText.Normalize(x.Text), out _)).Distinct());

        // ... and a sane learning rate trains a live one without complaint.
        var live = OutputHateNetworkTrainer.Train(train, Words(), options with { LearningRate = 0.5f });
        Assert.True(train.Count(x => live.ActiveUnits(GuardText.Normalize(x.Text)) > 0) >= OutputHateNetworkTrainer.MinLiveShare * train.Count);
    }

    private const float DeadLearningRate = 1000f;

    [Fact]
    public void Constructor_RowsWhoseSizeWrapsToZero_AreRefused()
    {
        var featurizer = new TextFeaturizer(bucketBits: 24, minCharN: 0, maxCharN: 0, words: true, wordBigrams: false);
        Assert.Throws<ArgumentException>(() => new HashedFeatureNetwork(featurizer, 256, [], new float[256], new float[256], 0f));
    }
}
