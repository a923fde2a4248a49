using CsCheck;

namespace Nonprofit.Monitoring.Tests.Preprocessing;

/// <summary>Invariants of <see cref="CtgPreprocessor"/> on random series with loss, zeros, out-of-range values, halving and doubling.</summary>
public sealed class CtgPreprocessorPropertyTests
{
    private const FhrSampleStatus Removed = FhrSampleStatus.Missing | FhrSampleStatus.OutOfRange | FhrSampleStatus.ShortRun | FhrSampleStatus.Jump;

    /// <summary>Runs of a level with small steps, broken by lost, zero, wild, halved and doubled stretches.</summary>
    private static readonly Gen<float[]> s_series =
        Gen.Select(Gen.Int[0, 5], Gen.Float[60f, 200f], Gen.Int[1, 120])
            .Array[1, 40]
            .Select(segments => segments.SelectMany(s =>
            {
                var (kind, level, length) = s;
                return Enumerable.Range(0, length).Select(i => kind switch
                {
                    0 => level + (i % 7 * 0.5f),
                    1 => float.NaN,
                    2 => 0f,
                    3 => level * 3,
                    4 => level / 2,
                    _ => level * 2,
                });
            }).ToArray());

    private static readonly Gen<CtgPreprocessorOptions> s_options =
        Gen.Select(Gen.Bool, Gen.Double[0, 60], Gen.Int[0, 1]).Select((correct, gap, infinite) => new CtgPreprocessorOptions
        {
            CorrectHalvingDoubling = correct,
            MaximumInterpolationGapSeconds = infinite == 1 ? double.PositiveInfinity : gap,
        });

    [Fact]
    public void Process_RandomSeries_Invariants()
    {
        Gen.Select(s_series, s_options).Sample((input, options) =>
        {
            var fhr = new float[input.Length];
            var status = new FhrSampleStatus[input.Length];
            var loss = new CtgPreprocessor(options).Process(input, 4, fhr, status);

            // Same length; loss is the share of removed samples.
            Assert.Equal(input.Length, fhr.Length);
            Assert.Equal(100.0 * status.Count(s => (s & Removed) != 0) / input.Length, loss, 9);
            for (var i = 0; i < input.Length; i++)
            {
                var s = status[i];

                // No value outside the plausible range remains.
                Assert.True(float.IsNaN(fhr[i]) || (fhr[i] >= options.MinimumBpm && fhr[i] <= options.MaximumBpm));

                // A removed sample is either NaN or flagged as interpolated; interpolation always has a removal reason.
                if ((s & Removed) != 0)
                {
                    Assert.True(float.IsNaN(fhr[i]) || (s & FhrSampleStatus.Interpolated) != 0);
                }

                Assert.True((s & FhrSampleStatus.Interpolated) == 0 || (s & Removed) != 0);

                // A kept sample is the input, or the input doubled or halved and flagged so.
                if ((s & Removed) == 0)
                {
                    var expected = (s & FhrSampleStatus.HalvingCorrected) != 0 ? input[i] * 2
                        : (s & FhrSampleStatus.DoublingCorrected) != 0 ? input[i] / 2
                        : input[i];
                    Assert.Equal(expected, fhr[i]);
                }

                // Missing input is flagged as missing.
                Assert.Equal(float.IsNaN(input[i]) || input[i] == 0, (s & FhrSampleStatus.Missing) != 0);
                Assert.False(!options.CorrectHalvingDoubling && (s & (FhrSampleStatus.HalvingCorrected | FhrSampleStatus.DoublingCorrected)) != 0);
            }

            // With no gap limit, NaN remains only when nothing was kept.
            if (double.IsPositiveInfinity(options.MaximumInterpolationGapSeconds) && loss < 100)
            {
                Assert.DoesNotContain(fhr, float.IsNaN);
            }
        }, iter: 300);
    }

    [Fact]
    public void Process_InPlace_SameAsSeparateBuffers()
    {
        s_series.Sample(input =>
        {
            var preprocessor = new CtgPreprocessor(new CtgPreprocessorOptions());
            var separate = new float[input.Length];
            var status = new FhrSampleStatus[input.Length];
            preprocessor.Process(input, 4, separate, status);
            var inPlace = (float[])input.Clone();
            preprocessor.Process(inPlace, 4, inPlace, status);
            Assert.Equal(separate, inPlace);
        }, iter: 100);
    }
}
