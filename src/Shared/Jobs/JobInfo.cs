using System.Text.Json.Serialization;
using GanRsSandbox.Ml.Progress;

namespace GanRsSandbox.Shared;

[GenerateSerializer, Immutable, Alias("ganrs.JobInfo")]
public sealed record JobInfo
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required JobKind Kind { get; init; }
    [Id(2)] public required JobState State { get; init; }
    /// <summary>Written before 2026-12 and never read: a job's progress is not kept across releases.</summary>
    [Id(3), JsonIgnore] public LegacyJobProgress? LegacyProgress { get; init; }
    [Id(4)] public string? Error { get; init; }
    /// <summary>The dataset, generator or model the job makes.</summary>
    [Id(5)] public required string ResultId { get; init; }
    [Id(6)] public int Restarts { get; init; }
    [Id(7)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public DateTimeOffset? StartedAt { get; init; }
    [Id(9)] public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>The silo that ran it last, for the scale-out view.</summary>
    [Id(10)] public string? Silo { get; init; }
    [Id(11)] public string? Device { get; init; }
    /// <summary>The latest progress the engine reported; null before the first.</summary>
    [Id(12)] public StageProgress? Progress { get; init; }
    /// <summary>The rest of the current stage at its pace so far, timed by the job's reporter.</summary>
    [Id(13)] public double? EtaSeconds { get; init; }
}
