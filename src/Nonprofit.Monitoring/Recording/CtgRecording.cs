using System;
using System.Globalization;

namespace Nonprofit.Monitoring;

/// <summary>
/// A cardiotocography (CTG) recording: fetal heart rate in beats per minute, sampled at a fixed rate (4 Hz in every
/// common source), with an optional second fetal channel, maternal heart rate, uterine activity and a per-sample
/// quality of the fetal heart rate. Immutable.
/// </summary>
/// <remarks>
/// A missing heart-rate sample (signal loss) is <see cref="float.NaN"/>; readers turn the sources' 0 into NaN.
/// Uterine activity keeps 0 as a value. The values are patient data: nothing in this package puts them in an exception
/// message or a log.
/// </remarks>
public sealed class CtgRecording
{
    /// <summary>The sample rate of CTG monitors and of the FHRMA and CTU-UHB data sets: 4 Hz.</summary>
    public const double StandardSampleRateHz = 4.0;

    private readonly float[] _fhr;
    private readonly float[]? _fhr2;
    private readonly float[]? _mhr;
    private readonly float[]? _ua;
    private readonly SignalQuality[] _quality;

    /// <summary>Initializes a recording from copies of the given channels.</summary>
    /// <param name="fetalHeartRate">The fetal heart rate in bpm; <see cref="float.NaN"/> where the signal was lost.</param>
    /// <param name="sampleRateHz">The sample rate of every channel, in Hz.</param>
    /// <param name="secondFetalHeartRate">A second fetal heart rate channel (e.g. scalp ECG beside Doppler), or <see langword="null"/>.</param>
    /// <param name="maternalHeartRate">The maternal heart rate in bpm, or <see langword="null"/>.</param>
    /// <param name="uterineActivity">The uterine activity (TOCO, arbitrary units or mmHg), or <see langword="null"/>.</param>
    /// <param name="quality">The quality of each fetal heart rate sample; when <see langword="null"/>, <see cref="SignalQuality.Lost"/> where the value is NaN and <see cref="SignalQuality.Unknown"/> elsewhere.</param>
    /// <param name="startTime">When the recording started, if known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fetalHeartRate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A channel's length differs from the fetal heart rate's, or a channel holds an infinite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is not a positive finite number.</exception>
    public CtgRecording(
        float[] fetalHeartRate,
        double sampleRateHz = StandardSampleRateHz,
        float[]? secondFetalHeartRate = null,
        float[]? maternalHeartRate = null,
        float[]? uterineActivity = null,
        SignalQuality[]? quality = null,
        DateTimeOffset? startTime = null)
        : this(
            (float[]?)fetalHeartRate?.Clone() ?? throw new ArgumentNullException(nameof(fetalHeartRate)),
            sampleRateHz,
            (float[]?)secondFetalHeartRate?.Clone(),
            (float[]?)maternalHeartRate?.Clone(),
            (float[]?)uterineActivity?.Clone(),
            (SignalQuality[]?)quality?.Clone(),
            startTime,
            validate: true)
    {
    }

