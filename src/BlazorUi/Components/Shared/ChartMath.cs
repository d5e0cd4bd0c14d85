using System.Globalization;

namespace GanRsSandbox.BlazorUi.Components.Shared;

/// <summary>One line (or one group colour of bars) in a chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Y, IReadOnlyList<double>? X = null, bool Dashed = false);

/// <summary>Axis ranges and tick positions for the SVG charts: "nice" steps (1, 2 or 5 times a power of ten).</summary>
public static class ChartMath
{
    public static readonly string[] Palette =
        ["#3949ab", "#e53935", "#00897b", "#fb8c00", "#8e24aa", "#6d4c41", "#1e88e5", "#43a047", "#d81b60", "#546e7a"];

    public static string ColorOf(int index) => Palette[index % Palette.Length];

    public static (double Min, double Max, double[] Ticks) Axis(IEnumerable<double> values, double? fixedMin = null, double? fixedMax = null, int targetTicks = 5)
    {
        var finite = values.Where(double.IsFinite).ToList();
        var min = fixedMin ?? (finite.Count == 0 ? 0 : Math.Min(0, finite.Min()));
        var max = fixedMax ?? (finite.Count == 0 ? 1 : finite.Max());
        if (max <= min)
        {
            max = min + (min == 0 ? 1 : Math.Abs(min) * 0.1);
        }
        var step = NiceStep((max - min) / targetTicks);
        var niceMin = fixedMin ?? Math.Floor(min / step) * step;
        var niceMax = fixedMax ?? Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        // Ticks sit on multiples of the step, also when a fixed end (such as the first N) is not one.
        for (var t = Math.Ceiling(niceMin / step - 1e-9) * step; t <= niceMax + step * 1e-9; t += step)
        {
            // Adding +0.0 turns a -0 tick (from Ceiling of a tiny negative) into 0, which prints without a sign.
            ticks.Add(Math.Round(t, 10) + 0.0);
        }
        return (niceMin, niceMax, [.. ticks]);
    }

    public static double NiceStep(double rough)
    {
        if (!(rough > 0))
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    /// <summary>A tick label: thousands as 10K, 2.5M; small numbers with as few decimals as the step needs.</summary>
    public static string Label(double value, double step)
    {
        var magnitude = Math.Abs(value);
        if (magnitude >= 1_000_000)
        {
            return (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M";
        }
        if (magnitude >= 10_000)
        {
            return (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "K";
        }
        var decimals = step >= 1 ? 0 : Math.Min(4, (int)Math.Ceiling(-Math.Log10(step)));
        return value.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
