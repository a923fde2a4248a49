using BenchmarkDotNet.Attributes;
using Nonprofit.Signals;

namespace Nonprofit.Benchmarks.Signals;

/// <summary>Real FFT of 2048 and 16384 points: ours against NWaves 0.9.6, FftSharp 2.2.0 and Math.NET 5.0.0 (complex).</summary>
[MemoryDiagnoser]
public class FftBenchmarks
{
    private float[] _x = [];
    private float[] _re = [];
    private float[] _im = [];
    private double[] _xDouble = [];
    private System.Numerics.Complex[] _complex = [];
    private NWaves.Transforms.RealFft _nwaves = null!;

    [Params(2048, 16384)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var r = new Random(3);
        _x = [.. Enumerable.Range(0, Size).Select(_ => (float)((r.NextDouble() * 2) - 1))];
        _re = new float[Size];
        _im = new float[Size];
        _xDouble = [.. _x.Select(v => (double)v)];
        _complex = new System.Numerics.Complex[Size];
        _nwaves = new NWaves.Transforms.RealFft(Size);
        _ = FftPlan.Get(Size / 2);
    }

    [Benchmark(Baseline = true)]
    public float NWavesRealFft()
    {
        _nwaves.Direct(_x, _re, _im);
        return _re[1];
    }

    [Benchmark]
    public double FftSharpForwardReal() => FftSharp.FFT.ForwardReal(_xDouble)[1].Real;

    [Benchmark]
    public double MathNetComplexForward()
    {
        for (var i = 0; i < _complex.Length; i++)
        {
            _complex[i] = new System.Numerics.Complex(_x[i], 0);
        }

        MathNet.Numerics.IntegralTransforms.Fourier.Forward(_complex);
        return _complex[1].Real;
    }

    [Benchmark]
    public float OursForwardReal()
    {
        Fft.ForwardReal(_x, _re, _im);
        return _re[1];
    }
}

/// <summary>Autocorrelation of 4096 points (all lags): ours (FFT) against NWaves' direct implementation.</summary>
[MemoryDiagnoser]
public class AutoCorrelationBenchmarks
{
    private float[] _x = [];
    private float[] _lags = [];

    [GlobalSetup]
    public void Setup()
    {
        var r = new Random(4);
        _x = [.. Enumerable.Range(0, 4096).Select(_ => (float)((r.NextDouble() * 2) - 1))];
        _lags = new float[4096];
    }

    [Benchmark(Baseline = true)]
    public float NWavesAutoCorrelation() => NWaves.Operations.Operation.CrossCorrelate(new NWaves.Signals.DiscreteSignal(1, _x), new NWaves.Signals.DiscreteSignal(1, _x)).Samples[4095];

    [Benchmark]
    public float OursAutoCorrelation()
    {
        Fft.AutoCorrelation(_x, _lags);
        return _lags[0];
    }
}
