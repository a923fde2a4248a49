using System;
using System.Linq;
using System.Threading;

namespace Nonprofit.Monitoring;

/// <summary>
/// Runs the whole offline chain on a recording, in this order: <see cref="CtgAnalyzer"/> (preprocessing, baseline,
/// accelerations, decelerations, contractions), <see cref="FalseSignalDetector"/> (per-sample probability),
/// <see cref="VariabilityAnalyzer"/> and <see cref="ShortTermVariationAnalyzer"/> on the baseline segments (accelerations,
/// decelerations, removed or interpolated samples and samples with a false-signal probability of at least the detector's
/// threshold excluded), then <see cref="FigoClassifier"/> and <see cref="DawesRedmanAnalyzer"/> (with the analysis' baseline,
/// accelerations, decelerations and the same segment mask). <c>nonprofit ctg analyze</c> and <see cref="CtgMonitor"/> use it.
/// </summary>
/// <remarks>Stateless after construction and thread-safe (each part is).</remarks>
public sealed class CtgAssessor
{
    private readonly CtgAnalyzer _analyzer;
    private readonly FalseSignalDetector? _falseSignal;
    private readonly VariabilityAnalyzer _variability;
    private readonly ShortTermVariationAnalyzer _variation;
    private readonly DawesRedmanAnalyzer _dawesRedman;

    /// <summary>Initializes an assessor from its parts (each with its defaults when <see langword="null"/>).</summary>
    /// <param name="analyzer">The analyzer.</param>
    /// <param name="falseSignal">The false-signal detector; the default detector when <see langword="null"/> and <paramref name="detectFalseSignal"/> is true.</param>
    /// <param name="variability">The variability analyzer.</param>
    /// <param name="variation">The STV/LTV analyzer.</param>
    /// <param name="detectFalseSignal">Whether to run the false-signal detector at all.</param>
    /// <param name="dawesRedman">The Dawes-Redman criteria analyzer.</param>
    public CtgAssessor(
        CtgAnalyzer? analyzer = null,
        FalseSignalDetector? falseSignal = null,
        VariabilityAnalyzer? variability = null,
        ShortTermVariationAnalyzer? variation = null,
        bool detectFalseSignal = true,
        DawesRedmanAnalyzer? dawesRedman = null)
    {
        _analyzer = analyzer ?? new CtgAnalyzer();
        _falseSignal = detectFalseSignal ? falseSignal ?? new FalseSignalDetector() : null;
        _variability = variability ?? new VariabilityAnalyzer();
        _variation = variation ?? new ShortTermVariationAnalyzer();
        _dawesRedman = dawesRedman ?? new DawesRedmanAnalyzer();
    }

    /// <summary>Assesses <paramref name="recording"/>.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recording"/> is <see langword="null"/>.</exception>
    public CtgAssessment Assess(CtgRecording recording, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var analysis = _analyzer.Analyze(recording, cancellationToken);
        var fs = analysis.SampleRateHz;
        var n = analysis.Length;
        var probability = _falseSignal?.Detect(recording);

        var segments = new FhrSegment[n];
        FhrSegmentMask.MarkUnreliable(analysis.Preprocessed.Status.Span, segments);
        FhrSegmentMask.Mark(analysis.Accelerations.Select(Range), FhrSegment.Acceleration, fs, segments);
        FhrSegmentMask.Mark(analysis.Decelerations.Select(Range), FhrSegment.Deceleration, fs, segments);
        if (probability is not null)
        {
            for (var i = 0; i < n; i++)
            {
                if (probability[i] >= _falseSignal!.Threshold)
                {
                    segments[i] |= FhrSegment.Unreliable;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var fhr = analysis.Preprocessed.FetalHeartRate.Span;
        var variability = _variability.Analyze(fhr, analysis.Baseline.Span, segments, fs);
        var variation = _variation.Analyze(fhr, segments, fs);
        var features = new FigoFeatures
        {
            BaselineBpm = analysis.BaselineBpm,
            Decelerations = [.. analysis.Decelerations.Select(d => new FigoDeceleration(Kind(d.Type), Range(d)))],
            Contractions = [.. analysis.Contractions.Select(c => new CtgTimeRange(c.StartSeconds, c.EndSeconds))],
            SignalLossPercent = analysis.SignalLossPercent,
            Tachysystole = analysis.Tachysystole,
            RecordMinutes = n / fs / 60,
            BradycardiaMinutes = analysis.BradycardiaSeconds / 60,
            TachycardiaMinutes = analysis.TachycardiaSeconds / 60,
        }.WithVariability(variability);

        // DawesRedmanAnalyzer needs at least 1 Hz; a slower recording gets no Dawes-Redman result.
        var dawesRedman = fs >= 1
            ? _dawesRedman.Evaluate(new DawesRedmanInput
            {
                FhrBpm = analysis.Preprocessed.FetalHeartRate,
                BaselineBpm = analysis.Baseline,
                Segments = segments,
                SampleRateHz = fs,
                Accelerations = [.. analysis.Accelerations.Select(Range)],
                Decelerations = [.. analysis.Decelerations.Select(Range)],
            })
            : null;

        return new CtgAssessment
        {
            Analysis = analysis,
            FalseSignalProbability = probability,
            Segments = segments,
            Variability = variability,
            Variation = variation,
            Features = features,
            Figo = FigoClassifier.Classify(features),
            DawesRedman = dawesRedman,
        };
    }

    private static CtgTimeRange Range(FhrEvent e) => new(e.StartSeconds, e.EndSeconds);

    /// <summary>
    /// The FIGO kind of a deceleration. An unclassified one (no uterine activity to time it against) counts as variable:
    /// FIGO 2015 treats decelerations whose relation to contractions cannot be judged by their shape, and a variable
    /// deceleration is the least alarming assumption that still counts it (early decelerations are ignored by the
    /// classification).
    /// </summary>
    private static FigoDecelerationKind Kind(DecelerationType type) => type switch
    {
        DecelerationType.Early => FigoDecelerationKind.Early,
        DecelerationType.Late => FigoDecelerationKind.Late,
        DecelerationType.Prolonged => FigoDecelerationKind.Prolonged,
        _ => FigoDecelerationKind.Variable,
    };
}
