using CsCheck;

namespace Nonprofit.Monitoring.Tests.FalseSignal;

/// <summary>Invariants of <see cref="FalseSignalDetector"/> on random series with loss, zeros and wild values, with and without a maternal channel.</summary>
public sealed class FalseSignalPropertyTests
{
    private static readonly FalseSignalDetector s_detector = new();

    /// <summary>Runs of a level with small steps, broken by lost, zero and out-of-range stretches.</summary>
    private static readonly Gen<float[]> s_series =
        Gen.Select(Gen.Int[0, 4], Gen.Float[50f, 210f], Gen.Int[1, 300])
            .Array[0, 12]
            .Select(segments => segments.SelectMany(s =>
            {
                var (kind, level, length) = s;
                return Enumerable.Range(0, length).Select(i => kind switch
                {
                    0 or 1 => level + (i % 9 * 0.75f),
                    2 => float.NaN,
                    3 => 0f,
                    _ => level * 2,
                });
            }).ToArray());

    private static readonly Gen<(float[] Fhr, float[]? Mhr, float[]? Ua)> s_recording =
        Gen.Select(s_series, Gen.Int[0, 2], Gen.Int[0, 1]).Select((fhr, maternal, ua) =>
        {
            float[]? mhr = maternal switch
            {
                0 => null,
                1 => [.. fhr.Select((x, i) => i % 5 == 0 ? float.NaN : 80f + (i % 13))],
                _ => [.. fhr.Select(x => x + 1f)],
            };
            return (fhr, mhr, ua == 1 ? fhr.Select((_, i) => (float)(i % 50)).ToArray() : null);
        });

    [Fact]
    public void Detect_RandomRecordings_Invariants()
    {
        s_recording.Sample(r =>
        {
            var recording = new CtgRecording(r.Fhr, maternalHeartRate: r.Mhr, uterineActivity: r.Ua);
            var p = s_detector.Detect(recording);

            // Same length, values in [0, 1], 0 exactly where the fetal rate is lost.
            Assert.Equal(r.Fhr.Length, p.Length);
            for (var i = 0; i < p.Length; i++)
            {
                Assert.InRange(p[i], 0f, 1f);
                if (float.IsNaN(r.Fhr[i]) || r.Fhr[i] == 0)
                {
                    Assert.Equal(0f, p[i]);
                }
            }

            // Deterministic, and the span overload (in place) gives the same numbers.
            Assert.Equal(p, s_detector.Detect(recording));
            var inPlace = (float[])r.Fhr.Clone();
            s_detector.Detect(inPlace, r.Mhr, r.Ua, CtgRecording.StandardSampleRateHz, inPlace);
            Assert.Equal(p, inPlace);
        }, iter: 200);
    }
}
