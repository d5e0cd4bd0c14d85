using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Evaluation;
using System.Globalization;
using System.Net;
using System.Text;

namespace GanRsSandbox.Ml.Experiments;

/// <summary>
/// The paper's Fig. 4 layout as a standalone SVG: F1, precision and recall panels against N, one line per model,
/// labelled axes and a shared legend. Plain SVG 1.1, so it opens in any browser or vector editor.
/// </summary>
public static class SvgFigure
{
    private static readonly string[] Palette = ["#3949ab", "#e53935", "#00897b", "#fb8c00", "#8e24aa", "#6d4c41", "#1e88e5", "#43a047"];
    private const int PanelWidth = 320;
    private const int PanelHeight = 250;
    private const int Left = 56;
    private const int Right = 14;
    private const int Top = 36;
    private const int Bottom = 46;

    public static string Render(string title, IReadOnlyList<GridCell> cells, EvaluationProtocol protocol, int threshold)
    {
        var metrics = new (string Name, Func<CurvePoint, double> Value)[] { ("F1", p => p.F1), ("precision", p => p.Precision), ("recall", p => p.Recall) };
        var models = cells.Select(c => c.Model.Name()).ToList();
        var width = PanelWidth * metrics.Length;
        var legendRows = (models.Count + 3) / 4;
        var height = PanelHeight + 40 + legendRows * 18;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif">""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="{width}" height="{height}" fill="#ffffff"/>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{width / 2}" y="20" font-size="15" text-anchor="middle" font-weight="bold">{Escape(title)}</text>""").Append('\n');
        for (var m = 0; m < metrics.Length; m++)
        {
            Panel(svg, m * PanelWidth, metrics[m].Name, cells, protocol, threshold, metrics[m].Value);
        }
        for (var i = 0; i < models.Count; i++)
        {
            var x = 20 + i % 4 * (width - 40) / 4;
            var y = PanelHeight + 30 + i / 4 * 18;
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{x}" y1="{y - 4}" x2="{x + 22}" y2="{y - 4}" stroke="{Palette[i % Palette.Length]}" stroke-width="3"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 28}" y="{y}" font-size="12">{Escape(models[i])}</text>""").Append('\n');
        }
        return svg.Append("</svg>\n").ToString();
    }

    private static void Panel(StringBuilder svg, int offset, string metric, IReadOnlyList<GridCell> cells, EvaluationProtocol protocol, int threshold, Func<CurvePoint, double> value)
    {
        var series = cells.Select(c => c.Points.Where(p => p.Protocol == protocol && p.Threshold == threshold).OrderBy(p => p.N).ToList()).ToList();
        var ns = series.SelectMany(s => s).Select(p => p.N).Distinct().Order().ToList();
        if (ns.Count == 0)
        {
            return;
        }
        var ys = series.SelectMany(s => s).Select(value).Where(double.IsFinite).ToList();
        var yMax = NiceCeiling(ys.Count == 0 ? 1 : Math.Max(ys.Max(), 1e-6));
        double Px(int n) => offset + Left + (ns.Count == 1 ? 0.5 : (double)(n - ns[0]) / (ns[^1] - ns[0])) * (PanelWidth - Left - Right);
        double Py(double v) => Top + (1 - v / yMax) * (PanelHeight - Top - Bottom);
        var step = TickStep(yMax / 5);
        for (var v = 0.0; v <= yMax + step * 1e-9; v += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{offset + Left}" x2="{offset + PanelWidth - Right}" y1="{Py(v):0.#}" y2="{Py(v):0.#}" stroke="#e0e0e0"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{offset + Left - 6}" y="{Py(v) + 4:0.#}" font-size="11" text-anchor="end" fill="#555">{v:0.###}</text>""").Append('\n');
        }
        foreach (var n in ns)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Px(n):0.#}" y="{PanelHeight - Bottom + 16}" font-size="11" text-anchor="middle" fill="#555">{n}</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{offset + Left}" x2="{offset + PanelWidth - Right}" y1="{PanelHeight - Bottom}" y2="{PanelHeight - Bottom}" stroke="#888"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{offset + Left}" x2="{offset + Left}" y1="{Top}" y2="{PanelHeight - Bottom}" stroke="#888"/>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{offset + (Left + PanelWidth - Right) / 2}" y="{PanelHeight - 12}" font-size="12" text-anchor="middle">N (recommended items)</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text transform="translate({offset + 14} {(Top + PanelHeight - Bottom) / 2}) rotate(-90)" font-size="12" text-anchor="middle">{metric}</text>""").Append('\n');
        for (var s = 0; s < series.Count; s++)
        {
            var points = string.Join(" ", series[s].Where(p => double.IsFinite(value(p))).Select(p => string.Create(CultureInfo.InvariantCulture, $"{Px(p.N):0.#},{Py(value(p)):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{Palette[s % Palette.Length]}" stroke-width="2" points="{points}"/>""").Append('\n');
        }
    }

    private static double TickStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    private static double NiceCeiling(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
