using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Threading;

namespace Nonprofit.Monitoring;

/// <summary>
/// Analyses a CTG recording: preprocesses the fetal heart rate (<see cref="CtgPreprocessor"/>), estimates the baseline
/// (<see cref="BaselineMethod"/>), finds accelerations and decelerations, the uterine contractions and each
/// deceleration's type against them, and flags tachycardia, bradycardia and tachysystole, with the definitions of the
/// FIGO 2015 consensus guidelines on intrapartum fetal monitoring (Ayres-de-Campos, Spong, Chandraharan, Int J Gynecol
/// Obstet 131:13-24, 2015) and the NICHD 2008 workshop (Macones et al., Obstet Gynecol 112:661-666, 2008).
/// </summary>
/// <remarks>
/// Thread-safe; keeps one reusable scratch workspace between calls (no results). Thresholds and their sources are on <see cref="CtgAnalyzerOptions"/>;
/// docs/monitoring.md ("CTG analysis") gives the agreement with the FHRMA reference analyses and on synthetic CTG.
/// </remarks>
public sealed class CtgAnalyzer
{
    private readonly CtgAnalyzerOptions _options;
    private readonly CtgPreprocessor _preprocessor;

    // One cached workspace per analyzer (the analyzer is a DI singleton): taken with an atomic exchange, so concurrent
    // calls each get their own (the loser allocates one), and handed back after the call.
    private Workspace? _cached;

    /// <summary>Initializes an analyzer.</summary>
    /// <param name="options">The options (copied), or <see langword="null"/> for the defaults.</param>
    /// <param name="preprocessor">The preprocessor, or <see langword="null"/> for one with default options (FHRMA <c>preprocess.m</c>).</param>
    /// <exception cref="ArgumentException">An option is out of its range; the message names it.</exception>
    public CtgAnalyzer(CtgAnalyzerOptions? options = null, CtgPreprocessor? preprocessor = null)
    {
        options ??= new CtgAnalyzerOptions();
        var problem = options.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _options = options.Clone();
        _preprocessor = preprocessor ?? new CtgPreprocessor(new CtgPreprocessorOptions());
    }

    /// <summary>Gets or initializes the internal tuning (evaluation harness).</summary>
    internal CtgAnalyzerTuning Tuning { get; init; } = CtgAnalyzerTuning.Default;

