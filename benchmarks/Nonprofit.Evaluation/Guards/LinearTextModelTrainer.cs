using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Evaluation.Guards;

/// <summary>One training example: a text (not yet normalised) and its class index.</summary>
/// <param name="Text">The text.</param>
/// <param name="Label">The class index into the trainer's labels.</param>
/// <param name="Weight">The example's weight (1 = normal).</param>
internal readonly record struct TrainingExample(string Text, int Label, float Weight = 1f);

/// <summary>Hyper-parameters of <see cref="LinearTextModelTrainer"/>.</summary>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="LearningRate">The initial step size; it decays as <c>lr / (1 + t / examples)</c> with t the step number.</param>
/// <param name="L2">The L2 penalty per step on the weights an example touches (lazy regularisation).</param>
/// <param name="Seed">The seed of the per-epoch shuffle.</param>
/// <param name="BalanceClasses">Whether each class gets the same total weight (inverse frequency).</param>
/// <param name="KeepDiacritics">
/// Whether texts are normalised keeping Latin diacritics (<c>GuardText.Normalize(text, destination, keepDiacritics: true)</c>);
/// the detector must then normalise the same way before <c>LinearTextModel.Predict</c>.
/// </param>
internal sealed record TrainerOptions(int Epochs = 12, float LearningRate = 0.5f, float L2 = 1e-5f, int Seed = 17, bool BalanceClasses = false, bool KeepDiacritics = false);

/// <summary>
/// Trains a <see cref="LinearTextModel"/> by plain stochastic gradient descent on the multinomial logistic loss,
/// single-threaded in a seeded order: the same data, featurizer and options always give a byte-identical model (the
/// models embedded in Nonprofit.AI.Guards are made with it; each model's training command is in docs/guards.md).
/// </summary>
internal static class LinearTextModelTrainer
{
    /// <summary>Trains a model.</summary>
    /// <param name="examples">The examples; each label must be in <c>[0, labels.Count)</c>.</param>
    /// <param name="labels">The class labels.</param>
    /// <param name="featurizer">The features.</param>
    /// <param name="options">Hyper-parameters; defaults when null.</param>
    /// <returns>The trained model.</returns>
    public static LinearTextModel Train(IReadOnlyList<TrainingExample> examples, IReadOnlyList<string> labels, TextFeaturizer featurizer, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(featurizer);
        options ??= new TrainerOptions();
        var classes = labels.Count;
        if (examples.Count == 0)
        {
            throw new ArgumentException("There is nothing to train on.", nameof(examples));
        }

        var features = new int[examples.Count][];
        var scales = new float[examples.Count];
        var perClass = new int[classes];
        for (var i = 0; i < examples.Count; i++)
        {
            var label = examples[i].Label;
            if (label < 0 || label >= classes)
            {
                throw new ArgumentException($"Example {i} has label index {label}, outside the {classes} classes.", nameof(examples));
            }

            perClass[label]++;
            var collector = new Collector(new List<int>());
            var text = examples[i].Text;
            var normalized = new char[text.Length];
            var length = GuardText.Normalize(text, normalized, options.KeepDiacritics);
            var count = featurizer.Visit(normalized.AsSpan(0, length), ref collector);
            features[i] = [.. collector.Buckets];
            scales[i] = count == 0 ? 0f : 1f / MathF.Sqrt(count);
        }

        var classWeight = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            classWeight[c] = !options.BalanceClasses || perClass[c] == 0 ? 1f : examples.Count / (float)(classes * perClass[c]);
        }

        var weights = new float[featurizer.BucketCount * classes];
        var bias = new float[classes];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        var scores = new float[classes];
        long step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var lr = options.LearningRate / (1f + (step++ / (float)examples.Count));
                var buckets = features[i];
                var scale = scales[i];
                Array.Clear(scores);
                foreach (var b in buckets)
                {
                    for (var c = 0; c < classes; c++)
                    {
                        scores[c] += weights[(b * classes) + c];
                    }
                }

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

                var weight = examples[i].Weight * classWeight[examples[i].Label];
                for (var c = 0; c < classes; c++)
                {
                    // scores[c] becomes the gradient of the loss with respect to the class's logit.
                    scores[c] = weight * ((scores[c] / sum) - (c == examples[i].Label ? 1f : 0f));
                    bias[c] -= lr * scores[c];
                }

                foreach (var b in buckets)
                {
                    for (var c = 0; c < classes; c++)
                    {
                        ref var w = ref weights[(b * classes) + c];
                        w -= lr * ((scores[c] * scale) + (options.L2 * w));
                    }
                }
            }
        }

        return new LinearTextModel(featurizer, labels, weights, bias);
    }

    private readonly struct Collector(List<int> buckets) : IFeatureVisitor
    {
        public List<int> Buckets { get; } = buckets;

        public void Add(int bucket) => Buckets.Add(bucket);
    }
}
