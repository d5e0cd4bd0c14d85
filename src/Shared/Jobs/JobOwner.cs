namespace GanRsSandbox.Shared;

/// <summary>Which grain runs a job, so that a supervisor can wake it after its silo died.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.JobOwner")]
public sealed record JobOwner
{
    [Id(0)] public required JobKind Kind { get; init; }
    [Id(1)] public required string OwnerId { get; init; }

    /// <summary>A job is run by the grain that it makes.</summary>
    public static JobOwner Of(JobInfo job) => new() { Kind = job.Kind, OwnerId = job.ResultId };
}
