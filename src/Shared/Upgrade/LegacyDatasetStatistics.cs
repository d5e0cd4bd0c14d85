using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Shared;

/// <summary>The statistics this release stored before the engine's <c>DatasetStats</c> replaced them; read only, to upgrade old state.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.DatasetStatistics")]
public sealed record LegacyDatasetStatistics
{
    [Id(0)] public required int Users { get; init; }
    [Id(1)] public required int Items { get; init; }
    [Id(2)] public required int Ratings { get; init; }
    [Id(3)] public required double Density { get; init; }
    [Id(4)] public required double Mean { get; init; }
    [Id(5)] public required LegacyScaleRange Scale { get; init; }
    /// <summary>Count of each rating value, keyed by the value as text.</summary>
    [Id(6)] public required IReadOnlyDictionary<string, int> Histogram { get; init; }
    [Id(7)] public required double GiniUsers { get; init; }
    [Id(8)] public required double GiniItems { get; init; }
    /// <summary>Ratings per user and per item, most popular first, down-sampled to at most 200 points for long-tail charts.</summary>
    [Id(9)] public IReadOnlyList<int> UserDegrees { get; init; } = [];
    [Id(10)] public IReadOnlyList<int> ItemDegrees { get; init; } = [];

    public DatasetStats ToStats() => new(Users, Items, Ratings, Density, Mean, new RatingScale(Scale.Min, Scale.Max),
        Histogram.ToDictionary(p => double.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => p.Value), GiniUsers, GiniItems)
    {
        UserDegrees = UserDegrees,
        ItemDegrees = ItemDegrees,
    };
}
