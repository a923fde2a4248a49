using System;
using System.IO;
using ScottPlot;
using SkiaSharp;

namespace Nonprofit.Monitoring;

/// <summary>
/// Renders a CTG as a PNG in the clinical layout (ScottPlot 5): the FHR panel on 50-210 bpm with the normal 110-160 bpm
/// band shaded and a grid every 10 bpm, the uterine activity (TOCO) panel below on 0-100, time in minutes, and the
/// overlays of a <see cref="CtgChartOverlay"/>: baseline, marked intervals with labels and point events.
/// </summary>
/// <remarks>
/// Lost samples (NaN) leave gaps: the trace is drawn as one line per run of finite samples. Nothing is written to a log;
/// the labels are the caller's and must not carry patient data. Rendering allocates (ScottPlot, Skia); it is not a hot path.
/// </remarks>
public static class CtgChart
{
    private static readonly Color s_normalBand = Color.FromHex("#D8F0D8");
    private static readonly Color s_trace = Color.FromHex("#1F3FBF");
    private static readonly Color s_maternal = Color.FromHex("#C04080");
    private static readonly Color s_baseline = Color.FromHex("#E08000");
    private static readonly Color s_toco = Color.FromHex("#303030");
    private static readonly Color s_eventColor = Color.FromHex("#C00000");

