using System.Buffers.Binary;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Figures;

namespace GanRsSandbox.Ml.Tests;

public sealed class FigureTests
{
    private static readonly IReadOnlyList<CurveSeries> Series =
    [
        new("deepmf", [.. new[] { 2, 4, 6, 8, 10 }.Select(n => new CurvePoint(EvaluationProtocol.TestItems, 4, n, 0.8 - n * 0.03, 0.1 + n * 0.05, 0.2 + n * 0.02))]),
        new("ncf", [.. new[] { 2, 4, 6, 8, 10 }.Select(n => new CurvePoint(EvaluationProtocol.TestItems, 4, n, 0.7 - n * 0.03, 0.1 + n * 0.04, 0.15 + n * 0.02))]),
    ];

    [Fact]
    public void The_png_is_three_panels_at_300_dpi()
    {
        var png = CurveFigure.Png("ml-100k: F1, precision and recall", Series);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        Assert.Equal(((int)(CurveFigure.WidthInches * 300), 3 * (int)(CurveFigure.PanelInches * 300)), (width, height));
        var phys = png.AsSpan().IndexOf("pHYs"u8);
        Assert.True(phys > 0);
        var perMetre = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(phys + 4));
        Assert.Equal(300, Math.Round(perMetre * 0.0254));
        // The image is drawn, not blank: many distinct colours (lines, text, legend).
        Assert.True(png.Length > 20_000, $"{png.Length} bytes");
    }

    [Fact]
    public void The_svg_nests_one_plot_per_metric_and_names_every_model()
    {
        var svg = CurveFigure.Svg("ml-100k", Series);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg);
        Assert.Equal(4, svg.Split("<svg").Length - 1);
        Assert.Contains("deepmf", svg);
        Assert.Contains("ncf", svg);
        Assert.Contains("precision", svg);
        System.Xml.Linq.XDocument.Parse(svg);
    }
}
