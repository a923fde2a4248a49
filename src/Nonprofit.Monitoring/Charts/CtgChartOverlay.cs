using System;
using System.Collections.Generic;

namespace Nonprofit.Monitoring;

/// <summary>What <see cref="CtgChart"/> draws over the recording: a baseline, marked intervals and point events. Everything is optional.</summary>
public sealed record CtgChartOverlay
{
    /// <summary>Gets the baseline in bpm, one value per recording sample (NaN where unknown), or empty for none.</summary>
    public ReadOnlyMemory<float> BaselineBpm { get; init; }

    /// <summary>Gets the marked intervals (accelerations, decelerations, contractions, false signal, signal loss).</summary>
    public IReadOnlyList<CtgChartInterval> Intervals { get; init; } = [];

    /// <summary>Gets the point events (e.g. alerts).</summary>
    public IReadOnlyList<CtgChartEvent> Events { get; init; } = [];
}
