using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Evaluation.Guards;

/// <summary>Hyper-parameters of <see cref="OutputHateNetworkTrainer"/> (session 28; OutputHateSelection.md).</summary>
/// <param name="Hidden">Hidden units (ReLU).</param>
/// <param name="Epochs">Passes over the examples, each in a new order of the seeded shuffle.</param>
/// <param name="LearningRate">The initial step; it decays as <c>lr / (1 + step / examples)</c>, as the linear trainer's.</param>
/// <param name="L2">Weight decay on the bucket rows an example touches.</param>
/// <param name="Seed">Seeds the initial weights and the order.</param>
/// <param name="AllowDead">Return a dead network instead of throwing <see cref="DeadNetworkException"/> (only for a diagnostic that studies one).</param>
internal sealed record NetworkOptions(int Hidden = 16, int Epochs = 10, float LearningRate = 0.5f, float L2 = 1e-6f, int Seed = 17, bool AllowDead = false);

/// <summary>
/// Training ended in a dead network: every hidden unit is off (ReLU input at or below 0) for all but a handful of the
/// training texts (fewer than <see cref="OutputHateNetworkTrainer.MinLiveShare"/> of them turn any unit on), so the network
/// gives nearly every text the same score (session 29: N16u's injection fold 0 did, silently, with a unit on for 6 of its
/// 4,569 training texts). Its figures would be those of a constant, so the trainer refuses it rather than warn in a log that
/// a ten-seed run can bury.
/// </summary>
internal sealed class DeadNetworkException(string message) : InvalidOperationException(message);

/// <summary>
/// Trains a <see cref="HashedFeatureNetwork"/> by plain stochastic gradient descent on the weighted, class-balanced logistic
/// loss (label 1 = hateful). Deterministic: one thread, scalar arithmetic, a seeded <see cref="Random"/>; the same
/// examples and options give the same bytes. The texts must already be as the scorer sees them (transliterated, groups
/// abstracted); they are normalised here with <see cref="GuardText.Normalize(ReadOnlySpan{char}, Span{char}, bool)"/>.
/// A network that ends dead (a hidden unit on for fewer than <see cref="MinLiveShare"/> of the training texts: nearly a
/// constant) is refused with <see cref="DeadNetworkException"/> unless <see cref="NetworkOptions.AllowDead"/>.
/// </summary>
internal static class OutputHateNetworkTrainer
{
    /// <summary>
    /// The least share of training texts that must turn at least one hidden unit on. Session 29's injection folds: the dead
    /// one 0.0013, the live ones 0.19 and more (the attacks 0.996 and more); far from both, so neither side is near the line.
    /// </summary>
    public const double MinLiveShare = 0.01;

    /// <summary>The initial hidden bias: slightly positive, so that no unit starts dead.</summary>
    private const float InitialHiddenBias = 0.1f;

    /// <summary>Initial bucket weights are uniform in +- this (a text's scaled sum then has about this spread).</summary>
    private const float InitialRowRange = 0.1f;

    public static HashedFeatureNetwork Train(IReadOnlyList<TrainingExample> examples, TextFeaturizer featurizer, NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(options);
        if (examples.Count == 0)
        {
            throw new ArgumentException("There is nothing to train on.", nameof(examples));
        }

        var hidden = options.Hidden;
        var features = new int[examples.Count][];
        var scales = new float[examples.Count];
        var texts = new string[examples.Count];
        var positives = 0;
        for (var i = 0; i < examples.Count; i++)
        {
            if (examples[i].Label is not (0 or 1))
            {
                throw new ArgumentException($"Example {i} has label {examples[i].Label}; the network has two classes (0, 1).", nameof(examples));
            }

            positives += examples[i].Label;
            var collector = new Collector(new List<int>());
            var text = examples[i].Text;
            var normalized = new char[text.Length];
            var length = GuardText.Normalize(text, normalized);
            texts[i] = new string(normalized, 0, length);
            var count = featurizer.Visit(normalized.AsSpan(0, length), ref collector);
            features[i] = [.. collector.Buckets];
            scales[i] = count == 0 ? 0f : 1f / MathF.Sqrt(count);
        }

        // Class balance as the linear trainer's BalanceClasses.
        var classWeight = new[]
        {
            positives == examples.Count ? 1f : examples.Count / (2f * (examples.Count - positives)),
            positives == 0 ? 1f : examples.Count / (2f * positives),
        };

        var random = new Random(options.Seed);
        var rows = new float[featurizer.BucketCount * hidden];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (float)(((random.NextDouble() * 2) - 1) * InitialRowRange);
        }

        var hiddenBias = Enumerable.Repeat(InitialHiddenBias, hidden).ToArray();
        var output = new float[hidden];
        var outputRange = 1 / MathF.Sqrt(hidden);
        for (var j = 0; j < hidden; j++)
        {
            output[j] = (float)(((random.NextDouble() * 2) - 1) * outputRange);
        }

