using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Shared;

[GenerateSerializer, Immutable, Alias("ganrs.ExperimentInfo")]
public sealed record ExperimentInfo
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required ExperimentRequest Request { get; init; }
    [Id(2)] public string? SourceName { get; init; }
    [Id(3)] public required ResourceStatus Status { get; init; }
    [Id(4)] public string? JobId { get; init; }
    [Id(5)] public string? Error { get; init; }
    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>What the grid holds so far: cells appear as they finish, the analysis covers the finished ones.</summary>
    [Id(8)] public ExperimentReport? Results { get; init; }
    /// <summary>Every dataset the plan makes, the source first, so that a page can lay out the grid before it fills.</summary>
    [Id(9)] public IReadOnlyList<string> PlannedDatasets { get; init; } = [];
    /// <summary>Every model the plan trains on each dataset, in the grid's column order.</summary>
    [Id(10)] public IReadOnlyList<BaselineKind> PlannedModels { get; init; } = [];

    public ExperimentInfo Upgraded() => this with { Request = Request.Upgraded() };
}
