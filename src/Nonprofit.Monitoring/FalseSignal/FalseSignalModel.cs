using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// The fitted model of <see cref="FalseSignalDetector"/>: gradient-boosted decision trees of depth 2 (a root split and one
/// split under each branch, four leaf values) whose sum is a first-stage logit per sample, then a logistic regression
/// over that logit and its means over the sample's segment and over centred 60 s and 300 s windows. The constants are in
/// <c>FalseSignalModel.Coefficients.cs</c>, printed by
/// <c>dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- ctg-fs-train</c>.
/// </summary>
internal sealed partial class FalseSignalModel
{
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly float[] _leaf;
    private readonly float _bias;
    private readonly float[] _stage2;

    /// <summary>Initializes a model from its constants.</summary>
    /// <param name="feature">Three feature indices per tree: root, left child, right child.</param>
    /// <param name="threshold">Three thresholds per tree, same order: values at or below go left.</param>
    /// <param name="leaf">Four leaf values per tree: left-left, left-right, right-left, right-right.</param>
    /// <param name="bias">The first-stage intercept.</param>
    /// <param name="stage2">Intercept, then the weights of the sample's logit and of its segment, 60 s and 300 s means.</param>
    public FalseSignalModel(int[] feature, float[] threshold, float[] leaf, float bias, float[] stage2)
    {
        if (feature.Length % 3 != 0 || threshold.Length != feature.Length || leaf.Length != feature.Length / 3 * 4 || stage2.Length != 5)
        {
            throw new ArgumentException("The model's arrays do not match.", nameof(feature));
        }

        foreach (var f in feature)
        {
            if ((uint)f >= FalseSignalFeatures.Count)
            {
                throw new ArgumentException("A tree names a feature that does not exist.", nameof(feature));
            }
        }

        _feature = feature;
        _threshold = threshold;
        _leaf = leaf;
        _bias = bias;
        _stage2 = stage2;
    }

    /// <summary>Gets the model shipped with the package (fitted on FHRMA FSdataset/DopMHR/Train).</summary>
    public static FalseSignalModel Default { get; } = CreateDefault();

    /// <summary>Gets the number of trees.</summary>
    public int TreeCount => _feature.Length / 3;

    /// <summary>The first-stage logit of one sample's features.</summary>
    public float Score(ReadOnlySpan<float> features)
    {
        var z = _bias;
        for (int t = 0, k = 0, l = 0; k < _feature.Length; t++, k += 3, l += 4)
        {
            z += features[_feature[k]] <= _threshold[k]
                ? (features[_feature[k + 1]] <= _threshold[k + 1] ? _leaf[l] : _leaf[l + 1])
                : (features[_feature[k + 2]] <= _threshold[k + 2] ? _leaf[l + 2] : _leaf[l + 3]);
        }

        return z;
    }

    /// <summary>The probability from a first-stage logit and its smoothed means.</summary>
    public float Combine(float score, float segment, float window60, float window300)
    {
        var z = _stage2[0] + (_stage2[1] * score) + (_stage2[2] * segment) + (_stage2[3] * window60) + (_stage2[4] * window300);
        return 1f / (1f + MathF.Exp(-Math.Clamp(z, -30f, 30f)));
    }
}