    /// <summary>Analyses <paramref name="recording"/>.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="cancellationToken">Cancels the analysis (checked between its stages).</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recording"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public CtgAnalysis Analyze(CtgRecording recording, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        cancellationToken.ThrowIfCancellationRequested();
        var pre = _preprocessor.Process(recording);
        cancellationToken.ThrowIfCancellationRequested();
        return Analyze(pre, recording.HasUterineActivity ? recording.UterineActivity : ReadOnlyMemory<float>.Empty, recording.HasUterineActivity, cancellationToken);
    }

    /// <summary>Analyses an already preprocessed heart rate (evaluation harness, benchmarks).</summary>
    internal CtgAnalysis Analyze(PreprocessedFhr pre, ReadOnlyMemory<float> uterineActivity, bool hasUterineActivity, CancellationToken cancellationToken)
    {
        var n = pre.Length;
        var work = Interlocked.Exchange(ref _cached, null);
        if (work is null || work.Length != n)
        {
            work = new Workspace(n);
        }

        try
        {
            return Analyze(pre, uterineActivity, hasUterineActivity, work, cancellationToken);
        }
        finally
        {
            _cached = work;
        }
    }

    private CtgAnalysis Analyze(PreprocessedFhr pre, ReadOnlyMemory<float> uterineActivity, bool hasUterineActivity, Workspace work, CancellationToken cancellationToken)
    {
        var n = pre.Length;
        var fs = pre.SampleRateHz;
        var fhr = pre.FetalHeartRate.Span;
        var status = pre.Status.Span;
        var anyValid = false;
        for (var i = 0; i < n; i++)
        {
            var measured = (status[i] & CtgPreprocessor.Removed) == 0;
            work.Lost[i] = !measured;
            work.X[i] = fhr[i];
            work.BaseWeight[i] = float.IsNaN(fhr[i]) ? 0 : measured ? 1 : (float)Tuning.InterpolatedWeight;
            anyValid |= measured && !float.IsNaN(fhr[i]);
        }

        var baseline = new float[n];
        var accelerations = new List<FhrAcceleration>();
        var decelerations = new List<FhrDeceleration>();
        var contractions = hasUterineActivity && n > 0 ? FindContractions(uterineActivity.Span, fs, work) : [];
        cancellationToken.ThrowIfCancellationRequested();
        if (!anyValid)
        {
            baseline.AsSpan().Fill(float.NaN);
        }
        else
        {
            // Both smoothings (and the robust method's 1-min mean) weigh the same series: one prefix pass, kept in A and B.
            WindowedStatistics.Prefix(work.X, work.BaseWeight, work.A, work.B);
            WindowedStatistics.MeanFromPrefix(work.A, work.B, n, Samples(Tuning.EventSmoothingSeconds, fs), work.EventSmoothed, work.X);
            WindowedStatistics.MeanFromPrefix(work.A, work.B, n, Samples(Tuning.BaselineSmoothingSeconds, fs), work.BaselineSmoothed, work.X);
            if (_options.BaselineMethod == BaselineMethod.Figo)
            {
                FigoBaseline(fs, work, baseline);
            }
            else
            {
                RobustBaseline(fs, work, baseline, cancellationToken);
                if (Tuning.RobustFigoBlend > 0)
                {
                    var figo = work.Figo;
                    FigoBaseline(fs, work, figo);
                    var b = (float)Tuning.RobustFigoBlend;
                    for (var i = 0; i < n; i++)
                    {
                        baseline[i] += b * (figo[i] - baseline[i]);
                    }
                }

                if (Tuning.ModeBlend > 0)
                {
                    var mode = work.Mode;
                    ModeBaseline(fs, work, mode);
                    var b = (float)Tuning.ModeBlend;
                    for (var i = 0; i < n; i++)
                    {
                        if (!float.IsNaN(mode[i]))
                        {
                            baseline[i] += b * (mode[i] - baseline[i]);
                        }
                    }
                }
            }

            if (Tuning.ShortDrops)
            {
                ShortDrops(baseline, fs, work);
            }

            cancellationToken.ThrowIfCancellationRequested();
            FindEvents(baseline, fs, work, accelerations, decelerations, contractions);
        }

        var (baselineBpm, tachycardia, bradycardia) = Summarise(baseline, work, fs, accelerations, decelerations);
        var (per10, max30) = ContractionRates(contractions, n, fs);
        return new CtgAnalysis
        {
            Length = n,
            SampleRateHz = fs,
            SignalLossPercent = pre.SignalLossPercent,
            Preprocessed = pre,
            BaselineMethod = _options.BaselineMethod,
            Baseline = baseline,
            BaselineBpm = baselineBpm,
            ClinicalBaselineBpm = double.IsNaN(baselineBpm) ? double.NaN : Math.Round(baselineBpm / 5, MidpointRounding.AwayFromZero) * 5,
            Accelerations = accelerations,
            Decelerations = decelerations,
            HasUterineActivity = hasUterineActivity,
            Contractions = contractions,
            ContractionsPer10Minutes = per10,
            MaximumContractionsPer10Minutes = max30,
            Tachysystole = max30 > _options.TachysystolePer10Minutes,
            Tachycardia = tachycardia > 0,
            Bradycardia = bradycardia > 0,
            TachycardiaSeconds = tachycardia,
            BradycardiaSeconds = bradycardia,
        };
    }

    private static int Samples(double seconds, double fs) => Math.Max(1, (int)Math.Round(seconds * fs));

    /// <summary>Iterative exclusion (Mantel et al. 1990; SisPorto): triangular 10-min mean of the samples within a narrowing band of the previous estimate.</summary>
    private void FigoBaseline(double fs, Workspace work, float[] baseline)
    {
        var window = Samples(_options.BaselineWindowMinutes * 60 * Tuning.FigoWindowFactor, fs);
        var xs = work.BaselineSmoothed;
        WindowedStatistics.TriangularMean(xs, work.BaseWeight, window, baseline, default, work.A, work.B, work.C, work.D);
        WindowedStatistics.FillGaps(baseline);
        foreach (var band in Tuning.FigoBands)
        {
            var upper = band * Tuning.FigoUpperBandFactor;
            var weight = work.Weight;
            var baseWeight = work.BaseWeight;
            for (var i = 0; i < xs.Length; i++)
            {
                var d = xs[i] - baseline[i];
                weight[i] = d > upper || d < -band ? 0 : baseWeight[i];
            }

            WindowedStatistics.TriangularMean(xs, work.Weight, window, baseline, baseline, work.A, work.B, work.C, work.D);
        }
    }

    /// <summary>
    /// Keeps a fall of the heart rate lasting up to <see cref="CtgAnalyzerOptions.TachyBradycardiaMinutes"/> out of the
    /// baseline. FIGO 2015 (Ayres-de-Campos et al., Int J Gynecol Obstet 131:13-24, 2015) defines the baseline as the
    /// mean level over 10-minute windows excluding decelerations, a deceleration lasting more than 3 min as prolonged and
    /// bradycardia as a baseline below 110 bpm for more than 10 min; a windowed estimate (median or mean of 10 min) follows
    /// a drop once it fills more than about half its window, so a 7-minute prolonged deceleration would become the
    /// baseline. Each dip of the estimate below its morphological closing (the dips narrower than the window filled) by
    /// at least half the deceleration amplitude is judged by the stretch of heart rate at least the deceleration amplitude
    /// below the level bridging the dip (linear between its edges), when the heart rate is that low for most of the stretch: up to the limit, the dip is bridged (the drop is a
    /// deceleration against the previous baseline); longer, the stretch is a new baseline (bradycardia) and the
    /// estimate there is held at most at the stretch's mean level.
    /// </summary>
    private void ShortDrops(float[] baseline, double fs, Workspace work)
    {
        var n = baseline.Length;
        var limit = Samples(_options.TachyBradycardiaMinutes * 60, fs);
        // The estimate starts to sink half its window before a drop and recovers half a window after it: the closing
        // spans the longest drop judged plus the estimate's window.
        var span = limit + Samples(_options.BaselineWindowMinutes * 60, fs);
        var closed = work.Scratch;
        WindowedStatistics.RunningExtremum(baseline, span, maximum: true, work.Weight, work.Queue);
        WindowedStatistics.RunningExtremum(work.Weight, span, maximum: false, closed, work.Queue);
        var amplitude = (float)_options.DecelerationAmplitudeBpm;
        var xs = work.BaselineSmoothed;
        var i = 0;
        while (i < n)
        {
            if (!(closed[i] - baseline[i] > Tuning.DropEdgeBpm))
            {
                i++;
                continue;
            }

            var s = i;
            float deepest = 0;
            for (; i < n && closed[i] - baseline[i] > Tuning.DropEdgeBpm; i++)
            {
                deepest = Math.Max(deepest, closed[i] - baseline[i]);
            }

            // A dip must have baseline on both sides (the closing is clipped at the ends of the recording).
            var e = i;
            if (s == 0 || e == n || deepest < amplitude * Tuning.DropDepthFraction)
            {
                continue;
            }

            var left = baseline[s - 1];
            var right = baseline[e];
            int first = -1, last = -1, low = 0;
            for (var k = s; k < e; k++)
            {
                if (xs[k] < Line(left, right, s, e, k) - amplitude)
                {
                    first = first < 0 ? k : first;
                    last = k;
                    low++;
                }
            }

            // One sustained drop, not decelerations scattered over a lower stretch of the baseline.
            if (first < 0 || low < Tuning.DropHeldFraction * (last - first + 1))
            {
                continue;
            }

            // The drop may begin before the estimate dips and end after it recovers.
            while (first > 0 && xs[first - 1] < left - amplitude)
            {
                first--;
            }

            while (last < n - 1 && xs[last + 1] < right - amplitude)
            {
                last++;
            }

            if (last - first + 1 <= limit)
            {
                for (var k = s; k < e; k++)
                {
                    baseline[k] = Math.Max(baseline[k], Line(left, right, s, e, k));
                }

                continue;
            }

            // A new baseline from where the recorded rate (not its smoothing, which spills a few samples) is low.
            while (first < last && !(work.X[first] < left - amplitude))
            {
                first++;
            }

            while (last > first && !(work.X[last] < right - amplitude))
            {
                last--;
            }

            double sum = 0, weight = 0;
            for (var k = first; k <= last; k++)
            {
                if (xs[k] < Line(left, right, s, e, Math.Clamp(k, s, e - 1)) - amplitude)
                {
                    sum += work.BaseWeight[k] * xs[k];
                    weight += work.BaseWeight[k];
                }
            }

            if (weight > 0)
            {
                var level = (float)(sum / weight);
                for (var k = first; k <= last; k++)
                {
                    baseline[k] = Math.Min(baseline[k], level);
                }
            }

            i = Math.Max(i, last + 1);
        }
    }

    /// <summary>
    /// Histogram-mode baseline: over each 10-min window, the most frequent 1-bpm value of the lightly smoothed FHR (the
    /// level the heart rate rests at most of the time), on a grid of windows and linear between them. The histogram's
    /// mode is the core of SisPorto's baseline (Ayres-de-Campos et al., SisPorto 2.0, J Matern Fetal Med 9:311-318,
    /// 2000); a share of it in the final baseline brings the estimate closer to SisPorto's where the weighted median
    /// sits between two resting levels (docs/monitoring.md).
    /// </summary>
    private void ModeBaseline(double fs, Workspace work, float[] output)
    {
        var n = work.X.Length;
        var window = Math.Min(n, Samples(_options.BaselineWindowMinutes * 60, fs));
        var step = Samples(Tuning.ModeStepSeconds, fs);
        // The 5-s weighted mean the other estimates read (interpolated samples weigh less, lost ones nothing).
        var smoothed = work.BaselineSmoothed;
        var weights = work.BaseWeight;

        // One histogram slid along the grid: samples enter and leave it as the window moves (weights as the other
        // estimates: interpolated samples count less).
        const int Bins = 221; // 30-250 bpm
        var histogram = work.Histogram;
        histogram.AsSpan(0, Bins).Clear();
        double total = 0;
        int lo = 0, hi = 0;
        var points = ((n - 1) / step) + 1;
        var values = work.Grid;
        for (var p = 0; p < points; p++)
        {
            var wantLo = Math.Clamp((p * step) - (window / 2), 0, n - window);
            for (; hi < wantLo + window; hi++)
            {
                Add(hi, 1);
            }

            for (; lo < wantLo; lo++)
            {
                Add(lo, -1);
            }

            var mode = 0;
            for (var b = 1; b < Bins; b++)
            {
                mode = histogram[b] > histogram[mode] ? b : mode;
            }

            values[p] = total > 1e-6 ? mode + 30 : float.NaN;
        }

        for (var i = 0; i < n; i++)
        {
            var p = i / step;
            var a = values[p];
            var b = p + 1 < points ? values[p + 1] : a;
            var f = (float)(i - (p * step)) / step;
            output[i] = float.IsNaN(a) ? b : float.IsNaN(b) ? a : a + (f * (b - a));
        }

        void Add(int i, int sign)
        {
            var v = smoothed[i];
            if (!float.IsNaN(v) && weights[i] > 0)
            {
                histogram[Math.Clamp((int)MathF.Round(v) - 30, 0, Bins - 1)] += sign * weights[i];
                total += sign * weights[i];
            }
        }
    }

    private static float Line(float left, float right, int s, int e, int k) => left + ((right - left) * (k - s + 1) / (e - s + 1));

    /// <summary>Weighted running median: closeness (Cauchy), event, interpolation and oscillation weights, a few passes.</summary>
    private void RobustBaseline(double fs, Workspace work, float[] baseline, CancellationToken cancellationToken)
    {
        var n = work.X.Length;
        var window = Samples(_options.BaselineWindowMinutes * 60 * Tuning.RobustWindowFactor, fs);
        var step = Samples(Tuning.RobustStepSeconds, fs);
        var xs = work.BaselineSmoothed;

        // "Least oscillatory": local standard deviation of the heart rate around its 1-min mean.
        if (Tuning.OscillationScaleBpm > 0)
        {
            var ow = Samples(Tuning.OscillationWindowSeconds, fs);
            WindowedStatistics.MeanFromPrefix(work.A, work.B, n, ow, work.Scratch, work.X); // A, B: the prefix sums of Analyze
            for (var i = 0; i < n; i++)
            {
                var d = work.X[i] - work.Scratch[i];
                work.Weight[i] = float.IsNaN(d) ? 0 : d * d;
            }

            WindowedStatistics.Mean(work.Weight, work.BaseWeight, ow, work.Scratch, default, work.A, work.B);
            var s2 = Tuning.OscillationScaleBpm * Tuning.OscillationScaleBpm;
            for (var i = 0; i < n; i++)
            {
                var v = float.IsNaN(work.Scratch[i]) ? 0 : work.Scratch[i];
                work.Stability[i] = (float)(1 / (1 + (v / s2)));
            }
        }
        else
        {
            work.Stability.AsSpan().Fill(1);
        }

        // The passes differ only in the weights: the samples' histogram bins are computed once.
        var stable = work.StableWeight;
        var weight = work.Weight;
        for (var i = 0; i < n; i++)
        {
            stable[i] = work.BaseWeight[i] * work.Stability[i];
        }

        WindowedStatistics.Bins(xs, HistogramMin, HistogramBin, HistogramBins, work.Bins);
        WindowedStatistics.Quantile(work.Bins, stable, window, step, Tuning.RobustQuantile, HistogramMin, HistogramBin, work.Histogram, work.Grid, baseline);
        var below = Tuning.RobustBelowFactor;
        var eventWeight = Tuning.EventWeight;
        var inEvent = work.InEvent;
        foreach (var scale in Tuning.RobustScales)
        {
            cancellationToken.ThrowIfCancellationRequested();
            MarkEvents(baseline, fs, work);

            ClosenessWeights(xs, baseline, stable, inEvent, scale, below, eventWeight, weight);

            WindowedStatistics.Quantile(work.Bins, weight, window, step, Tuning.RobustQuantile, HistogramMin, HistogramBin, work.Histogram, work.Grid, baseline);
        }

        if (Tuning.RobustFinalSmoothingSeconds > 0)
        {
            work.Scratch.AsSpan().Fill(1);
            WindowedStatistics.Mean(baseline, work.Scratch, Samples(Tuning.RobustFinalSmoothingSeconds, fs), work.Weight, default, work.A, work.B);
            work.Weight.AsSpan().CopyTo(baseline);
        }
    }

    /// <summary>
    /// The robust pass's weights: <c>stable · closeness · (event ? eventWeight : 1)</c> with the Cauchy closeness
    /// <c>1 / (1 + r²)</c>, <c>r = (x - baseline) / scale</c> (times <paramref name="below"/> when negative), in double;
    /// four samples at a time with Vector256 where the machine has it (the same IEEE operations per lane as the scalar tail).
    /// </summary>
    internal static void ClosenessWeights(ReadOnlySpan<float> xs, ReadOnlySpan<float> baseline, ReadOnlySpan<float> stable, ReadOnlySpan<bool> inEvent, double scale, double below, double eventWeight, Span<float> weight)
    {
        var n = xs.Length;
        baseline = baseline[..n];
        stable = stable[..n];
        inEvent = inEvent[..n];
        weight = weight[..n];
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var scaleV = Vector256.Create(scale);
            var belowV = Vector256.Create(below);
            var one = Vector256<double>.One;
            for (; i + 4 <= n; i += 4)
            {
                var d = Vector128.Create(xs.Slice(i, 4)) - Vector128.Create(baseline.Slice(i, 4));
                var r = Vector256.WidenLower(d.ToVector256Unsafe()) / scaleV;
                r = Vector256.ConditionalSelect(Vector256.LessThan(r, Vector256<double>.Zero), r * belowV, r);
                var closeness = one / (one + (r * r));
                var events = Vector256.Create(inEvent[i] ? eventWeight : 1, inEvent[i + 1] ? eventWeight : 1, inEvent[i + 2] ? eventWeight : 1, inEvent[i + 3] ? eventWeight : 1);
                var w = Vector256.WidenLower(Vector128.Create(stable.Slice(i, 4)).ToVector256Unsafe()) * closeness * events;
                Vector256.Narrow(w, w).GetLower().CopyTo(weight.Slice(i, 4));
            }
        }

        for (; i < n; i++)
        {
            var r = (xs[i] - baseline[i]) / scale;
            if (r < 0)
            {
                r *= below;
            }

            var closeness = 1 / (1 + (r * r));
            weight[i] = (float)(stable[i] * closeness * (inEvent[i] ? eventWeight : 1));
        }
    }

    private const float HistogramMin = 30;
    private const float HistogramBin = 0.25f;
    private const int HistogramBins = 880; // 30-250 bpm

    /// <summary>Marks in <see cref="Workspace.InEvent"/> the accelerations and decelerations <see cref="FindEvents"/> would find (no event objects).</summary>
    private void MarkEvents(float[] baseline, double fs, Workspace work)
    {
        work.InEvent.AsSpan().Clear();
        var (accAmp, accMin) = AccelerationCriteria();
        var mark = work.MarkSink ??= (s, e, _, _, _) => work.InEvent.AsSpan(s, e - s).Fill(true);
        var gap = Tuning.EventMergeGapSeconds;
        Scan(baseline, fs, work, +1, accAmp, accMin, _options.AccelerationMaximumSeconds, gap, mark);
        Scan(baseline, fs, work, -1, _options.DecelerationAmplitudeBpm, _options.DecelerationMinimumSeconds, double.PositiveInfinity, gap, mark);
    }

    private (double Amplitude, double MinimumSeconds) AccelerationCriteria() =>
        _options.PretermBefore32Weeks ? (10, 10) : (_options.AccelerationAmplitudeBpm, _options.AccelerationMinimumSeconds);

    private void FindEvents(float[] baseline, double fs, Workspace work, List<FhrAcceleration> accelerations, List<FhrDeceleration> decelerations, IReadOnlyList<UterineContraction> contractions)
    {
        var (accAmp, accMin) = AccelerationCriteria();
        Scan(baseline, fs, work, +1, accAmp, accMin, _options.AccelerationMaximumSeconds, Tuning.AccelerationMergeGapSeconds, (s, e, x, a, l) => accelerations.Add(new FhrAcceleration
        {
            StartIndex = s,
            EndIndex = e,
            ExtremumIndex = x,
            StartSeconds = s / fs,
            EndSeconds = e / fs,
            ExtremumSeconds = x / fs,
            AmplitudeBpm = a,
            SignalLossFraction = l,
        }));
        Scan(baseline, fs, work, -1, _options.DecelerationAmplitudeBpm, _options.DecelerationMinimumSeconds, double.PositiveInfinity, Tuning.DecelerationMergeGapSeconds, (s, e, x, a, l) =>
        {
            var reached = FirstNear(work.EventSmoothed, baseline, s, x, a);
            var (type, contraction, lag) = Classify(s, e, x, reached, fs, contractions);
            decelerations.Add(new FhrDeceleration
            {
                StartIndex = s,
                EndIndex = e,
                ExtremumIndex = x,
                StartSeconds = s / fs,
                EndSeconds = e / fs,
                ExtremumSeconds = x / fs,
                AmplitudeBpm = a,
                SignalLossFraction = l,
                Type = type,
                OnsetToNadirSeconds = (reached - s) / fs,
                ContractionIndex = contraction,
                NadirLagSeconds = lag,
            });
        });
    }

    private delegate void EventSink(int start, int end, int extremum, double amplitude, double loss);

    /// <summary>
    /// Runs where the smoothed FHR stays beyond the baseline (by <see cref="CtgAnalyzerTuning.EventBoundaryBpm"/>) that
    /// reach the amplitude and last long enough, from where the FHR leaves the baseline to where it returns (FIGO 2015;
    /// SisPorto, Ayres-de-Campos et al., J Matern Fetal Med 9:311-318, 2000). A return shorter than
    /// <paramref name="mergeGapSeconds"/> does not end the run if the FHR then goes beyond the baseline again by
    /// <see cref="CtgAnalyzerTuning.MergeResumeFraction"/> of the amplitude (one event the FHR touches the baseline in,
    /// not the recovery's variability around the baseline).
    /// </summary>
    private void Scan(float[] baseline, double fs, Workspace work, int sign, double amplitude, double minimumSeconds, double maximumSeconds, double mergeGapSeconds, EventSink sink)
    {
        var xs = work.EventSmoothed;
        var n = xs.Length;
        var boundary = Tuning.EventBoundaryBpm;
        var level = amplitude * Tuning.DurationLevelFraction;
        var minimum = minimumSeconds * fs;
        var maximum = maximumSeconds * fs;
        var gap = (int)Math.Round(mergeGapSeconds * fs);
        var resume = amplitude * Tuning.MergeResumeFraction;
        var i = 0;
        while (i < n)
        {
            i = NextBeyond(xs, baseline, i, sign, boundary);
            if (i >= n)
            {
                break;
            }

            var start = i;
            var lastInside = i;
            var committed = i; // the last sample of the event so far: a part after a bridged return counts once it goes deep enough
            var resumed = false;
            float partPeak = 0;
            for (; i < n; i++)
            {
                var d = sign * (xs[i] - baseline[i]);
                if (d > boundary)
                {
                    if (i - lastInside > 1)
                    {
                        (resumed, partPeak) = (true, d);
                    }
                    else
                    {
                        partPeak = Math.Max(partPeak, d);
                    }

                    lastInside = i;
                    if (!resumed || partPeak >= resume)
                    {
                        committed = i;
                        continue;
                    }
                }

                // Bridge a return to the baseline (and shallow wobbles around it) shorter than the merge gap from the
                // event's last counted sample: variability, not the event's end.
                if (i - committed > gap)
                {
                    break;
                }
            }

            i = committed + 1;
            var extremum = start;
            var peak = float.NegativeInfinity;
            var atLevel = 0;
            for (var k = start; k < i; k++)
            {
                var d = sign * (xs[k] - baseline[k]);
                if (d > boundary)
                {
                    atLevel += d >= level ? 1 : 0;
                    if (d > peak)
                    {
                        peak = d;
                        extremum = k;
                    }
                }
            }

            var length = i - start;
            if (peak >= amplitude && atLevel >= minimum && length < maximum)
            {
                var lost = 0;
                for (var k = start; k < i; k++)
                {
                    lost += work.Lost[k] ? 1 : 0;
                }

                var loss = (double)lost / length;
                if (loss <= _options.MaximumEventSignalLoss || _options.KeepUnreliableEvents)
                {
                    sink(start, i, extremum, peak, loss);
                }
            }
        }
    }

    /// <summary>
    /// The first index from <paramref name="from"/> where the float <c>sign · (x - baseline)</c> exceeds the double
    /// <paramref name="boundary"/> (NaN never does), or the length; eight samples at a time with Vector256 where the
    /// machine has it (most samples are in no event), against the smallest float above the boundary.
    /// </summary>
    internal static int NextBeyond(ReadOnlySpan<float> xs, ReadOnlySpan<float> baseline, int from, int sign, double boundary)
    {
        var threshold = (float)boundary;
        if (threshold <= boundary)
        {
            threshold = MathF.BitIncrement(threshold);
        }

        var n = xs.Length;
        baseline = baseline[..n];
        var i = from;
        if (Vector256.IsHardwareAccelerated)
        {
            var t = Vector256.Create(threshold);
            for (; i + 8 <= n; i += 8)
            {
                var d = Vector256.Create(xs.Slice(i, 8)) - Vector256.Create(baseline.Slice(i, 8));
                var mask = Vector256.GreaterThanOrEqual(sign > 0 ? d : -d, t).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }

        for (; i < n; i++)
        {
            if (sign * (xs[i] - baseline[i]) >= threshold)
            {
                return i;
            }
        }

        return n;
    }

    /// <summary>
    /// The first sample from <paramref name="start"/> whose depth below the baseline is within 10% of the nadir's: the
    /// end of the descent, so a flat-bottomed (variable) deceleration's onset-to-nadir time is not stretched by where,
    /// along its plateau, the noise puts the lowest sample.
    /// </summary>
    private static int FirstNear(float[] smoothed, float[] baseline, int start, int nadir, double depth)
    {
        for (var i = start; i < nadir; i++)
        {
            if (baseline[i] - smoothed[i] >= 0.9 * depth)
            {
                return i;
            }
        }

        return nadir;
    }

    /// <summary>FIGO 2015 / NICHD 2008 type from the duration, the onset-to-nadir time and the timing against the nearest contraction.</summary>
    private (DecelerationType Type, int? Contraction, double? Lag) Classify(int start, int end, int nadir, int reached, double fs, IReadOnlyList<UterineContraction> contractions)
    {
        var abrupt = (reached - start) / fs < _options.AbruptOnsetSeconds;
        int? best = null;
        var search = Tuning.ContractionSearchSeconds * fs;
        var bestDistance = double.MaxValue;
        for (var c = 0; c < contractions.Count; c++)
        {
            var peak = contractions[c].PeakIndex;
            if (peak < start - search || peak > end + search)
            {
                continue;
            }

            var distance = Math.Abs(peak - nadir);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }

        double? lag = best is { } b ? (nadir - contractions[b].PeakIndex) / fs : null;
        if ((end - start) / fs > _options.ProlongedDecelerationSeconds)
        {
            return (DecelerationType.Prolonged, best, lag);
        }

        if (abrupt)
        {
            return (DecelerationType.Variable, best, lag);
        }

        if (best is not { } index)
        {
            return (DecelerationType.Unknown, null, null);
        }

        var onsetDelay = (start - contractions[index].StartIndex) / fs;
        if (Math.Abs(lag!.Value) <= _options.EarlyNadirToleranceSeconds && onsetDelay <= _options.LateOnsetDelaySeconds)
        {
            return (DecelerationType.Early, best, lag);
        }

        return lag.Value > 0 ? (DecelerationType.Late, best, lag) : (DecelerationType.Variable, best, lag);
    }

    /// <summary>Contractions: smoothed activity minus a running low quantile (tone); peaks above the amplitude, bounded where the activity falls back.</summary>
    private List<UterineContraction> FindContractions(ReadOnlySpan<float> ua, double fs, Workspace work)
    {
        var n = ua.Length;
        var u = work.Ua;
        var tone = work.Tone;
        ua.CopyTo(u);
        work.Scratch.AsSpan().Fill(1);
        var min = float.MaxValue;
        var max = float.MinValue;
        for (var i = 0; i < n; i++)
        {
            if (!float.IsNaN(u[i]))
            {
                min = Math.Min(min, u[i]);
                max = Math.Max(max, u[i]);
            }
            else
            {
                work.Scratch[i] = 0;
            }
        }

        var contractions = new List<UterineContraction>();
        if (min > max)
        {
            return contractions;
        }

        WindowedStatistics.Mean(u, work.Scratch, Samples(Tuning.UaSmoothingSeconds, fs), work.Weight, default, work.A, work.B);
        WindowedStatistics.FillGaps(work.Weight);
        work.Weight.AsSpan().CopyTo(u);
        var binWidth = Math.Max(1e-3f, (max - min) / (HistogramBins - 1));
        WindowedStatistics.Quantile(u, work.Scratch, Samples(Tuning.ToneWindowSeconds, fs), Samples(5, fs), Tuning.ToneQuantile, min, binWidth, work.Histogram, work.Grid, tone, work.Bins);

        var amplitude = _options.ContractionAmplitude;
        var minimum = _options.ContractionMinimumSeconds * fs;
        var low = amplitude * Tuning.ContractionBoundaryFraction;
        var i2 = 0;
        while (i2 < n)
        {
            if (!(u[i2] - tone[i2] > low))
            {
                i2++;
                continue;
            }

            var start = i2;
            var peakIndex = i2;
            var peak = u[i2] - tone[i2];
            for (; i2 < n && u[i2] - tone[i2] > low; i2++)
            {
                if (u[i2] - tone[i2] > peak)
                {
                    peak = u[i2] - tone[i2];
                    peakIndex = i2;
                }
            }

            if (peak < amplitude)
            {
                continue;
            }

            // Tighten to where the activity falls back below the boundary fraction of this peak.
            var edge = peak * Tuning.ContractionBoundaryFraction;
            var s = peakIndex;
            while (s > start && u[s - 1] - tone[s - 1] > edge)
            {
                s--;
            }

            var e = peakIndex + 1;
            while (e < i2 && u[e] - tone[e] > edge)
            {
                e++;
            }

            if (e - s >= minimum)
            {
                contractions.Add(new UterineContraction
                {
                    StartIndex = s,
                    PeakIndex = peakIndex,
                    EndIndex = e,
                    StartSeconds = s / fs,
                    PeakSeconds = peakIndex / fs,
                    EndSeconds = e / fs,
                    AmplitudeAboveTone = peak,
                });
            }
        }

        return contractions;
    }

    private static (double Per10, double Max30) ContractionRates(List<UterineContraction> contractions, int n, double fs)
    {
        var minutes = n / fs / 60;
        if (minutes <= 0)
        {
            return (0, 0);
        }

        var per10 = contractions.Count * 10 / minutes;
        if (minutes <= 30)
        {
            return (per10, per10);
        }

        var window = 30 * 60 * fs;
        var best = 0;
        var j = 0;
        for (var i = 0; i < contractions.Count; i++)
        {
            while (contractions[i].PeakIndex - contractions[j].PeakIndex >= window)
            {
                j++;
            }

            best = Math.Max(best, i - j + 1);
        }

        return (per10, best / 3.0);
    }

    private (double Baseline, double Tachycardia, double Bradycardia) Summarise(float[] baseline, Workspace work, double fs, List<FhrAcceleration> accelerations, List<FhrDeceleration> decelerations)
    {
        var n = baseline.Length;
        work.InEvent.AsSpan().Clear();
        foreach (var e in accelerations)
        {
            work.InEvent.AsSpan(e.StartIndex, e.EndIndex - e.StartIndex).Fill(true);
        }

        foreach (var e in decelerations)
        {
            work.InEvent.AsSpan(e.StartIndex, e.EndIndex - e.StartIndex).Fill(true);
        }

        double sum = 0, all = 0;
        int count = 0, allCount = 0;
        for (var i = 0; i < n; i++)
        {
            if (float.IsNaN(baseline[i]))
            {
                continue;
            }

            all += baseline[i];
            allCount++;
            if (!work.Lost[i] && !work.InEvent[i])
            {
                sum += baseline[i];
                count++;
            }
        }

        var value = count > 0 ? sum / count : allCount > 0 ? all / allCount : double.NaN;
        var minimum = _options.TachyBradycardiaMinutes * 60 * fs;
        return (value, Episodes(baseline, +1, _options.TachycardiaBpm, minimum) / fs, Episodes(baseline, -1, _options.BradycardiaBpm, minimum) / fs);
    }

    /// <summary>Samples in runs of at least <paramref name="minimum"/> above (<paramref name="sign"/> +1) or below (-1) <paramref name="threshold"/>.</summary>
    private static double Episodes(float[] baseline, int sign, double threshold, double minimum)
    {
        double total = 0;
        var run = 0;
        for (var i = 0; i <= baseline.Length; i++)
        {
            if (i < baseline.Length && (sign > 0 ? baseline[i] > threshold : baseline[i] < threshold))
            {
                run++;
                continue;
            }

            if (run >= minimum)
            {
                total += run;
            }

            run = 0;
        }

        return total;
    }

    /// <summary>Per-call buffers, reused across calls of the same length (see <see cref="_cached"/>).</summary>
    private sealed class Workspace(int n)
    {
        public int Length { get; } = n;
        public EventSink? MarkSink { get; set; }
        public float[] Figo { get; } = new float[n];
        public float[] Mode { get; } = new float[n];
        public float[] X { get; } = new float[n];
        public float[] EventSmoothed { get; } = new float[n];
        public float[] BaselineSmoothed { get; } = new float[n];
        public float[] BaseWeight { get; } = new float[n];
        public float[] Weight { get; } = new float[n];
        public float[] Stability { get; } = new float[n];
        public float[] StableWeight { get; } = new float[n];
        public int[] Bins { get; } = new int[n];
        public int[] Queue { get; } = new int[n];
        public float[] Scratch { get; } = new float[n];
        public float[] Ua { get; } = new float[n];
        public float[] Tone { get; } = new float[n];
        public bool[] Lost { get; } = new bool[n];
        public bool[] InEvent { get; } = new bool[n];
        public double[] A { get; } = new double[n + 1];
        public double[] B { get; } = new double[n + 1];
        public double[] C { get; } = new double[n + 1];
        public double[] D { get; } = new double[n + 1];
        public double[] Histogram { get; } = new double[HistogramBins];
        public float[] Grid { get; } = new float[n + 1];
    }
}
