using System;
using System.Collections.Generic;

namespace Nonprofit.Monitoring;

/// <summary>What <see cref="DawesRedmanAnalyzer"/> needs: the FHR, its baseline, the segment mask and the events, all from the start of the record.</summary>
public sealed record DawesRedmanInput
{
    /// <summary>Gets the fetal heart rate in bpm (NaN where lost).</summary>
    public ReadOnlyMemory<float> FhrBpm { get; init; }

    /// <summary>Gets the baseline in bpm, one value per sample (NaN where unknown).</summary>
    public ReadOnlyMemory<float> BaselineBpm { get; init; }

    /// <summary>Gets what each sample belongs to (accelerations, decelerations, unreliable signal).</summary>
    public ReadOnlyMemory<FhrSegment> Segments { get; init; }

    /// <summary>Gets the sample rate in Hz.</summary>
    /// <value>The default is 4 Hz.</value>
    public double SampleRateHz { get; init; } = CtgRecording.StandardSampleRateHz;

    /// <summary>Gets the accelerations.</summary>
    public IReadOnlyList<CtgTimeRange> Accelerations { get; init; } = [];

    /// <summary>Gets the decelerations (of any type).</summary>
    public IReadOnlyList<CtgTimeRange> Decelerations { get; init; } = [];

    /// <summary>Gets the fetal movements per hour when they were recorded (a marker button or the TOCO), or <see langword="null"/>.</summary>
    public double? FetalMovementsPerHour { get; init; }
}