    /// <summary>Takes ownership of the arrays (readers, which have checked them).</summary>
    internal CtgRecording(
        float[] fetalHeartRate,
        double sampleRateHz,
        float[]? secondFetalHeartRate,
        float[]? maternalHeartRate,
        float[]? uterineActivity,
        SignalQuality[]? quality,
        DateTimeOffset? startTime,
        bool validate)
    {
        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "The sample rate must be a positive finite number of hertz.");
        }

        if (validate)
        {
            CheckChannel(fetalHeartRate, fetalHeartRate.Length, nameof(fetalHeartRate));
            CheckChannel(secondFetalHeartRate, fetalHeartRate.Length, nameof(secondFetalHeartRate));
            CheckChannel(maternalHeartRate, fetalHeartRate.Length, nameof(maternalHeartRate));
            CheckChannel(uterineActivity, fetalHeartRate.Length, nameof(uterineActivity));
            if (quality is not null && quality.Length != fetalHeartRate.Length)
            {
                throw new ArgumentException("The quality channel must have one entry per fetal heart rate sample.", nameof(quality));
            }
        }

        _fhr = fetalHeartRate;
        _fhr2 = secondFetalHeartRate;
        _mhr = maternalHeartRate;
        _ua = uterineActivity;
        _quality = quality ?? DefaultQuality(fetalHeartRate);
        SampleRateHz = sampleRateHz;
        StartTime = startTime;
    }

    /// <summary>Gets the number of samples in every channel.</summary>
    public int Length => _fhr.Length;

    /// <summary>Gets the sample rate of every channel, in Hz.</summary>
    public double SampleRateHz { get; }

    /// <summary>Gets the duration, <see cref="Length"/> samples of 1 / <see cref="SampleRateHz"/> each.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Length / SampleRateHz);

    /// <summary>Gets when the recording started, when the source says (FHRMA files here are anonymised and do not).</summary>
    public DateTimeOffset? StartTime { get; }

    /// <summary>Gets the fetal heart rate in bpm; <see cref="float.NaN"/> where the signal was lost.</summary>
    public ReadOnlyMemory<float> FetalHeartRate => _fhr;

    /// <summary>Gets a value indicating whether the recording has a second fetal heart rate channel.</summary>
    public bool HasSecondFetalHeartRate => _fhr2 is not null;

    /// <summary>Gets the second fetal heart rate channel in bpm (NaN where lost), or an empty memory when there is none.</summary>
    public ReadOnlyMemory<float> SecondFetalHeartRate => _fhr2;

    /// <summary>Gets a value indicating whether the recording has a maternal heart rate channel.</summary>
    public bool HasMaternalHeartRate => _mhr is not null;

    /// <summary>Gets the maternal heart rate in bpm (NaN where lost), or an empty memory when there is none.</summary>
    public ReadOnlyMemory<float> MaternalHeartRate => _mhr;

    /// <summary>Gets a value indicating whether the recording has a uterine activity channel.</summary>
    public bool HasUterineActivity => _ua is not null;

    /// <summary>Gets the uterine activity (TOCO in arbitrary units, or mmHg from an intrauterine catheter), or an empty memory when there is none.</summary>
    public ReadOnlyMemory<float> UterineActivity => _ua;

    /// <summary>Gets the quality of each fetal heart rate sample.</summary>
    public ReadOnlyMemory<SignalQuality> Quality => _quality;

    /// <summary>Gets the time of sample <paramref name="index"/> from the start of the recording.</summary>
    /// <param name="index">The sample index, 0 to <see cref="Length"/> (the end).</param>
    /// <returns><paramref name="index"/> / <see cref="SampleRateHz"/> seconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or beyond <see cref="Length"/>.</exception>
    public TimeSpan TimeOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Length);
        return TimeSpan.FromSeconds(index / SampleRateHz);
    }

    /// <summary>Gets the index of the sample that covers <paramref name="time"/> (the last sample at or before it).</summary>
    /// <param name="time">A time from the start of the recording, from zero to <see cref="Duration"/>.</param>
    /// <returns>The sample index, between 0 and <see cref="Length"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is negative or beyond <see cref="Duration"/>.</exception>
    public int IndexAt(TimeSpan time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(time, TimeSpan.Zero);
        var index = (int)Math.Floor((time.TotalSeconds * SampleRateHz) + 1e-9);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Length, nameof(time));
        return index;
    }

    /// <inheritdoc />
    /// <remarks>Names the shape only (samples, rate, channels), never a value.</remarks>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"CtgRecording({Length} samples at {SampleRateHz} Hz, FHR{(HasSecondFetalHeartRate ? " + FHR2" : "")}{(HasMaternalHeartRate ? " + MHR" : "")}{(HasUterineActivity ? " + UA" : "")})");

    internal static SignalQuality[] DefaultQuality(ReadOnlySpan<float> fhr)
    {
        var quality = new SignalQuality[fhr.Length];
        for (var i = 0; i < fhr.Length; i++)
        {
            quality[i] = float.IsNaN(fhr[i]) ? SignalQuality.Lost : SignalQuality.Unknown;
        }

        return quality;
    }

    private static void CheckChannel(float[]? channel, int length, string name)
    {
        if (channel is null)
        {
            return;
        }

        if (channel.Length != length)
        {
            throw new ArgumentException("Every channel must have as many samples as the fetal heart rate.", name);
        }

        foreach (var value in channel)
        {
            if (float.IsInfinity(value))
            {
                throw new ArgumentException("A channel holds an infinite value; use NaN for a missing sample.", name);
            }
        }
    }
}
