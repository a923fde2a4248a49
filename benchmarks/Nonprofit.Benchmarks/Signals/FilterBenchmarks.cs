using BenchmarkDotNet.Attributes;
using Nonprofit.Signals;
using NWaves.Signals;

namespace Nonprofit.Benchmarks.Signals;

/// <summary>FIR with 35 taps on 1M samples: ours (offline, streaming) against NWaves 0.9.6 (per sample and whole buffer).</summary>
[MemoryDiagnoser]
public class FirBenchmarks
{
    private const int Samples = 1_000_000;
    private float[] _x = [];
    private float[] _y = [];
    private float[] _taps = [];
    private FirFilter _ours = null!;
    private NWaves.Filters.Base.FirFilter _nwaves = null!;
    private DiscreteSignal _signal = null!;

    [Params(35, 64, 128, 315, 1023)]
    public int Taps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var r = new Random(1);
        _x = [.. Enumerable.Range(0, Samples).Select(_ => (float)((r.NextDouble() * 2) - 1))];
        _y = new float[Samples];
        _taps = [.. Enumerable.Range(0, Taps).Select(_ => (float)((r.NextDouble() * 2) - 1) / Taps)];
        _ours = new FirFilter(_taps);
        _nwaves = new NWaves.Filters.Base.FirFilter(_taps);
        _signal = new DiscreteSignal(1000, _x);
    }

    [Benchmark(Baseline = true)]
    public float NWavesPerSample()
    {
        _nwaves.Reset();
        for (var i = 0; i < _x.Length; i++)
        {
            _y[i] = _nwaves.Process(_x[i]);
        }

        return _y[^1];
    }

    [Benchmark]
    public float NWavesApplyTo() => _nwaves.ApplyTo(_signal).Samples[^1];

    [Benchmark]
    public float OursOffline()
    {
        SignalFilters.Fir(_x, _taps, _y);
        return _y[^1];
    }

    /// <summary>FFT overlap-save, whatever the tap count (FirMethod.Auto uses it from SignalFilters.OverlapSaveMinTaps).</summary>
    [Benchmark]
    public float OursOverlapSave()
    {
        SignalFilters.Fir(_x, _taps, _y, FirMethod.OverlapSave);
        return _y[^1];
    }

    [Benchmark]
    public float OursStreaming4096()
    {
        _ours.Reset();
        for (var i = 0; i < _x.Length; i += 4096)
        {
            var n = Math.Min(4096, _x.Length - i);
            _ours.Process(_x.AsSpan(i, n), _y.AsSpan(i, n));
        }

        return _y[^1];
    }
}

/// <summary>IIR on 5M samples: one biquad and a 6th-order Butterworth low-pass, ours against NWaves 0.9.6.</summary>
[MemoryDiagnoser]
public class IirBenchmarks
{
    private const int Samples = 5_000_000;
    private float[] _x = [];
    private float[] _y = [];
    private Biquad[] _sos = [];
    private NWaves.Filters.Base.IOnlineFilter _nwaves = null!;
    private NWaves.Filters.Base.LtiFilter _nwavesLti = null!;
    private DiscreteSignal _signal = null!;

    [Params(1, 6)]
    public int Order { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var r = new Random(2);
        _x = [.. Enumerable.Range(0, Samples).Select(_ => (float)((r.NextDouble() * 2) - 1))];
        _y = new float[Samples];
        _signal = new DiscreteSignal(1000, _x);
        if (Order == 1)
        {
            // One biquad: a second-order Butterworth low-pass section at 0.05 of the sample rate.
            _sos = FilterDesign.ButterworthLowPass(2, 50, 1000);
            var lti = new NWaves.Filters.BiQuad.LowPassFilter(0.05);
            _nwaves = lti;
            _nwavesLti = lti;
        }
        else
        {
            _sos = FilterDesign.ButterworthLowPass(6, 50, 1000);
            var lti = new NWaves.Filters.Butterworth.LowPassFilter(0.05, 6);
            _nwaves = lti;
            _nwavesLti = lti;
        }
    }

    [Benchmark(Baseline = true)]
    public float NWavesPerSample()
    {
        _nwaves.Reset();
        for (var i = 0; i < _x.Length; i++)
        {
            _y[i] = _nwaves.Process(_x[i]);
        }

        return _y[^1];
    }

    [Benchmark]
    public float NWavesApplyTo() => _nwavesLti.ApplyTo(_signal).Samples[^1];

    [Benchmark]
    public float OursOffline()
    {
        SignalFilters.Sos(_x, _sos, _y);
        return _y[^1];
    }
}

/// <summary>8 interleaved channels through a 4th-order Butterworth, 1M frames: ours against NWaves run once per channel.</summary>
[MemoryDiagnoser]
public class MultiChannelBenchmarks
{
    private const int Channels = 8;
    private const int Frames = 1_000_000;
    private float[] _interleaved = [];
    private float[] _work = [];
    private float[][] _channels = [];
    private MultiChannelSosFilter _ours = null!;
    private NWaves.Filters.Butterworth.LowPassFilter[] _nwaves = [];

    [GlobalSetup]
    public void Setup()
    {
        var r = new Random(6);
        _interleaved = [.. Enumerable.Range(0, Frames * Channels).Select(_ => (float)((r.NextDouble() * 2) - 1))];
        _work = (float[])_interleaved.Clone();
        _channels = [.. Enumerable.Range(0, Channels).Select(c => Enumerable.Range(0, Frames).Select(f => _interleaved[(f * Channels) + c]).ToArray())];
        _ours = new MultiChannelSosFilter(FilterDesign.ButterworthLowPass(4, 50, 1000), Channels);
        _nwaves = [.. Enumerable.Range(0, Channels).Select(_ => new NWaves.Filters.Butterworth.LowPassFilter(0.05, 4))];
    }

    [Benchmark(Baseline = true)]
    public float NWavesPerSampleEightTimes()
    {
        var last = 0f;
        for (var c = 0; c < Channels; c++)
        {
            var filter = _nwaves[c];
            filter.Reset();
            var x = _channels[c];
            for (var i = 0; i < x.Length; i++)
            {
                last = filter.Process(x[i]);
            }
        }

        return last;
    }

    // In place on a working copy made once: a stable low-pass keeps re-filtered data bounded, and the timing
    // is the filtering alone (the peer's loop writes nothing either).
    [Benchmark]
    public float OursInterleaved()
    {
        _ours.Reset();
        _ours.Process(_work);
        return _work[^1];
    }
}
