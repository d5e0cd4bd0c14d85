using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Cli;

public sealed record StatsJson(
    int Users, int Items, int Ratings, double Density, double Mean, ScaleJson Scale,
    IReadOnlyDictionary<string, int> Histogram, double GiniUsers, double GiniItems)
{
    public static StatsJson From(DatasetStats stats) => new(
        stats.Users, stats.Items, stats.Ratings, stats.Density, stats.Mean, new ScaleJson(stats.Scale.Min, stats.Scale.Max),
        stats.Histogram.ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value),
        stats.GiniUsers, stats.GiniItems);
}
