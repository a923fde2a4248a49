using System;
using ScottPlot;

namespace Nonprofit.Monitoring;

/// <summary>Where the panels of a <see cref="CtgChart"/> go: the FHR figure takes the top two thirds, the TOCO figure the rest; fixed paddings make the data areas known before rendering.</summary>
internal readonly record struct CtgChartLayout(
    PixelRect FhrFigure,
    PixelRect TocoFigure,
    PixelPadding FhrPadding,
    PixelPadding TocoPadding,
    double StartMinutes,
    double EndMinutes,
    double MinuteStep)
{
    private const float Left = 64;
    private const float Right = 24;

    public static CtgChartLayout For(CtgRecording recording, CtgChartOptions options)
    {
        var start = options.StartMinutes;
        var end = options.DurationMinutes is { } d ? start + d : Math.Max(start + 1, recording.Duration.TotalMinutes);
        float split = (float)Math.Round(options.Height * 2.0 / 3);
        var span = end - start;
        var step = span <= 30 ? 1 : span <= 60 ? 2 : span <= 150 ? 5 : span <= 300 ? 10 : span <= 900 ? 30 : 60;
        return new CtgChartLayout(
            new PixelRect(0, options.Width, split, 0),
            new PixelRect(0, options.Width, options.Height, split),
            new PixelPadding(Left, Right, 8, 12),
            new PixelPadding(Left, Right, 46, 8),
            start,
            end,
            step);
    }

    /// <summary>The FHR data area in image pixels.</summary>
    public PixelRect FhrData => new(FhrFigure.Left + FhrPadding.Left, FhrFigure.Right - FhrPadding.Right, FhrFigure.Bottom - FhrPadding.Bottom, FhrFigure.Top + FhrPadding.Top);

    /// <summary>The TOCO data area in image pixels.</summary>
    public PixelRect TocoData => new(TocoFigure.Left + TocoPadding.Left, TocoFigure.Right - TocoPadding.Right, TocoFigure.Bottom - TocoPadding.Bottom, TocoFigure.Top + TocoPadding.Top);

    /// <summary>The image pixel of (minutes, value) in a data area whose vertical scale is [min, max].</summary>
    public (float X, float Y) Pixel(PixelRect data, double minutes, double value, double min, double max) => (
        (float)(data.Left + ((minutes - StartMinutes) / (EndMinutes - StartMinutes) * data.Width)),
        (float)(data.Bottom - ((value - min) / (max - min) * data.Height)));
}
