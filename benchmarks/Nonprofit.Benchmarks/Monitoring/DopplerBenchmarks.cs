using BenchmarkDotNet.Attributes;
using Nonprofit.Monitoring;
using Nonprofit.Monitoring.Simulation;

namespace Nonprofit.Benchmarks.Monitoring;

/// <summary>
/// Doppler audio to fetal heart rate: 10 minutes of synthetic 4 kHz audio (realistic setting, +10 dB), single-threaded.
/// Goal (issue 5): at least 1000× real time, i.e. under 600 ms per run.
/// </summary>
[MemoryDiagnoser]
public class DopplerBenchmarks
{
    private const int SampleRateHz = 4000;
    private const int ChunkSamples = 1024;
    private readonly DopplerHeartRateEstimator _estimator = new();
    private float[] _audio = [];
    private float[] _bpm = [];
    private float[] _confidence = [];
    private StreamingDopplerHeartRateEstimator _stream = null!;

    [GlobalSetup]
    public void Setup()
    {
        _audio = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { Seed = 7, DurationSeconds = 600, SampleRateHz = SampleRateHz }).Audio.ToArray();
        _bpm = new float[2400];
        _confidence = new float[2400];
        _stream = _estimator.CreateStreaming(SampleRateHz);
    }

    /// <summary>The offline call on the whole 10 minutes (allocates the two 2400-sample result arrays and the filter state once).</summary>
    [Benchmark(Baseline = true)]
    public double Offline() => _estimator.Estimate(_audio, SampleRateHz).MeanBpm;

    /// <summary>The streaming form fed 1024-sample chunks (a quarter second at 4 kHz), reused across runs: no allocation.</summary>
    [Benchmark]
    public int Streaming()
    {
        _stream.Reset();
        var written = 0;
        for (var i = 0; i < _audio.Length; i += ChunkSamples)
        {
            written += _stream.Process(_audio.AsSpan(i, Math.Min(ChunkSamples, _audio.Length - i)), _bpm.AsSpan(written), _confidence.AsSpan(written));
        }

        return written + _stream.Complete(_bpm.AsSpan(written), _confidence.AsSpan(written));
    }
}
