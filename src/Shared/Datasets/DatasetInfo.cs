using System.Text.Json.Serialization;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Shared;

[GenerateSerializer, Immutable, Alias("ganrs.DatasetInfo")]
public sealed record DatasetInfo
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required DatasetKind Kind { get; init; }
    [Id(3)] public required ResourceStatus Status { get; init; }
    /// <summary>Written before 2026-12; <see cref="Upgraded"/> moves them to <see cref="Stats"/>.</summary>
    [Id(4), JsonIgnore] public LegacyDatasetStatistics? LegacyStats { get; init; }
    [Id(5)] public required DatasetLineage Lineage { get; init; }
    /// <summary>Written before 2026-12; <see cref="Upgraded"/> moves it to <see cref="Fidelity"/>.</summary>
    [Id(6), JsonIgnore] public LegacyFidelitySummary? LegacyFidelity { get; init; }
    [Id(7)] public string? JobId { get; init; }
    [Id(8)] public string? Error { get; init; }
    [Id(9)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(10)] public ArtifactRef? Artifact { get; init; }
    [Id(11)] public FidelityReport? Fidelity { get; init; }
    /// <summary>The figures of <c>ganrs stats</c>, with the user and item long tails.</summary>
    [Id(12)] public DatasetStats? Stats { get; init; }
    /// <summary>The users' side information (<c>PUT /api/datasets/{id}/users-file</c>), as uploaded; its groups are in <see cref="Stats"/>.</summary>
    [Id(13)] public ArtifactRef? UsersArtifact { get; init; }
    [Id(14)] public string? UsersFileName { get; init; }
    /// <summary>The items' side information (<c>PUT /api/datasets/{id}/items-file</c>), as uploaded; its groups are in <see cref="Stats"/>.</summary>
    [Id(15)] public ArtifactRef? ItemsArtifact { get; init; }
    [Id(16)] public string? ItemsFileName { get; init; }

    /// <summary>This record with what an older release stored in its own shapes moved to the engine's.</summary>
    public DatasetInfo Upgraded() => this with
    {
        Lineage = Lineage.Upgraded(),
        Fidelity = Fidelity ?? LegacyFidelity?.ToReport(),
        LegacyFidelity = null,
        Stats = Stats ?? LegacyStats?.ToStats(),
        LegacyStats = null,
    };
}
