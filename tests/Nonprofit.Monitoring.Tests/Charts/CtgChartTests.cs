using SkiaSharp;

namespace Nonprofit.Monitoring.Tests.Charts;

public sealed class CtgChartTests
{
    private static readonly CtgChartOptions s_options = new() { Width = 1200, Height = 600 };

    /// <summary>30 min: FHR 90 bpm with a gap from minute 12 to 18, UA 40 (off the grid lines).</summary>
    private static CtgRecording Recording()
    {
        var fhr = Enumerable.Repeat(90f, 30 * 240).ToArray();
        fhr.AsSpan(12 * 240, 6 * 240).Fill(float.NaN);
        return new CtgRecording(fhr, 4, uterineActivity: Enumerable.Repeat(40f, fhr.Length).ToArray());
    }

    private static SKBitmap Render(CtgRecording recording, CtgChartOverlay? overlay = null, CtgChartOptions? options = null)
    {
        using var png = new MemoryStream();
        CtgChart.Render(recording, overlay, png, options ?? s_options);
        return SKBitmap.Decode(png.ToArray());
    }

    private static SKColor At(SKBitmap bitmap, (float X, float Y) p) => bitmap.GetPixel((int)Math.Round(p.X), (int)Math.Round(p.Y));

    private static bool AnyNear(SKBitmap bitmap, (float X, float Y) p, Func<SKColor, bool> predicate)
    {
        for (var dx = -2; dx <= 2; dx++)
        {
            for (var dy = -2; dy <= 2; dy++)
            {
                if (predicate(bitmap.GetPixel((int)Math.Round(p.X) + dx, (int)Math.Round(p.Y) + dy)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsTraceBlue(SKColor c) => c.Blue > 150 && c.Red < 100 && c.Green < 120;

    private static (float X, float Y) Fhr(CtgChartLayout layout, double minutes, double bpm) => layout.Pixel(layout.FhrData, minutes, bpm, 50, 210);

    [Fact]
    public void Render_Png_DecodesAtTheRequestedSize()
    {
        using var bitmap = Render(Recording());

        Assert.Equal(1200, bitmap.Width);
        Assert.Equal(600, bitmap.Height);
    }

    [Fact]
    public void Render_NormalBand_ShadedBetween110And160Only()
    {
        var recording = Recording();
        var layout = CtgChartLayout.For(recording, s_options);
        using var bitmap = Render(recording);

        var inside = At(bitmap, Fhr(layout, 0.5, 135));
        var above = At(bitmap, Fhr(layout, 0.5, 185));
        var below = At(bitmap, Fhr(layout, 0.5, 95));

        Assert.Equal(new SKColor(0xD8, 0xF0, 0xD8), inside);
        Assert.Equal(SKColors.White, above);
        Assert.Equal(SKColors.White, below);
        Assert.Equal(new SKColor(0xD8, 0xF0, 0xD8), At(bitmap, Fhr(layout, 0.5, 111)));
        Assert.Equal(SKColors.White, At(bitmap, Fhr(layout, 0.5, 108)));
    }

    [Fact]
    public void Render_Trace_DrawnWhereMeasuredAndGapWhereLost()
    {
        var recording = Recording();
        var layout = CtgChartLayout.For(recording, s_options);
        using var bitmap = Render(recording);

        Assert.True(AnyNear(bitmap, Fhr(layout, 5.5, 90), IsTraceBlue));
        Assert.True(AnyNear(bitmap, Fhr(layout, 25.5, 90), IsTraceBlue));
        Assert.False(AnyNear(bitmap, Fhr(layout, 15.5, 90), IsTraceBlue));
        Assert.False(AnyNear(bitmap, Fhr(layout, 5.5, 140), IsTraceBlue));
    }

    [Fact]
    public void Render_UterineActivity_DrawnInTheLowerPanel()
    {
        var recording = Recording();
        var layout = CtgChartLayout.For(recording, s_options);
        using var bitmap = Render(recording);

        Assert.True(layout.TocoData.Top > layout.FhrData.Bottom);
        Assert.True(AnyNear(bitmap, layout.Pixel(layout.TocoData, 5.5, 40, 0, 100), c => c.Red < 90 && c.Green < 90 && c.Blue < 90));
        Assert.Equal(SKColors.White, At(bitmap, layout.Pixel(layout.TocoData, 5.5, 80, 0, 100)));
    }

    [Fact]
    public void Render_Overlay_MarksIntervalsAndDrawsBaselineAndEvents()
    {
        var recording = Recording();
        var layout = CtgChartLayout.For(recording, s_options);
        var overlay = new CtgChartOverlay
        {
            BaselineBpm = Enumerable.Repeat(145f, recording.Length).ToArray(),
            Intervals =
            [
                new(CtgChartIntervalKind.Deceleration, new CtgTimeRange(20 * 60, 22 * 60), "late"),
                new(CtgChartIntervalKind.Contraction, new CtgTimeRange(20 * 60, 21 * 60)),
                new(CtgChartIntervalKind.SignalLoss, new CtgTimeRange(12 * 60, 18 * 60)),
                new(CtgChartIntervalKind.Acceleration, new CtgTimeRange(2 * 60, 3 * 60), "acc"),
                new(CtgChartIntervalKind.FalseSignal, new CtgTimeRange(4 * 60, 5 * 60)),
            ],
            Events = [new CtgChartEvent(26 * 60, "alert")],
        };

        using var plain = Render(recording);
        using var bitmap = Render(recording, overlay);

        var deceleration = At(bitmap, Fhr(layout, 21.5, 185));
        Assert.True(deceleration.Red > deceleration.Green && deceleration.Red > deceleration.Blue && deceleration != SKColors.White, deceleration.ToString());
        Assert.NotEqual(At(plain, Fhr(layout, 13.5, 185)), At(bitmap, Fhr(layout, 13.5, 185)));
        var contraction = At(bitmap, layout.Pixel(layout.TocoData, 20.5, 80, 0, 100));
        Assert.True(contraction.Blue > contraction.Red && contraction != SKColors.White, contraction.ToString());
        Assert.True(AnyNear(bitmap, Fhr(layout, 7.5, 145), c => c.Red > 200 && c.Green is > 100 and < 180 && c.Blue < 80));
        Assert.True(AnyNear(bitmap, Fhr(layout, 26, 185), c => c.Red > 150 && c.Green < 60 && c.Blue < 60));
    }

    [Fact]
    public void Render_AllLostAndEmptyRecordings_DoNotThrow()
    {
        using var lost = Render(new CtgRecording(Enumerable.Repeat(float.NaN, 400).ToArray()));
        using var empty = Render(new CtgRecording([]));
        using var single = Render(new CtgRecording([140f]));

        Assert.Equal(1200, lost.Width);
        Assert.Equal(1200, empty.Width);
        Assert.Equal(1200, single.Width);
    }

    [Fact]
    public void Render_TimeWindow_ShowsOnlyThoseMinutes()
    {
        var recording = Recording();
        var options = new CtgChartOptions { Width = 1200, Height = 600, StartMinutes = 20, DurationMinutes = 10 };
        var layout = CtgChartLayout.For(recording, options);
        using var bitmap = Render(recording, options: options);

        Assert.Equal(20, layout.StartMinutes);
        Assert.Equal(30, layout.EndMinutes);
        Assert.True(AnyNear(bitmap, Fhr(layout, 25.5, 90), IsTraceBlue));
    }

    [Fact]
    public void Render_ToPath_WritesAtomicallyAndReplaces()
    {
        var directory = Directory.CreateTempSubdirectory("ctg-chart-");
        try
        {
            var path = Path.Combine(directory.FullName, "chart.png");
            File.WriteAllText(path, "old");

            CtgChart.Render(Recording(), null, path, s_options);

            using var bitmap = SKBitmap.Decode(path);
            Assert.Equal(1200, bitmap.Width);
            Assert.Equal(["chart.png"], directory.GetFiles().Select(f => f.Name));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Render_BadArguments_Throw()
    {
        using var png = new MemoryStream();
        Assert.Throws<ArgumentNullException>("recording", () => CtgChart.Render(null!, null, png));
        Assert.Throws<ArgumentNullException>("png", () => CtgChart.Render(Recording(), null, (Stream)null!));
        Assert.Throws<ArgumentException>("options", () => CtgChart.Render(Recording(), null, png, new CtgChartOptions { Width = 10 }));
        Assert.Throws<ArgumentException>("options", () => CtgChart.Render(Recording(), null, png, new CtgChartOptions { FhrMaximumBpm = 40 }));
        Assert.Throws<ArgumentException>("overlay", () => CtgChart.Render(Recording(), new CtgChartOverlay { BaselineBpm = new float[5] }, png));
        var infinite = new float[Recording().Length];
        infinite[3] = float.PositiveInfinity;
        Assert.Throws<ArgumentException>("overlay", () => CtgChart.Render(Recording(), new CtgChartOverlay { BaselineBpm = infinite }, png));
        Assert.Throws<ArgumentException>("path", () => CtgChart.Render(Recording(), null, " ", s_options));
        Assert.Equal(0, png.Length);
        Assert.Null(new CtgChartOptions().Validate());
    }
}
