using System;

namespace Nonprofit.Monitoring;

/// <summary>What <see cref="CtgPreprocessor"/> did to one fetal heart rate sample, and why. <see cref="None"/>: kept as measured.</summary>
[Flags]
public enum FhrSampleStatus : byte
{
    /// <summary>Kept as measured.</summary>
    None = 0,

    /// <summary>No value in the input (signal loss: NaN or 0).</summary>
    Missing = 1,

    /// <summary>Removed: outside <see cref="CtgPreprocessorOptions.MinimumBpm"/>..<see cref="CtgPreprocessorOptions.MaximumBpm"/>.</summary>
    OutOfRange = 2,

    /// <summary>Removed: part of a run of valid samples shorter than <see cref="CtgPreprocessorOptions.MinimumRunSeconds"/>.</summary>
    ShortRun = 4,

    /// <summary>Removed: part of a short run that jumps away from the signal on both sides (<see cref="CtgPreprocessorOptions.JumpBpm"/>).</summary>
    Jump = 8,

    /// <summary>Doubled: the monitor counted every other beat (the value was half the heart rate).</summary>
    HalvingCorrected = 16,

    /// <summary>Halved: the monitor counted each beat twice (the value was double the heart rate).</summary>
    DoublingCorrected = 32,

    /// <summary>The value is not measured but filled in from the nearest valid samples (always with a removal reason).</summary>
    Interpolated = 64,
}
