using BenchmarkDotNet.Attributes;
using Nonprofit.Monitoring;

namespace Nonprofit.Benchmarks.Monitoring;

/// <summary>
/// False-signal detection on a 2-hour CTG at 4 Hz (28,800 samples) with a maternal channel and uterine activity, 10%
/// signal loss and a 10-minute stretch where the fetal channel copies the maternal rate: the span overload (pooled
/// buffers, no allocation once warm) and the array-returning overload. No peer: no .NET library detects false signals.
/// </summary>
[MemoryDiagnoser]
public class FalseSignalBenchmarks
{
    private const int Samples = 2 * 60 * 60 * 4;
    private readonly FalseSignalDetector _detector = new();
    private CtgRecording _recording = null!;
    private float[] _fhr = [];
    private float[] _mhr = [];
    private float[] _ua = [];
    private float[] _destination = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _fhr = new float[Samples];
        _mhr = new float[Samples];
        _ua = new float[Samples];
        for (var i = 0; i < Samples; i++)
        {
            _mhr[i] = 85f + (6f * MathF.Sin(i / 700f)) + (float)random.NextDouble();
            _fhr[i] = 140f + (8f * MathF.Sin(i / 90f)) + (float)(3 * random.NextDouble());
            _ua[i] = 20f + (30f * MathF.Max(0, MathF.Sin(i / 300f)));
            if (i is >= 20_000 and < 22_400)
            {
                _fhr[i] = _mhr[i];
            }

            if (random.NextDouble() < 0.01)
            {
                _fhr.AsSpan(i, Math.Min(10, Samples - i)).Fill(float.NaN);
            }
        }

        _recording = new CtgRecording(_fhr, maternalHeartRate: _mhr, uterineActivity: _ua);
        _destination = new float[Samples];
    }

    /// <summary>The span overload into a caller's buffer.</summary>
    [Benchmark(Baseline = true)]
    public float DetectSpan()
    {
        _detector.Detect(_fhr, _mhr, _ua, CtgRecording.StandardSampleRateHz, _destination);
        return _destination[21_000];
    }

    /// <summary>The recording overload returning a new array.</summary>
    [Benchmark]
    public float DetectRecording() => _detector.Detect(_recording)[21_000];
}
