using GanRsSandbox.Ml.Gan;
using System.Text.Json.Serialization;
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
    /// <summary>Written before 2026-12; <see cref="Upgraded"/> moves them to <see cref="Losses"/>.</summary>
    [Id(8), JsonIgnore] public IReadOnlyList<LegacyLossSample>? LegacyLosses { get; init; }
    [Id(9)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(10)] public ArtifactRef? Artifact { get; init; }
    [Id(11)] public string? SourceName { get; init; }
    /// <summary>At most 300 evenly spaced losses of the GAN's training, the last one always kept.</summary>
    [Id(12)] public IReadOnlyList<LossPoint> Losses { get; init; } = [];
    /// <summary>The user attribute a conditional generator (CGANRS) was trained on, and its values once trained.</summary>
    [Id(13)] public string? Condition { get; init; }
    [Id(14)] public IReadOnlyList<string>? ConditionValues { get; init; }

    public GeneratorInfo Upgraded() => LegacyLosses is { } old ? this with { Losses = old.Select(l => l.ToPoint()).ToList(), LegacyLosses = null } : this;
}
