using System;
using System.Buffers;

namespace Nonprofit.Monitoring;

/// <summary>
/// The windowed and segment-level features of <see cref="FalseSignalDetector"/>, computed in O(1) per sample from
/// prefix sums (double precision) over the whole recording. Shared by the detector and the training command of the
/// evaluation harness, so both see exactly the same numbers. A struct whose state lives in pooled buffers (no allocation
/// once the pool is warm); dispose it exactly once to return them.
/// </summary>
/// <remarks>
/// Windows are centred and given in seconds (the model was fitted at 4 Hz). A "segment" is a stretch of valid fetal heart
/// rate that no loss longer than <see cref="SegmentGapSeconds"/> and no sample-to-sample jump above
/// <see cref="SegmentJumpBpm"/> interrupts: the detector's unit of smoothing, because a monitor that locks onto the
/// maternal heart rate usually does so at a loss or a jump and stays locked until the next one.
/// Sentinels (-1, -2, -999) stand for "not computable" (no maternal rate, too few samples); the trees split on them.
/// </remarks>
internal readonly struct FalseSignalFeatures : IDisposable
{
    /// <summary>The number of features per sample.</summary>
    public const int Count = 36;

    /// <summary>The number of context features (from the pass-1 probabilities) that follow the signal features in pass 2.</summary>
    public const int ContextCount = 8;

    /// <summary>The number of features of pass 2: <see cref="Count"/> + <see cref="ContextCount"/>.</summary>
    public const int AllCount = Count + ContextCount;

    /// <summary>The distance, in bpm, under which fetal and maternal rates count as "the same".</summary>
    public const float CloseBpm = 5f;

    /// <summary>The jump, in bpm, between consecutive valid samples that starts a new segment.</summary>
    public const float SegmentJumpBpm = 25f;

    /// <summary>The loss, in seconds, that starts a new segment.</summary>
    public const double SegmentGapSeconds = 4;

    /// <summary>The names of the features, in order (for the training command's output and the docs).</summary>
    public static readonly string[] Names =
    [
        "close15", "close60", "close300", "absDiff60", "mhrCover60", "corr60", "diffToMhrRef", "level15",
        "levelVsMedian", "levelVs300", "stv15", "sd60", "segJumpPrev", "segJumpNext", "segLenLog2", "segClose",
        "segLevelVsMedian", "position", "minutesToEnd", "mhrCoverRecording", "loss60", "levelVsMax10", "levelVsMin10",
        "levelVsFetalRef", "diffToMhr60", "corrUa60", "corrUa300", "levelVsFar600", "levelVsMhrBefore", "levelVsMhrAfter",
        "mhrGapMinutes", "multipleOfMhr", "levelVsP90", "levelVsP10", "segStvRatio", "segVsSurrounding600",
        "p1", "p1Mean60", "p1Mean300", "p1Segment", "levelVsSurelyFetal600", "levelVsSurelyFalse600", "levelVsSurelyFetal",
        "p1FractionRecording",
    ];

    private const int Q = 26;
    private const int Valid = 0, SumX = 1, SumX2 = 2, Both = 3, Close = 4, AbsDiff = 5, BothX = 6, BothY = 7, BothX2 = 8,
        BothY2 = 9, BothXY = 10, Pairs = 11, PairDiff = 12, MaternalValid = 13, SumY = 14, Score = 15, SumU = 16, SumU2 = 17,
        SumXU = 18, LowN = 19, LowX = 20, HighN = 21, HighX = 22, SumP = 23, FarN = 24, FarX = 25;

    /// <summary>Pass-1 probabilities below this count as "surely fetal" for the context features.</summary>
    private const float SurelyFetal = 0.3f;

    /// <summary>Pass-1 probabilities at or above this count as "surely false" for the context features.</summary>
    private const float SurelyFalse = 0.7f;

    /// <summary>The distance, in bpm, beyond which a sample with both rates valid counts as "surely fetal" for the fetal reference level.</summary>
    private const float FarBpm = 20f;

    private readonly double[] _prefix;
    private readonly int[] _segment;
    private readonly int[] _segmentStart;
    private readonly int[] _segmentEnd;
    private readonly int[] _maternalBefore;
    private readonly int[] _maternalAfter;
    private readonly float _p10, _p90;
    private readonly float[] _blocks;
    private readonly int _blockLength;
    private readonly int _blockCount;
    private readonly int _blockReach;
    private readonly float _fetalReference;
    private readonly bool _hasUa;
    private readonly int _n;
    private readonly int _h15, _h60, _h300, _h600, _edge;
    private readonly double _sampleRate;
    private readonly int _segments;
    private readonly float _median;
    private readonly float _maternalMean;
    private readonly float _maternalCover;

    /// <summary>Computes the prefix sums and segments of a merged fetal rate and an optional maternal rate.</summary>
    /// <param name="fhr">The fetal heart rate, NaN (or 0, or negative) where lost.</param>
    /// <param name="mhr">The maternal heart rate, same length, NaN where lost; empty when there is none.</param>
    /// <param name="ua">The uterine activity, same length; empty when there is none.</param>
    /// <param name="sampleRateHz">The sample rate.</param>
    public FalseSignalFeatures(ReadOnlySpan<float> fhr, ReadOnlySpan<float> mhr, ReadOnlySpan<float> ua, double sampleRateHz)
    {
        _n = fhr.Length;
        _sampleRate = sampleRateHz;
        _h15 = HalfWindow(15);
        _h60 = HalfWindow(60);
        _h300 = HalfWindow(300);
        _h600 = HalfWindow(600);
        _edge = Math.Max(1, (int)Math.Round(10 * sampleRateHz));
        _prefix = ArrayPool<double>.Shared.Rent(((_n + 1) * Q) + 1);
        _segment = ArrayPool<int>.Shared.Rent(Math.Max(1, _n));
        _segmentStart = ArrayPool<int>.Shared.Rent(Math.Max(1, _n));
        _segmentEnd = ArrayPool<int>.Shared.Rent(Math.Max(1, _n));
        _maternalBefore = ArrayPool<int>.Shared.Rent(Math.Max(1, _n));
        _maternalAfter = ArrayPool<int>.Shared.Rent(Math.Max(1, _n));
        Span<int> histogram = stackalloc int[1201];
        histogram.Clear();
        Span<int> fetalHistogram = stackalloc int[1201];
        fetalHistogram.Clear();
        var fetalCount = 0;
        var hasUa = !ua.IsEmpty;
        _hasUa = hasUa;
        var p = _prefix.AsSpan(0, (_n + 1) * Q);
        p[..Q].Clear();
        var hasMaternal = !mhr.IsEmpty;
        var gap = Math.Max(1, (int)Math.Round(SegmentGapSeconds * sampleRateHz));
        var segments = 0;
        var last = -1;
        var validCount = 0;
        var lastMaternal = -1;
        for (var i = 0; i < _n; i++)
        {
            var row = p.Slice(i * Q, Q);
            var next = p.Slice((i + 1) * Q, Q);
            row.CopyTo(next);
            var x = fhr[i];
            var y = hasMaternal ? mhr[i] : float.NaN;
            var xv = IsValue(x);
            var yv = IsValue(y);
            if (yv)
            {
                next[MaternalValid] += 1;
                next[SumY] += y;
                lastMaternal = i;
            }

            _maternalBefore[i] = lastMaternal;

            if (!xv)
            {
                _segment[i] = -1;
                continue;
            }

            validCount++;
            histogram[Math.Clamp((int)(x * 4), 0, 1200)]++;
            next[Valid] += 1;
            next[SumX] += x;
            next[SumX2] += (double)x * x;
            if (i > 0 && IsValue(fhr[i - 1]))
            {
                next[Pairs] += 1;
                next[PairDiff] += Math.Abs(x - fhr[i - 1]);
            }

            if (hasUa)
            {
                var u = float.IsFinite(ua[i]) ? ua[i] : 0f;
                next[SumU] += u;
                next[SumU2] += (double)u * u;
                next[SumXU] += (double)x * u;
            }

            if (yv)
            {
                var d = Math.Abs(x - y);
                next[Both] += 1;
                next[Close] += d <= CloseBpm ? 1 : 0;
                next[AbsDiff] += Math.Min(d, 50f);
                next[BothX] += x;
                next[BothY] += y;
                next[BothX2] += (double)x * x;
                next[BothY2] += (double)y * y;
                next[BothXY] += (double)x * y;
                if (d > FarBpm)
                {
                    next[FarN] += 1;
                    next[FarX] += x;
                    fetalHistogram[Math.Clamp((int)(x * 4), 0, 1200)]++;
                    fetalCount++;
                }
            }

            if (last < 0 || i - last > gap || Math.Abs(x - fhr[last]) > SegmentJumpBpm)
            {
                if (segments > 0)
                {
                    _segmentEnd[segments - 1] = last + 1;
                }

                _segmentStart[segments++] = i;
            }

            _segment[i] = segments - 1;
            last = i;
        }

        if (segments > 0)
        {
            _segmentEnd[segments - 1] = last + 1;
        }

        var nextMaternal = -1;
        for (var i = _n - 1; i >= 0; i--)
        {
            nextMaternal = hasMaternal && IsValue(mhr[i]) ? i : nextMaternal;
            _maternalAfter[i] = nextMaternal;
        }

        _segments = segments;
        _median = Quantile(histogram, validCount, 0.5);
        _p10 = Quantile(histogram, validCount, 0.1);
        _p90 = Quantile(histogram, validCount, 0.9);
        _fetalReference = fetalCount >= 60 * sampleRateHz ? Quantile(fetalHistogram, fetalCount, 0.5) : float.NaN;
        _blockLength = Math.Max(1, (int)Math.Round(60 * sampleRateHz));
        _blockCount = (_n + _blockLength - 1) / _blockLength;
        _blockReach = 10;
        _blocks = ArrayPool<float>.Shared.Rent(Math.Max(1, _blockCount));
        for (var b = 0; b < _blockCount; b++)
        {
            var lo = b * _blockLength;
            var hi = Math.Min(_n, lo + _blockLength);
            var count = Sum(Valid, lo, hi);
            _blocks[b] = count >= 0.25 * (hi - lo) ? (float)(Sum(SumX, lo, hi) / count) : float.NaN;
        }

        var maternal = Total(MaternalValid);
        _maternalMean = maternal > 0 ? (float)(Total(SumY) / maternal) : float.NaN;
        _maternalCover = validCount > 0 ? (float)(Total(Both) / validCount) : 0f;
    }

    /// <summary>Gets the number of samples.</summary>
    public int Length => _n;

    /// <summary>Gets the segment of sample <paramref name="i"/>, or -1 where the fetal rate is lost.</summary>
    public int SegmentOf(int i) => _segment[i];

    /// <summary>Writes the <see cref="Count"/> features of valid sample <paramref name="i"/>.</summary>
    public void Fill(int i, Span<float> f)
    {
        var (lo15, hi15) = Window(i, _h15);
        var (lo60, hi60) = Window(i, _h60);
        var (lo300, hi300) = Window(i, _h300);
        var both15 = Sum(Both, lo15, hi15);
        var both60 = Sum(Both, lo60, hi60);
        var both300 = Sum(Both, lo300, hi300);
        f[0] = both15 > 0 ? (float)(Sum(Close, lo15, hi15) / both15) : -1f;
        f[1] = both60 > 0 ? (float)(Sum(Close, lo60, hi60) / both60) : -1f;
        f[2] = both300 > 0 ? (float)(Sum(Close, lo300, hi300) / both300) : -1f;
        f[3] = both60 > 0 ? (float)(Sum(AbsDiff, lo60, hi60) / both60) : -1f;
        var valid60 = Sum(Valid, lo60, hi60);
        f[4] = (float)(both60 / valid60);
        f[5] = Correlation(lo60, hi60, both60);
        var level15 = (float)(Sum(SumX, lo15, hi15) / Sum(Valid, lo15, hi15));
        var maternal300 = Sum(MaternalValid, lo300, hi300);
        var maternalRef = maternal300 > 0 ? (float)(Sum(SumY, lo300, hi300) / maternal300) : _maternalMean;
        f[6] = float.IsNaN(maternalRef) ? -999f : level15 - maternalRef;
        f[7] = level15;
        f[8] = level15 - _median;
        f[9] = level15 - (float)(Sum(SumX, lo300, hi300) / Sum(Valid, lo300, hi300));
        var pairs15 = Sum(Pairs, lo15, hi15);
        f[10] = pairs15 > 0 ? (float)(Sum(PairDiff, lo15, hi15) / pairs15) : -1f;
        var mean60 = Sum(SumX, lo60, hi60) / valid60;
        f[11] = (float)Math.Sqrt(Math.Max(0, (Sum(SumX2, lo60, hi60) / valid60) - (mean60 * mean60)));
        var s = _segment[i];
        var start = _segmentStart[s];
        var end = _segmentEnd[s];
        var head = MeanX(start, Math.Min(end, start + _edge));
        var tail = MeanX(Math.Max(start, end - _edge), end);
        f[12] = s > 0 && start - _segmentEnd[s - 1] <= _h60 ? (float)(head - MeanX(Math.Max(_segmentStart[s - 1], _segmentEnd[s - 1] - _edge), _segmentEnd[s - 1])) : 0f;
        f[13] = s + 1 < _segments && _segmentStart[s + 1] - end <= _h60 ? (float)(tail - MeanX(_segmentStart[s + 1], Math.Min(_segmentEnd[s + 1], _segmentStart[s + 1] + _edge))) : 0f;
        f[14] = (float)Math.Log2(Math.Max(1, (end - start) / _sampleRate));
        var segBoth = Sum(Both, start, end);
        f[15] = segBoth > 0 ? (float)(Sum(Close, start, end) / segBoth) : -1f;
        f[16] = (float)(MeanX(start, end) - _median);
        f[17] = _n > 0 ? (float)i / _n : 0f;
        f[18] = (float)Math.Min(120, (_n - i) / _sampleRate / 60);
        f[19] = _maternalCover;
        f[20] = (float)(1 - (valid60 / (hi60 - lo60)));
        var (max10, min10) = BlockRange(i);
        f[21] = float.IsNaN(max10) ? 0f : level15 - max10;
        f[22] = float.IsNaN(min10) ? 0f : level15 - min10;
        f[23] = float.IsNaN(_fetalReference) ? -999f : level15 - _fetalReference;
        var maternal60 = Sum(MaternalValid, lo60, hi60);
        f[24] = maternal60 > 0 ? level15 - (float)(Sum(SumY, lo60, hi60) / maternal60) : -999f;
        f[25] = UaCorrelation(lo60, hi60);
        f[26] = UaCorrelation(lo300, hi300);
        var (lo600, hi600) = Window(i, _h600);
        var far600 = Sum(FarN, lo600, hi600);
        f[27] = far600 >= 30 * _sampleRate ? level15 - (float)(Sum(FarX, lo600, hi600) / far600) : -999f;

        // The maternal rate last seen before (first seen after) the sample, within 10 minutes: where the maternal channel
        // is lost, a fetal trace that continues it at the same level (or at twice or half of it) is likely maternal.
        var before = _maternalBefore[i];
        var after = _maternalAfter[i];
        before = before >= 0 && i - before <= _h600 ? before : -1;
        after = after >= 0 && after - i <= _h600 ? after : -1;
        var levelBefore = before >= 0 ? MaternalLevel(Math.Max(0, before - _h15), before + 1) : float.NaN;
        var levelAfter = after >= 0 ? MaternalLevel(after, Math.Min(_n, after + _h15 + 1)) : float.NaN;
        f[28] = float.IsNaN(levelBefore) ? -999f : level15 - levelBefore;
        f[29] = float.IsNaN(levelAfter) ? -999f : level15 - levelAfter;
        var gapSamples = Math.Min(before >= 0 ? i - before : int.MaxValue, after >= 0 ? after - i : int.MaxValue);
        f[30] = gapSamples == int.MaxValue ? 10f : (float)Math.Min(10, gapSamples / _sampleRate / 60);
        var nearest = before >= 0 && (after < 0 || i - before <= after - i) ? levelBefore : levelAfter;
        f[31] = float.IsNaN(nearest) ? -999f : Math.Min(Math.Abs(level15 - (2 * nearest)), Math.Abs(level15 - (nearest / 2)));
        f[32] = level15 - _p90;
        f[33] = level15 - _p10;
        var segPairs = Sum(Pairs, start, end);
        var allPairs = Total(Pairs);
        var allStv = allPairs > 0 ? Total(PairDiff) / allPairs : 0;
        f[34] = segPairs >= 20 && allStv > 0 ? (float)(Sum(PairDiff, start, end) / segPairs / allStv) : -1f;
        var inside = Sum(Valid, Math.Max(start, lo600), Math.Min(end, hi600));
        var around = Sum(Valid, lo600, hi600) - inside;
        f[35] = around >= 30 * _sampleRate
            ? (float)(MeanX(start, end) - ((Sum(SumX, lo600, hi600) - Sum(SumX, Math.Max(start, lo600), Math.Min(end, hi600))) / around))
            : -999f;
    }

    /// <summary>Stores the pass-1 probabilities (ignored where the fetal rate is lost) for <see cref="FillContext"/>.</summary>
    public void SetContext(ReadOnlySpan<float> p1)
    {
        var p = _prefix.AsSpan(0, (_n + 1) * Q);
        double high = 0, valid = 0;
        for (var i = 0; i < _n; i++)
        {
            var row = p.Slice(i * Q, Q);
            var next = p.Slice((i + 1) * Q, Q);
            next[LowN] = row[LowN];
            next[LowX] = row[LowX];
            next[HighN] = row[HighN];
            next[HighX] = row[HighX];
            next[SumP] = row[SumP];
            if (_segment[i] < 0)
            {
                continue;
            }

            var x = next[SumX] - row[SumX];
            var v = p1[i];
            next[SumP] += v;
            valid++;
            high += v >= 0.5f ? 1 : 0;
            if (v < SurelyFetal)
            {
                next[LowN] += 1;
                next[LowX] += x;
            }
            else if (v >= SurelyFalse)
            {
                next[HighN] += 1;
                next[HighX] += x;
            }
        }

        _prefix[FalseFractionSlot] = valid > 0 ? high / valid : 0;
    }

    /// <summary>Writes the <see cref="ContextCount"/> context features of valid sample <paramref name="i"/> (after <see cref="SetContext"/>).</summary>
    public void FillContext(int i, Span<float> f)
    {
        var (lo15, hi15) = Window(i, _h15);
        var (lo60, hi60) = Window(i, _h60);
        var (lo300, hi300) = Window(i, _h300);
        var (lo600, hi600) = Window(i, _h600);
        var level15 = (float)(Sum(SumX, lo15, hi15) / Sum(Valid, lo15, hi15));
        var s = _segment[i];
        f[0] = (float)Sum(SumP, i, i + 1);
        f[1] = (float)(Sum(SumP, lo60, hi60) / Sum(Valid, lo60, hi60));
        f[2] = (float)(Sum(SumP, lo300, hi300) / Sum(Valid, lo300, hi300));
        f[3] = (float)(Sum(SumP, _segmentStart[s], _segmentEnd[s]) / Sum(Valid, _segmentStart[s], _segmentEnd[s]));
        var minimum = 30 * _sampleRate;
        var low = Sum(LowN, lo600, hi600);
        f[4] = low >= minimum ? level15 - (float)(Sum(LowX, lo600, hi600) / low) : -999f;
        var high = Sum(HighN, lo600, hi600);
        f[5] = high >= minimum ? level15 - (float)(Sum(HighX, lo600, hi600) / high) : -999f;
        var lowAll = Total(LowN);
        f[6] = lowAll >= minimum ? level15 - (float)(Total(LowX) / lowAll) : -999f;
        f[7] = (float)_prefix[FalseFractionSlot];
    }

    /// <summary>Stores a first-stage score per sample (NaN-free; ignored where the fetal rate is lost) for <see cref="Smoothed"/>.</summary>
    public void SetScores(ReadOnlySpan<float> scores)
    {
        var p = _prefix.AsSpan(0, (_n + 1) * Q);
        for (var i = 0; i < _n; i++)
        {
            p[((i + 1) * Q) + Score] = p[(i * Q) + Score] + (_segment[i] >= 0 ? scores[i] : 0);
        }
    }

    /// <summary>The mean first-stage score over the segment of <paramref name="i"/> and over the centred 60 s and 300 s windows (valid samples only).</summary>
    public (float Segment, float Window60, float Window300) Smoothed(int i)
    {
        var s = _segment[i];
        var (lo60, hi60) = Window(i, _h60);
        var (lo300, hi300) = Window(i, _h300);
        return (
            MeanScore(_segmentStart[s], _segmentEnd[s]),
            MeanScore(lo60, hi60),
            MeanScore(lo300, hi300));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_prefix);
        ArrayPool<int>.Shared.Return(_segment);
        ArrayPool<int>.Shared.Return(_segmentStart);
        ArrayPool<int>.Shared.Return(_segmentEnd);
        ArrayPool<int>.Shared.Return(_maternalBefore);
        ArrayPool<int>.Shared.Return(_maternalAfter);
        ArrayPool<float>.Shared.Return(_blocks);
    }

    internal static bool IsValue(float x) => float.IsFinite(x) && x > 0;

    /// <summary>Where <see cref="SetContext"/> keeps the share of the recording at or above 0.5 (after the prefix sums).</summary>
    private int FalseFractionSlot => (_n + 1) * Q;

    private int HalfWindow(double seconds) => Math.Max(1, (int)Math.Round(seconds * _sampleRate));

    private (int Lo, int Hi) Window(int i, int half) => (Math.Max(0, i - half), Math.Min(_n, i + half + 1));

    private double Sum(int q, int lo, int hi) => _prefix[(hi * Q) + q] - _prefix[(lo * Q) + q];

    private double Total(int q) => _prefix[(_n * Q) + q];

    private double MeanX(int lo, int hi)
    {
        var count = Sum(Valid, lo, hi);
        return count > 0 ? Sum(SumX, lo, hi) / count : _median;
    }

    private float MaternalLevel(int lo, int hi) => (float)(Sum(SumY, lo, hi) / Sum(MaternalValid, lo, hi));

    private float MeanScore(int lo, int hi)
    {
        var count = Sum(Valid, lo, hi);
        return count > 0 ? (float)(Sum(Score, lo, hi) / count) : 0f;
    }

    private (float Max, float Min) BlockRange(int i)
    {
        var centre = i / _blockLength;
        var max = float.NaN;
        var min = float.NaN;
        for (var b = Math.Max(0, centre - _blockReach); b <= Math.Min(_blockCount - 1, centre + _blockReach); b++)
        {
            var v = _blocks[b];
            if (!float.IsNaN(v))
            {
                max = float.IsNaN(max) ? v : Math.Max(max, v);
                min = float.IsNaN(min) ? v : Math.Min(min, v);
            }
        }

        return (max, min);
    }

    private float UaCorrelation(int lo, int hi)
    {
        var count = Sum(Valid, lo, hi);
        if (!_hasUa || count < 20)
        {
            return -2f;
        }

        // Over samples with a valid fetal rate (a missing uterine activity value counts as 0).
        var mx = Sum(SumXU, lo, hi);
        var su = Sum(SumU, lo, hi);
        var su2 = Sum(SumU2, lo, hi);
        var (sx, sx2) = (Sum(SumX, lo, hi), Sum(SumX2, lo, hi));
        var vu = (su2 / count) - ((su / count) * (su / count));
        var vx = (sx2 / count) - ((sx / count) * (sx / count));
        var cxu = (mx / count) - ((sx / count) * (su / count));
        return vx > 0.25 && vu > 0.25 ? (float)Math.Clamp(cxu / Math.Sqrt(vx * vu), -1, 1) : -2f;
    }

    private float Correlation(int lo, int hi, double count)
    {
        if (count < 20)
        {
            return -2f;
        }

        var mx = Sum(BothX, lo, hi) / count;
        var my = Sum(BothY, lo, hi) / count;
        var vx = (Sum(BothX2, lo, hi) / count) - (mx * mx);
        var vy = (Sum(BothY2, lo, hi) / count) - (my * my);
        var cxy = (Sum(BothXY, lo, hi) / count) - (mx * my);
        return vx > 0.25 && vy > 0.25 ? (float)Math.Clamp(cxy / Math.Sqrt(vx * vy), -1, 1) : -2f;
    }

    private static float Quantile(ReadOnlySpan<int> histogram, int count, double q)
    {
        if (count == 0)
        {
            return 0f;
        }

        var half = Math.Max(1, (int)Math.Ceiling(q * count));
        var seen = 0;
        for (var b = 0; b < histogram.Length; b++)
        {
            seen += histogram[b];
            if (seen >= half)
            {
                return b * 0.25f;
            }
        }

        return 300f;
    }
}
