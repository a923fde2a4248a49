using System;
using System.Buffers;
using System.Collections.Generic;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The default <see cref="IConversationRiskAssessor"/>, offline: a linear model of character 3–5-grams (embedded
/// resource <c>Models/crisis-history.nplt</c>) reads the person's newest messages as one document (joined by newlines;
/// at most the newest <see cref="MaxChars"/> characters, see <see cref="Assess"/>) and
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

    /// <summary>
    /// The most characters read from one message (its last ones): above the 99th percentile of the training posts
    /// (2,520 characters; the longest is 8,047).
    /// </summary>
    public const int MaxCharsPerMessage = 4096;

    /// <summary>
    /// The most characters read from a conversation (its newest ones): near the median training history read as one
    /// document (3,135 characters; 75th percentile 8,714, longest 32,715). Longer benign text (pasted code, licences)
    /// pushed the score past the guard's threshold; the cap bounds the time and memory of one call too.
    /// </summary>
    public const int MaxChars = 4096;

    internal const string ModelFileName = "crisis-history.nplt";

    private const int StackLimit = 1024;

    private static readonly Lazy<LinearTextModel> s_model = new(() => LinearTextModel.LoadEmbedded(ModelFileName));
    private static readonly Lazy<ConversationRiskAssessor> s_default = new(() => new ConversationRiskAssessor());

    private readonly LinearTextModel _model;
    private readonly ILanguageIdentifier? _languageIdentifier;
    private readonly int _atRisk;
    private readonly int _maxChars;

    /// <summary>Creates an assessor on the embedded model.</summary>
    /// <param name="languageIdentifier">
    /// Decides which messages are English; <see cref="LanguageIdentifier.Default"/> when <see langword="null"/>.
    /// </param>
    public ConversationRiskAssessor(ILanguageIdentifier? languageIdentifier = null)
        : this(s_model.Value, languageIdentifier ?? LanguageIdentifier.Default)
    {
    }

    /// <summary>Creates an assessor on another model (tests and the evaluation harness); no language gate when null.</summary>
    internal ConversationRiskAssessor(LinearTextModel model, ILanguageIdentifier? languageIdentifier, int maxChars = MaxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        _maxChars = maxChars;
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _languageIdentifier = languageIdentifier;
        _atRisk = model.IndexOf("at_risk");
    }

    /// <summary>The shared instance on the embedded model and the default language identifier (loaded on first use).</summary>
    public static ConversationRiskAssessor Default => s_default.Value;

    /// <inheritdoc/>
    /// <remarks>
    /// Only the newest text is read: the last <see cref="MaxCharsPerMessage"/> characters of each message (before its
    /// language is identified) and, newest message first, at most <see cref="MaxChars"/> characters in all (an older
    /// message that does not fit is cut to its last characters; older ones are not read). A message is counted in
    /// <see cref="ConversationRiskAssessment.MessagesScored"/> only when some of it is read.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is <see langword="null"/>.</exception>
    public ConversationRiskAssessment Assess(IReadOnlyList<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);

        // Newest first: where each read message starts (-1: not read) and the length of the document they make
        // (oldest first, joined by one newline each), within the caps.
        int[]? rentedStart = null;
        var starts = messages.Count <= StackLimit ? stackalloc int[messages.Count] : (rentedStart = ArrayPool<int>.Shared.Rent(messages.Count)).AsSpan(0, messages.Count);
        starts.Fill(-1);
        char[]? rented = null;
        try
        {
            var length = 0;
            var scored = 0;
            for (var i = messages.Count - 1; i >= 0 && length < _maxChars; i--)
            {
                var text = messages[i];
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var separator = scored > 0 ? 1 : 0;
                var take = Math.Min(Math.Min(text.Length, MaxCharsPerMessage), _maxChars - length - separator);
                if (take <= 0)
                {
                    break;
                }

                var slice = text.AsSpan(text.Length - take);
                if (slice.IsWhiteSpace() || !IsEnglishOrUnknown(slice))
                {
                    continue;
                }

                starts[i] = text.Length - take;
                length += separator + take;
                scored++;
            }

            if (scored == 0)
            {
                return ConversationRiskAssessment.None;
            }

            var document = length <= StackLimit ? stackalloc char[length] : (rented = ArrayPool<char>.Shared.Rent(length)).AsSpan(0, length);
            var at = 0;
            for (var i = 0; i < messages.Count; i++)
            {
                if (starts[i] < 0)
                {
                    continue;
                }

                if (at > 0)
                {
                    document[at++] = '\n';
                }

                var slice = messages[i].AsSpan(starts[i]);
                slice.CopyTo(document[at..]);
                at += slice.Length;
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

            if (rentedStart is not null)
            {
                ArrayPool<int>.Shared.Return(rentedStart);
            }
        }
    }

    private bool IsEnglishOrUnknown(ReadOnlySpan<char> text)
    {
        if (_languageIdentifier is null)
        {
            return true;
        }

        var language = _languageIdentifier.Identify(text);
        return !language.IsKnown || language.Language == "en";
    }
}
