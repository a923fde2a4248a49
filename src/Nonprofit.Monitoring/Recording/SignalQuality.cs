namespace Nonprofit.Monitoring;

/// <summary>The quality of one fetal heart rate sample, as the source recorded it.</summary>
/// <remarks>
/// Most sources record no quality at all: their samples are <see cref="Unknown"/> unless the value is missing
/// (<see cref="Lost"/>). FHRMA files carry a quality bit per sample (bit 0 of the Q byte, "FHR1 good", as read by the
/// toolbox's <c>fhropen.m</c>); it is used when the Q byte is not zero.
/// </remarks>
public enum SignalQuality : byte
{
    /// <summary>The source did not say; the value is present.</summary>
    Unknown = 0,

    /// <summary>The source marked the sample as good.</summary>
    Good = 1,

    /// <summary>The source recorded a value but marked it as not good.</summary>
    Poor = 2,

    /// <summary>No value: the signal was lost (the fetal heart rate is <see cref="float.NaN"/>).</summary>
    Lost = 3,
}