    /// <summary>Renders <paramref name="recording"/> and <paramref name="overlay"/> as a PNG into <paramref name="png"/>.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="overlay">What to draw over it, or <see langword="null"/> for nothing.</param>
    /// <param name="png">Receives the PNG.</param>
    /// <param name="options">Size and scales, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="recording"/> or <paramref name="png"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or the overlay's baseline length differs from the recording's or holds an infinity.</exception>
    public static void Render(CtgRecording recording, CtgChartOverlay? overlay, Stream png, CtgChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(png);
        options ??= new CtgChartOptions();
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        overlay ??= new CtgChartOverlay();
        if (!overlay.BaselineBpm.IsEmpty && overlay.BaselineBpm.Length != recording.Length)
        {
            throw new ArgumentException("The overlay baseline must have one value per recording sample.", nameof(overlay));
        }

        foreach (var value in overlay.BaselineBpm.Span)
        {
            if (float.IsInfinity(value))
            {
                throw new ArgumentException("The overlay baseline holds an infinite value; use NaN for an unknown one.", nameof(overlay));
            }
        }

        ArgumentNullException.ThrowIfNull(overlay.Intervals, nameof(overlay));
        ArgumentNullException.ThrowIfNull(overlay.Events, nameof(overlay));
        var layout = CtgChartLayout.For(recording, options);
        using var surface = SKSurface.Create(new SKImageInfo(options.Width, options.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not create a drawing surface.");
        surface.Canvas.Clear(SKColors.White);
        using (var fhr = FhrPlot(recording, overlay, options, layout))
        {
            Draw(fhr, layout.FhrFigure, surface.Canvas);
        }

        using (var toco = TocoPlot(recording, overlay, options, layout))
        {
            Draw(toco, layout.TocoFigure, surface.Canvas);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        data.SaveTo(png);
    }

    /// <summary>Renders to a PNG file: a temporary file beside <paramref name="path"/> is written, then moved into place, so the target is never partly written.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="overlay">What to draw over it, or <see langword="null"/>.</param>
    /// <param name="path">The PNG file to create or replace.</param>
    /// <param name="options">Size and scales, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="recording"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or as for <see cref="Render(CtgRecording, CtgChartOverlay?, Stream, CtgChartOptions?)"/>.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Render(CtgRecording recording, CtgChartOverlay? overlay, string path, CtgChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                Render(recording, overlay, stream, options);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Renders <paramref name="plot"/> on its own surface (ScottPlot clears the whole canvas it renders on) and draws it into <paramref name="figure"/>.</summary>
    private static void Draw(Plot plot, PixelRect figure, SKCanvas canvas)
    {
        using var panel = SKSurface.Create(new SKImageInfo((int)figure.Width, (int)figure.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not create a drawing surface.");
        plot.Render(panel.Canvas, (int)figure.Width, (int)figure.Height);
        using var image = panel.Snapshot();
        canvas.DrawImage(image, figure.Left, figure.Top);
    }

    private static Plot FhrPlot(CtgRecording recording, CtgChartOverlay overlay, CtgChartOptions options, CtgChartLayout layout)
    {
        var plot = NewPlot(layout, layout.FhrPadding, options.FhrMinimumBpm, options.FhrMaximumBpm, 20, "FHR (bpm)");
        plot.Axes.Bottom.TickLabelStyle.IsVisible = false;
        var band = plot.Add.Rectangle(layout.StartMinutes, layout.EndMinutes, options.NormalBandMinimumBpm, options.NormalBandMaximumBpm);
        band.FillColor = s_normalBand;
        band.LineWidth = 0;
        foreach (var interval in overlay.Intervals)
        {
            if (interval.Kind != CtgChartIntervalKind.Contraction)
            {
                Mark(plot, interval, options.FhrMinimumBpm, options.FhrMaximumBpm);
            }
        }

        Lines(plot, recording.FetalHeartRate.Span, recording.SampleRateHz, s_trace, 1.5f, LinePattern.Solid);
        if (options.ShowMaternalHeartRate && recording.HasMaternalHeartRate)
        {
            Lines(plot, recording.MaternalHeartRate.Span, recording.SampleRateHz, s_maternal, 1f, LinePattern.Solid);
        }

        if (!overlay.BaselineBpm.IsEmpty)
        {
            Lines(plot, overlay.BaselineBpm.Span, recording.SampleRateHz, s_baseline, 2f, LinePattern.Dashed);
        }

        foreach (var e in overlay.Events)
        {
            var x = e.Seconds / 60;
            plot.Add.VerticalLine(x, 1.5f, s_eventColor, LinePattern.Solid);
            var text = plot.Add.Text(e.Text, x, options.FhrMaximumBpm);
            text.LabelFontColor = s_eventColor;
            text.LabelFontSize = 12;
            text.LabelAlignment = Alignment.UpperLeft;
        }

        return plot;
    }

    private static Plot TocoPlot(CtgRecording recording, CtgChartOverlay overlay, CtgChartOptions options, CtgChartLayout layout)
    {
        var plot = NewPlot(layout, layout.TocoPadding, 0, options.UterineActivityMaximum, 25, "UA");
        plot.XLabel("Time (min)", 12);
        foreach (var interval in overlay.Intervals)
        {
            if (interval.Kind == CtgChartIntervalKind.Contraction)
            {
                Mark(plot, interval, 0, options.UterineActivityMaximum);
            }
        }

        if (recording.HasUterineActivity)
        {
            Lines(plot, recording.UterineActivity.Span, recording.SampleRateHz, s_toco, 1.5f, LinePattern.Solid);
        }

        foreach (var e in overlay.Events)
        {
            plot.Add.VerticalLine(e.Seconds / 60, 1.5f, s_eventColor, LinePattern.Solid);
        }

        return plot;
    }

    private static Plot NewPlot(CtgChartLayout layout, PixelPadding padding, double min, double max, double labelStep, string yLabel)
    {
        var plot = new Plot();
        plot.Layout.Fixed(padding);
        plot.Axes.SetLimits(layout.StartMinutes, layout.EndMinutes, min, max);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(labelStep);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(layout.MinuteStep);
        plot.YLabel(yLabel, 12);
        plot.Grid.MajorLineColor = Color.FromHex("#F0B0B0");
        plot.Grid.MajorLineWidth = 1;
        return plot;
    }

    private static void Mark(Plot plot, CtgChartInterval interval, double bottom, double top)
    {
        var color = interval.Kind switch
        {
            CtgChartIntervalKind.Acceleration => Color.FromHex("#40A040"),
            CtgChartIntervalKind.Deceleration => Color.FromHex("#D04040"),
            CtgChartIntervalKind.Contraction => Color.FromHex("#4060D0"),
            CtgChartIntervalKind.FalseSignal => Color.FromHex("#A040C0"),
            _ => Color.FromHex("#808080"),
        };
        var left = interval.Time.StartSeconds / 60;
        var rectangle = plot.Add.Rectangle(left, interval.Time.EndSeconds / 60, bottom, top);
        rectangle.FillColor = color.WithAlpha(0.18);
        rectangle.LineWidth = 0;
        if (!string.IsNullOrEmpty(interval.Label))
        {
            var text = plot.Add.Text(interval.Label, left, top);
            text.LabelFontColor = color;
            text.LabelFontSize = 11;
            text.LabelAlignment = Alignment.UpperLeft;
        }
    }

    /// <summary>Adds one line per run of finite values, so lost samples leave gaps.</summary>
    private static void Lines(Plot plot, ReadOnlySpan<float> values, double sampleRateHz, Color color, float width, LinePattern pattern)
    {
        // Recordings hold no infinities (CtgRecording rejects them), so "not NaN" is "finite".
        for (var start = CtgPreprocessor.NextValid(values, 0); start < values.Length; start = CtgPreprocessor.NextValid(values, start))
        {
            var end = CtgPreprocessor.RunEnd(values, start);
            var xs = new double[end - start];
            var ys = new double[end - start];
            for (var i = start; i < end; i++)
            {
                xs[i - start] = i / sampleRateHz / 60;
                ys[i - start] = values[i];
            }

            var line = plot.Add.ScatterLine(xs, ys, color);
            line.LineWidth = width;
            line.LinePattern = pattern;
            line.MarkerSize = xs.Length == 1 ? width * 2 : 0;
            start = end;
        }
    }
}
