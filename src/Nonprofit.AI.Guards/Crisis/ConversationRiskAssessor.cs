using System;
using System.Buffers;
using System.Collections.Generic;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The default <see cref="IConversationRiskAssessor"/>, offline: a linear model of character 3–5-grams (embedded
/// resource <c>Models/crisis-history.nplt</c>) reads the person's messages as one document (joined by newlines) and
/// gives the probability that the writer's history is at risk. Deterministic and thread-safe (the model is immutable).
/// </summary>
/// <remarks>
/// <para>
/// <b>English only.</b> The model was trained on the English Reddit C-SSRS posts of 250 users (Gaur et al. 2019, CC BY:
/// at risk = Ideation, Behavior or Attempt; not at risk = Supportive or Indicator; labels are per user, given by
/// clinicians on the whole history). A message that the <see cref="ILanguageIdentifier"/> identifies as another
/// language is left out; a conversation with no English message scores 0 (the per-message
/// <see cref="CrisisDetector"/> still covers every language it knows). Messages too short to identify are kept.
/// </para>
/// <para>
/// What it measures is not what <see cref="CrisisDetector"/> measures: a risk level that a clinician would read in a
/// whole history, including people who write about their past, not a present emergency. Its figures on the 250
/// held-apart Reddit users (ROC AUC, recall and precision at <see cref="DefaultThreshold"/>) and its false alarms on
/// ordinary chat are in docs/guards.md ("Session 25: conversation risk"); the training data and the search are in
/// <c>benchmarks/Nonprofit.Evaluation/Guards/Data/CRISIS-HISTORY.md</c>. Use it to bring a conversation to a human's
/// attention, not to decide alone.
/// </para>
/// </remarks>
public sealed class ConversationRiskAssessor : IConversationRiskAssessor
{
    /// <summary>
    /// The score at or above which a conversation counts as at risk: the threshold that maximised recall minus
    /// false-positive rate out of fold on the training users (CRISIS-HISTORY.md).
    /// </summary>
    public const double DefaultThreshold = 0.48;

    internal const string ModelFileName = "crisis-history.nplt";

    private const int StackLimit = 1024;

    private static readonly Lazy<LinearTextModel> s_model = new(() => LinearTextModel.LoadEmbedded(ModelFileName));
    private static readonly Lazy<ConversationRiskAssessor> s_default = new(() => new ConversationRiskAssessor());

    private readonly LinearTextModel _model;
    private readonly ILanguageIdentifier? _languageIdentifier;
    private readonly int _atRisk;

    /// <summary>Creates an assessor on the embedded model.</summary>
    /// <param name="languageIdentifier">
    /// Decides which messages are English; <see cref="LanguageIdentifier.Default"/> when <see langword="null"/>.
    /// </param>
    public ConversationRiskAssessor(ILanguageIdentifier? languageIdentifier = null)
        : this(s_model.Value, languageIdentifier ?? LanguageIdentifier.Default)
    {
    }

    /// <summary>Creates an assessor on another model (tests and the evaluation harness); no language gate when null.</summary>
    internal ConversationRiskAssessor(LinearTextModel model, ILanguageIdentifier? languageIdentifier)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _languageIdentifier = languageIdentifier;
        _atRisk = model.IndexOf("at_risk");
    }

    /// <summary>The shared instance on the embedded model and the default language identifier (loaded on first use).</summary>
    public static ConversationRiskAssessor Default => s_default.Value;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is <see langword="null"/>.</exception>
    public ConversationRiskAssessment Assess(IReadOnlyList<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);

        // Which messages are read, and the length of the document they make (joined by one newline each).
        bool[]? rentedKeep = null;
        var keep = messages.Count <= StackLimit ? stackalloc bool[messages.Count] : (rentedKeep = ArrayPool<bool>.Shared.Rent(messages.Count)).AsSpan(0, messages.Count);
        char[]? rented = null;
        try
        {
            var length = 0;
            var scored = 0;
            for (var i = 0; i < messages.Count; i++)
            {
                var text = messages[i];
                keep[i] = !string.IsNullOrWhiteSpace(text) && IsEnglishOrUnknown(text);
                if (keep[i])
                {
                    length += (scored > 0 ? 1 : 0) + text.Length;
                    scored++;
                }
            }

            if (scored == 0)
            {
                return ConversationRiskAssessment.None;
            }

            var document = length <= StackLimit ? stackalloc char[length] : (rented = ArrayPool<char>.Shared.Rent(length)).AsSpan(0, length);
            var at = 0;
            for (var i = 0; i < messages.Count; i++)
            {
                if (!keep[i])
                {
                    continue;
                }

                if (at > 0)
                {
                    document[at++] = '\n';
                }

                messages[i].AsSpan().CopyTo(document[at..]);
                at += messages[i].Length;
            }

            Span<float> probabilities = stackalloc float[_model.ClassCount];
            _model.PredictText(document, probabilities);
            return new ConversationRiskAssessment(Math.Clamp(probabilities[_atRisk], 0, 1), scored);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }

            if (rentedKeep is not null)
            {
                ArrayPool<bool>.Shared.Return(rentedKeep);
            }
        }
    }

    private bool IsEnglishOrUnknown(string text)
    {
        if (_languageIdentifier is null)
        {
            return true;
        }

        var language = _languageIdentifier.Identify(text);
        return !language.IsKnown || language.Language == "en";
    }
}
