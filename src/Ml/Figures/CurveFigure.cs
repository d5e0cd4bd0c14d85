using System.Buffers.Binary;
using System.Globalization;
using GanRsSandbox.Ml.Evaluation;
using ScottPlot;
using SkiaSharp;

namespace GanRsSandbox.Ml.Figures;

/// <summary>
/// The paper's figure for one dataset: F1, precision and recall against N, one line per model, one panel each,
/// stacked. PNG at 300 dpi (the resolution is written into the file) and SVG, from the same ScottPlot plots.
/// </summary>
public static class CurveFigure
{
    public const int Dpi = 300;

    /// <summary>The figure's size in inches: a single column of a two-column paper, three panels high.</summary>
    public const double WidthInches = 6.4;

    public const double PanelInches = 3.0;

    private const double ScreenDpi = 96;

    private static readonly (string Name, Func<CurvePoint, double> Value)[] Metrics =
        [("F1", p => p.F1), ("precision", p => p.Precision), ("recall", p => p.Recall)];

    public static byte[] Png(string title, IReadOnlyList<CurveSeries> series)
    {
        var scale = Dpi / ScreenDpi;
        var (width, height) = ((int)Math.Round(WidthInches * Dpi), (int)Math.Round(PanelInches * Dpi));
        using var surface = SKSurface.Create(new SKImageInfo(width, height * Metrics.Length));
        surface.Canvas.Clear(SKColors.White);
        for (var panel = 0; panel < Metrics.Length; panel++)
        {
            var plot = Panel(title, series, panel);
            plot.ScaleFactor = (float)scale;
            using var image = SKBitmap.Decode(plot.GetImageBytes(width, height, ImageFormat.Png));
            surface.Canvas.DrawBitmap(image, 0, panel * height);
        }
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return WithResolution(encoded.ToArray(), Dpi);
    }

    public static string Svg(string title, IReadOnlyList<CurveSeries> series)
    {
        var (width, height) = ((int)Math.Round(WidthInches * ScreenDpi), (int)Math.Round(PanelInches * ScreenDpi));
        var panels = Enumerable.Range(0, Metrics.Length).Select(panel =>
        {
            var svg = Panel(title, series, panel).GetSvgXml(width, height);
            // Each panel is a whole SVG document; nested at its offset it keeps its own coordinate system.
            var body = svg[svg.IndexOf("<svg", StringComparison.Ordinal)..];
            return body.Insert(4, string.Create(CultureInfo.InvariantCulture, $" x=\"0\" y=\"{panel * height}\""));
        });
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height * Metrics.Length}\" viewBox=\"0 0 {width} {height * Metrics.Length}\">\n{string.Join("\n", panels)}\n</svg>\n");
    }

    private static Plot Panel(string title, IReadOnlyList<CurveSeries> series, int panel)
    {
        var (metric, value) = Metrics[panel];
        var plot = new Plot();
        foreach (var line in series)
        {
            var points = line.Points.OrderBy(p => p.N).ToList();
            if (points.Count == 0)
            {
                continue;
            }
            var scatter = plot.Add.Scatter(points.Select(p => (double)p.N).ToArray(), points.Select(value).ToArray());
            scatter.LegendText = line.Name;
            scatter.LineWidth = 2;
            scatter.MarkerSize = 6;
        }
        // The paper's N are few and whole: one tick each, no fractions.
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var n in series.SelectMany(l => l.Points).Select(p => p.N).Distinct().Order())
        {
            ticks.AddMajor(n, n.ToString(CultureInfo.InvariantCulture));
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Title(panel == 0 ? title : "");
        plot.XLabel("N (recommended items)");
        plot.YLabel(metric);
        if (panel == 0)
        {
            plot.ShowLegend(Alignment.LowerRight);
        }
        else
        {
            plot.HideLegend();
        }
        return plot;
    }

    /// <summary>The PNG with a pHYs chunk, so that viewers and journals read it at <paramref name="dpi"/>.</summary>
    private static byte[] WithResolution(byte[] png, int dpi)
    {
        const int signature = 8;
        var headerEnd = signature + 8 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(signature)) + 4;
        var perMetre = (uint)Math.Round(dpi / 0.0254);
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), perMetre);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), perMetre);
        chunk[16] = 1; // the unit is the metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc32(chunk.AsSpan(4, 13)));
        return [.. png.AsSpan(0, headerEnd), .. chunk, .. png.AsSpan(headerEnd)];
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return crc ^ 0xFFFFFFFFu;
    }
}
