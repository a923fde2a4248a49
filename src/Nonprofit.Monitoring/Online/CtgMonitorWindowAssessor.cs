using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Nonprofit.Monitoring;

/// <summary>
/// The sliding-window part of <see cref="CtgMonitor"/>: every evaluation interval it copies the last
/// <see cref="CtgMonitorOptions.CategoryWindowMinutes"/> of samples into a <see cref="CtgRecording"/>, re-runs the
/// analysis on it, and reports a FIGO category change and the start and end of a suspected false signal.
/// </summary>
internal sealed class CtgMonitorWindowAssessor
{
    private readonly CtgMonitorOptions _options;
    private readonly CtgAssessor _assessor;
    private FigoCategory? _category;
    private FigoCategory? _pending;
    private int _pendingCount;
    private bool _falseSignal;

    public CtgMonitorWindowAssessor(CtgMonitorOptions options)
    {
        _options = options;
        _assessor = new CtgAssessor(detectFalseSignal: options.DetectFalseSignal);
    }

    public void Reset()
    {
        _category = _pending = null;
        _pendingCount = 0;
        _falseSignal = false;
    }

    /// <summary>
    /// Assesses the last <paramref name="length"/> samples (ending before index <paramref name="count"/>) of the ring;
    /// the false-signal rule looks at the newest <paramref name="newest"/> of them.
    /// </summary>
    public List<Finding> Assess(CtgSample[] ring, long count, int length, int newest)
    {
        var findings = new List<Finding>();
        var first = count - length;
        var assessment = _assessor.Assess(Window(ring, count, length, _options.SampleRateHz));
        var category = assessment.Figo.Category;
        _pendingCount = category == _pending ? _pendingCount + 1 : 1;
        _pending = category;
        if (category != _category && (_category is null || _pendingCount >= _options.CategoryConfirmations))
        {
            var codes = string.Join(", ", assessment.Figo.Reasons.Where(r => r.Severity != FigoReasonSeverity.Information).Select(r => r.Code.ToString()));
            var text = _category is null
                ? $"FIGO 2015 category of the last {length / _options.SampleRateHz / 60:0.#} min: {Name(category)}"
                : $"FIGO 2015 category changed from {Name(_category.Value)} to {Name(category)}";
            findings.Add(new Finding(
                CtgMonitorEventKind.CategoryChange,
                CtgMonitorEventPhase.Changed,
                first,
                count,
                string.Create(CultureInfo.InvariantCulture, $"{text}{(codes.Length > 0 ? " (" + codes + ")" : "")}."),
                category,
                _category));
            _category = category;
        }

        var p = assessment.FalseSignalProbability.Span;
        if (p.IsEmpty)
        {
            return findings;
        }

        newest = Math.Min(newest, length);
        var fhr = assessment.Analysis.Preprocessed;
        int valid = 0, flagged = 0, firstFlagged = -1, lastFlagged = -1;
        for (var i = length - newest; i < length; i++)
        {
            if (!fhr.IsMeasured(i))
            {
                continue;
            }

            valid++;
            if (p[i] >= 0.5f)
            {
                flagged++;
                lastFlagged = i;
                if (firstFlagged < 0)
                {
                    firstFlagged = i;
                }
            }
        }

        if (valid == 0)
        {
            return findings;
        }

        var percent = 100.0 * flagged / valid;
        if (!_falseSignal && percent >= _options.FalseSignalStartPercent)
        {
            _falseSignal = true;
            findings.Add(new Finding(CtgMonitorEventKind.SuspectedFalseSignal, CtgMonitorEventPhase.Started, first + firstFlagged, null, string.Create(CultureInfo.InvariantCulture,
                $"At least {_options.FalseSignalStartPercent}% of the last {newest / _options.SampleRateHz:0.#} s of measured fetal heart rate is probably the maternal heart rate.")));
        }
        else if (_falseSignal && percent <= _options.FalseSignalEndPercent)
        {
            _falseSignal = false;
            var end = first + (lastFlagged >= 0 ? lastFlagged + 1 : length - newest);
            findings.Add(new Finding(CtgMonitorEventKind.SuspectedFalseSignal, CtgMonitorEventPhase.Ended, end, end, string.Create(CultureInfo.InvariantCulture,
                $"At most {_options.FalseSignalEndPercent}% of the last {newest / _options.SampleRateHz:0.#} s of measured fetal heart rate is probably the maternal heart rate.")));
        }

        return findings;
    }

    internal static string Name(FigoCategory category) => category switch
    {
        FigoCategory.Normal => "normal",
        FigoCategory.Suspicious => "suspicious",
        _ => "pathological",
    };

    internal static CtgRecording Window(CtgSample[] ring, long count, int length, double sampleRateHz)
    {
        var fhr = new float[length];
        var fhr2 = new float[length];
        var mhr = new float[length];
        var ua = new float[length];
        var quality = new SignalQuality[length];
        bool hasFhr2 = false, hasMhr = false, hasUa = false;
        var first = count - length;
        for (var i = 0; i < length; i++)
        {
            var s = ring[(int)((first + i) % ring.Length)];
            fhr[i] = s.FetalHeartRate is > 0 and var v && float.IsFinite(v) && s.Quality != SignalQuality.Lost ? v : float.NaN;
            fhr2[i] = s.SecondFetalHeartRate is > 0 and var v2 && float.IsFinite(v2) ? v2 : float.NaN;
            mhr[i] = s.MaternalHeartRate is > 0 and var m && float.IsFinite(m) ? m : float.NaN;
            ua[i] = float.IsFinite(s.UterineActivity) ? s.UterineActivity : float.NaN;
            quality[i] = float.IsNaN(fhr[i]) ? SignalQuality.Lost : s.Quality;
            hasFhr2 |= !float.IsNaN(fhr2[i]);
            hasMhr |= !float.IsNaN(mhr[i]);
            hasUa |= !float.IsNaN(ua[i]);
        }

        return new CtgRecording(fhr, sampleRateHz, hasFhr2 ? fhr2 : null, hasMhr ? mhr : null, hasUa ? ua : null, quality, null, validate: false);
    }

    /// <summary>One thing the window assessment found.</summary>
    internal readonly record struct Finding(
        CtgMonitorEventKind Kind, CtgMonitorEventPhase Phase, long StartIndex, long? EndIndex, string Reason, FigoCategory? Category = null, FigoCategory? PreviousCategory = null);
}
