using Nonprofit.AI.Guards;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// Session 29's injection model of the network class: session 28's <see cref="HashedFeatureNetwork"/> (a ReLU hidden layer over
/// hashed features; evaluation only since session 29) over exactly the injection
/// model's features (<see cref="InjectionTraining.Chosen"/>), trained by the deterministic <see cref="OutputHateNetworkTrainer"/>
/// (fixed seed) and read by <see cref="PromptInjectionDetector"/> through <see cref="IInjectionScorer"/>. Evaluation only:
/// the session-29 rule (Data/INJECTION-TRAINING.md) decides whether it ever goes into the package.
/// </summary>
internal sealed class InjectionNetwork(HashedFeatureNetwork network) : IInjectionScorer
{
    /// <summary>The network's epochs (the hate network's, fixed in the session-29 rule).</summary>
    public const int Epochs = 10;

    /// <summary>The network's initial learning rate (the hate network's, fixed in the session-29 rule).</summary>
    public const float LearningRate = 0.5f;

    /// <summary>The network's seed (the injection model's).</summary>
    public const int Seed = 17;

    /// <summary>The network.</summary>
    public HashedFeatureNetwork Network { get; } = network;

    /// <inheritdoc/>
    public float Probability(ReadOnlySpan<char> normalized) => 1f / (1f + MathF.Exp(-Network.Logit(normalized, out _)));

    /// <summary>
    /// Trains a network of <paramref name="hidden"/> units on the cases (label 1 = injection), with the injection model's
    /// features and L2; a dead network throws <see cref="DeadNetworkException"/> unless <paramref name="allowDead"/>.
    /// </summary>
    public static InjectionNetwork Train(IReadOnlyList<InjectionCase> cases, int hidden, bool allowDead = false) =>
        new(OutputHateNetworkTrainer.Train(
            [.. cases.Select(c => new TrainingExample(c.Text, c.Label))],
            InjectionTraining.Chosen.Featurizer(),
            new NetworkOptions(hidden, Epochs, LearningRate, InjectionTraining.Chosen.Trainer.L2, Seed, allowDead)));
}
