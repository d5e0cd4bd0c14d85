namespace GanRsSandbox.Shared;

[GenerateSerializer, Immutable, Alias("ganrs.ExperimentDatasetRow")]
public sealed record ExperimentDatasetRow
{
    [Id(0)] public required string Key { get; init; }
    [Id(1)] public required int Users { get; init; }
    [Id(2)] public required int Items { get; init; }
    [Id(3)] public required int Ratings { get; init; }
    [Id(4)] public long? Samples { get; init; }
    [Id(5)] public double? RatingTvd { get; init; }
    [Id(6)] public double? GiniItemsSynthetic { get; init; }
}
