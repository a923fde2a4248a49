using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// The fitted model of <see cref="FalseSignalDetector"/>, in two passes. Pass 1: gradient-boosted decision trees of depth
/// 2 over the <see cref="FalseSignalFeatures.Count"/> signal features give a first probability per sample. Pass 2 (auto-
/// context): another tree ensemble over the same features plus <see cref="FalseSignalFeatures.ContextCount"/> features
/// of the first probabilities (their local means, and the rate level relative to the samples pass 1 finds surely fetal
/// or surely false) gives a logit per sample; a logistic regression over that logit and its means over the sample's
/// segment and centred 60 s and 300 s windows gives the probability. The constants are in
/// <c>FalseSignalModel.Coefficients.cs</c>, printed by
/// <c>dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- ctg-fs-train</c>.
/// </summary>
internal sealed partial class FalseSignalModel
{
    private readonly float[] _stage2;

    /// <summary>Initializes a model from its constants.</summary>
    /// <param name="first">The pass-1 trees (signal features only).</param>
    /// <param name="second">The pass-2 trees (signal and context features).</param>
    /// <param name="stage2">Intercept, then the weights of the pass-2 logit and of its segment, 60 s and 300 s means.</param>
    public FalseSignalModel(FalseSignalTrees first, FalseSignalTrees second, float[] stage2)
    {
        if (stage2.Length != 5 || first.FeatureLimit > FalseSignalFeatures.Count || second.FeatureLimit > FalseSignalFeatures.AllCount)
        {
            throw new ArgumentException("The model's parts do not match the features.", nameof(stage2));
        }

        First = first;
        Second = second;
        _stage2 = stage2;
    }

    /// <summary>Gets the model shipped with the package (fitted on FHRMA FSdataset/DopMHR/Train).</summary>
    public static FalseSignalModel Default { get; } = CreateDefault();

    /// <summary>Gets the pass-1 trees.</summary>
    public FalseSignalTrees First { get; }

    /// <summary>Gets the pass-2 trees.</summary>
    public FalseSignalTrees Second { get; }

    /// <summary>The probability from a pass-2 logit and its smoothed means.</summary>
    public float Combine(float score, float segment, float window60, float window300) =>
        Sigmoid(_stage2[0] + (_stage2[1] * score) + (_stage2[2] * segment) + (_stage2[3] * window60) + (_stage2[4] * window300));

    /// <summary>The logistic function, clamped so it never overflows.</summary>
    public static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-Math.Clamp(z, -30f, 30f)));
}

/// <summary>An ensemble of depth-2 decision trees: each a root split and one split under each branch, four leaf values.</summary>
internal sealed class FalseSignalTrees
{
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly float[] _leaf;
    private readonly float _bias;

    /// <summary>Initializes an ensemble from its constants.</summary>
    /// <param name="feature">Three feature indices per tree: root, left child, right child.</param>
    /// <param name="threshold">Three thresholds per tree, same order: values at or below go left.</param>
    /// <param name="leaf">Four leaf values per tree: left-left, left-right, right-left, right-right.</param>
    /// <param name="bias">The intercept.</param>
    public FalseSignalTrees(int[] feature, float[] threshold, float[] leaf, float bias)
    {
        if (feature.Length % 3 != 0 || threshold.Length != feature.Length || leaf.Length != feature.Length / 3 * 4)
        {
            throw new ArgumentException("The ensemble's arrays do not match.", nameof(feature));
        }

        foreach (var f in feature)
        {
            if (f < 0)
            {
                throw new ArgumentException("A tree names a negative feature.", nameof(feature));
            }

            FeatureLimit = Math.Max(FeatureLimit, f + 1);
        }

        _feature = feature;
        _threshold = threshold;
        _leaf = leaf;
        _bias = bias;
    }

    /// <summary>Gets one more than the highest feature index used.</summary>
    public int FeatureLimit { get; }

    /// <summary>Gets the number of trees.</summary>
    public int Count => _feature.Length / 3;

    /// <summary>The logit of one sample's features.</summary>
    public float Score(ReadOnlySpan<float> features)
    {
        var z = _bias;
        for (int k = 0, l = 0; k < _feature.Length; k += 3, l += 4)
        {
            z += features[_feature[k]] <= _threshold[k]
                ? (features[_feature[k + 1]] <= _threshold[k + 1] ? _leaf[l] : _leaf[l + 1])
                : (features[_feature[k + 2]] <= _threshold[k + 2] ? _leaf[l + 2] : _leaf[l + 3]);
        }

        return z;
    }
}
