using GanRsSandbox.Ml.Progress;
using Orleans.Concurrency;

namespace GanRsSandbox.Shared;

[Alias("ganrs.IJobGrain")]
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Records a new job; its kind and result id name the grain that runs it.</summary>
    [Alias("Create")] Task CreateAsync(JobInfo job);

    [AlwaysInterleave, Alias("Get")] Task<JobInfo?> GetAsync();

    [Alias("Update")] Task UpdateAsync(JobState state, string? error = null, string? silo = null, string? device = null);

    /// <summary>Progress is kept in memory and written on state changes only, so that a chatty job never waits on storage.</summary>
    [OneWay, Alias("Report")] Task ReportProgressAsync(StageProgress progress, double? etaSeconds);

    [Alias("Interrupted")] Task MarkInterruptedAsync(int restarts);

    /// <summary>Asks the owner to stop; the job ends cancelled once it has.</summary>
    [Alias("Cancel")] Task<JobInfo> CancelAsync();
}
