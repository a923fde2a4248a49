using System;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// How the crisis detector reads its model, and the one place it does so (detection, cross-validation and
/// <c>guards-crisis-train --check</c> all go through <see cref="Predict"/>). The model's feature sum is scaled by
/// <c>1/sqrt(n)</c>, so k copies of a sentence get sqrt(k) times its logits: a long repetitive text whose single copy
/// does not escalate could still reach a crisis score. For a repetitive text (at least <see cref="RepetitiveRatio"/>
/// feature occurrences per distinct hashed feature) the detector therefore also reads the text with each distinct
/// feature counted once (the same for k copies as for two); unless that reading reaches the operating point on its own,
/// it is the model's answer, so repetition cannot turn the model's verdict into an escalation. Ordinary messages are
/// read as before (in the training corpora and the review sets, one message of 6,000 has a ratio above 1.75).
/// </summary>
internal static class CrisisModelInput
{
    /// <summary>
    /// Feature occurrences per distinct feature from which a text counts as repetitive: ordinary messages stay below
    /// 1.8, ten copies of a sentence reach about 10.
    /// </summary>
    internal const int RepetitiveRatio = 4;

    /// <summary>The index of the "none" class in the crisis model (<see cref="CrisisDetector"/> checks the labels).</summary>
    private const int NoneClass = 0;

    /// <summary>The crisis model's class probabilities for <paramref name="text"/> (not yet normalised).</summary>
    /// <param name="model">The crisis model.</param>
    /// <param name="text">Any text.</param>
    /// <param name="probabilities">Receives one probability per class; at least the model's class count long.</param>
    /// <param name="operatingPoint">The crisis probability (1 − P(none)) at which the model escalates this text.</param>
    public static void Predict(LinearTextModel model, ReadOnlySpan<char> text, Span<float> probabilities, double operatingPoint)
    {
        Span<float> once = stackalloc float[model.ClassCount];
        var (_, distinct) = model.PredictText(text, probabilities, once, RepetitiveRatio);
        if (distinct > 0 && 1 - once[NoneClass] < operatingPoint)
        {
            once.CopyTo(probabilities);
        }
    }
}
