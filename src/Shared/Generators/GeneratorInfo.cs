namespace GanRsSandbox.Shared;

[GenerateSerializer, Immutable, Alias("ganrs.GeneratorInfo")]
public sealed record GeneratorInfo
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string SourceDatasetId { get; init; }
    [Id(2)] public required ResourceStatus Status { get; init; }
    [Id(3)] public required GeneratorSettings Options { get; init; }
    [Id(4)] public string? JobId { get; init; }
    [Id(5)] public string? Error { get; init; }
    [Id(6)] public int? BestIteration { get; init; }
    [Id(7)] public double? BestHeldRatingTvd { get; init; }
    [Id(8)] public IReadOnlyList<LossSample> Losses { get; init; } = [];
    [Id(9)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(10)] public ArtifactRef? Artifact { get; init; }
    [Id(11)] public string? SourceName { get; init; }
}