        var outputBias = 0f;
        var sum = new float[hidden];
        var activation = new float[hidden];
        var gradient = new float[hidden];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        long step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var lr = options.LearningRate / (1f + (step++ / (float)examples.Count));
                var buckets = features[i];
                var scale = scales[i];
                Array.Clear(sum);
                foreach (var b in buckets)
                {
                    var row = b * hidden;
                    for (var j = 0; j < hidden; j++)
                    {
                        sum[j] += rows[row + j];
                    }
                }

                var logit = outputBias;
                for (var j = 0; j < hidden; j++)
                {
                    var h = (sum[j] * scale) + hiddenBias[j];
                    activation[j] = h > 0 ? h : 0f;
                    logit += activation[j] * output[j];
                }

                var label = examples[i].Label;
                var p = 1f / (1f + MathF.Exp(-logit));
                var g = examples[i].Weight * classWeight[label] * (p - label);
                for (var j = 0; j < hidden; j++)
                {
                    // The gradient at the hidden unit's input (0 where the ReLU is off), taken before the output weight moves.
                    gradient[j] = activation[j] > 0 ? g * output[j] : 0f;
                    output[j] -= lr * g * activation[j];
                    hiddenBias[j] -= lr * gradient[j];
                }

                outputBias -= lr * g;
                foreach (var b in buckets)
                {
                    var row = b * hidden;
                    for (var j = 0; j < hidden; j++)
                    {
                        ref var w = ref rows[row + j];
                        w -= lr * ((gradient[j] * scale) + (options.L2 * w));
                    }
                }
            }
        }

        var network = new HashedFeatureNetwork(featurizer, hidden, rows, hiddenBias, output, outputBias);
        var live = options.AllowDead ? examples.Count : texts.Count(t => network.ActiveUnits(t) > 0);
        if (live < MinLiveShare * examples.Count)
        {
            throw new DeadNetworkException(FormattableString.Invariant(
                $"Training ended in a dead network: its {hidden} hidden units are all off for {examples.Count - live} of the {examples.Count} training texts, so it scores nearly every text the same. Try a lower learning rate (it was {options.LearningRate}) or another seed (it was {options.Seed})."));
        }

        return network;
    }

    /// <summary>
    /// Platt scaling (session 29): the scale a and bias b minimising the weighted log loss of <c>sigmoid(a z + b)</c>, z the
    /// logit of each score, by Newton's method from a = 1, b = 0 with step halving (deterministic). Scores of 0 or 1 are
    /// clamped to 1e-12 from either end; the caller leaves out what calibration cannot move (a text without features).
    /// </summary>
    /// <param name="points">Each held-out example's score (a probability), label (1 = hateful) and weight.</param>
    /// <returns>The scale (positive) and the bias.</returns>
    /// <exception cref="InvalidOperationException">The fit does not give a positive, finite scale (the scores do not order the classes).</exception>
    public static (float Scale, float Bias) FitPlatt(IReadOnlyList<(double Score, int Label, double Weight)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var z = points.Select(p => Math.Log(Math.Clamp(p.Score, 1e-12, 1 - 1e-12) / (1 - Math.Clamp(p.Score, 1e-12, 1 - 1e-12)))).ToArray();
        double Loss(double a, double b)
        {
            var loss = 0.0;
            for (var i = 0; i < z.Length; i++)
            {
                var t = (a * z[i]) + b;
                // log(1 + e^-t) for label 1, log(1 + e^t) for label 0, computed without overflow.
                var m = points[i].Label == 1 ? -t : t;
                loss += points[i].Weight * (Math.Max(m, 0) + Math.Log(1 + Math.Exp(-Math.Abs(m))));
            }

            return loss;
        }

        double scale = 1, bias = 0, current = Loss(scale, bias);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (var i = 0; i < z.Length; i++)
            {
                var p = 1 / (1 + Math.Exp(-((scale * z[i]) + bias)));
                var w = points[i].Weight;
                var d = w * (p - points[i].Label);
                var h = w * p * (1 - p);
                ga += d * z[i];
                gb += d;
                haa += h * z[i] * z[i];
                hab += h * z[i];
                hbb += h;
            }

            var det = (haa * hbb) - (hab * hab);
            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;
            var step = 1.0;
            while (step > 1e-6 && !(Loss(scale - (step * da), bias - (step * db)) <= current))
            {
                step /= 2;
            }

            if (step <= 1e-6)
            {
                break;
            }

            scale -= step * da;
            bias -= step * db;
            var next = Loss(scale, bias);
            var done = current - next < 1e-12 * Math.Max(1, current);
            current = next;
            if (done)
            {
                break;
            }
        }

        if (!double.IsFinite(scale) || scale <= 0 || !double.IsFinite(bias))
        {
            throw new InvalidOperationException($"The calibration fit gave scale {scale} and bias {bias}: the scores do not order the classes.");
        }

        return ((float)scale, (float)bias);
    }

    private readonly struct Collector(List<int> buckets) : IFeatureVisitor
    {
        public List<int> Buckets { get; } = buckets;

        public void Add(int bucket) => Buckets.Add(bucket);
    }
}
