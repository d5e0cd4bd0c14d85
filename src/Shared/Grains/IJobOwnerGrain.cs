using Orleans.Concurrency;

namespace GanRsSandbox.Shared;

/// <summary>A grain that makes one thing through a job; the supervisor wakes it so that an interrupted job restarts.</summary>
[Alias("ganrs.IJobOwnerGrain")]
public interface IJobOwnerGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain; activation restarts a job that its previous activation was running.</summary>
    [Alias("EnsureJobRunning")] Task EnsureJobRunningAsync();

    /// <summary>One-way: the job grain that asks must not wait on an owner that may be activating and calling it back.</summary>
    [OneWay, Alias("CancelJob")] Task CancelJobAsync(string jobId);
}
