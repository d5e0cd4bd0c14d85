using Orleans;

namespace GanRsSandbox.Shared;

[GenerateSerializer, Alias("ganrs.JobKind")]
public enum JobKind
{
    TrainGenerator = 0,
    GenerateSynthetic = 1,
    TrainModel = 2,
    RunExperiment = 3,
}

[GenerateSerializer, Alias("ganrs.JobState")]
public enum JobState
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    /// <summary>Its silo stopped while it ran; it is restarted automatically up to <see cref="JobLimits.MaxRestarts"/> times.</summary>
    Interrupted = 4,
    Cancelled = 5,
}

public static class JobLimits
{
    public const int MaxRestarts = 3;

    public static bool IsFinished(this JobState state) => state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}

[GenerateSerializer, Immutable, Alias("ganrs.JobProgress")]
public sealed record JobProgress
{
    [Id(0)] public double Fraction { get; init; }
    [Id(1)] public string Stage { get; init; } = "";
    [Id(2)] public string Message { get; init; } = "";
    [Id(3)] public double? EtaSeconds { get; init; }
    [Id(4)] public double? DiscriminatorLoss { get; init; }
    [Id(5)] public double? GeneratorLoss { get; init; }
}

/// <summary>Which grain runs a job, so that a supervisor can wake it after its silo died.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.JobOwner")]
public sealed record JobOwner
{
    [Id(0)] public required JobKind Kind { get; init; }
    [Id(1)] public required string OwnerId { get; init; }

    /// <summary>A job is run by the grain that it makes.</summary>
    public static JobOwner Of(JobInfo job) => new() { Kind = job.Kind, OwnerId = job.ResultId };
}

[GenerateSerializer, Immutable, Alias("ganrs.JobInfo")]
public sealed record JobInfo
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required JobKind Kind { get; init; }
    [Id(2)] public required JobState State { get; init; }
    [Id(3)] public JobProgress Progress { get; init; } = new();
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
}
