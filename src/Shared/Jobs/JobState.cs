namespace GanRsSandbox.Shared;

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
