using Orleans.Concurrency;

namespace GanRsSandbox.Shared;

[Alias("ganrs.IExperimentGrain")]
public interface IExperimentGrain : IJobOwnerGrain
{
    [Alias("Start")] Task<JobInfo> StartAsync(ExperimentRequest request);

    /// <summary>With the results so far, read from the run's folder.</summary>
    [AlwaysInterleave, Alias("Get")] Task<ExperimentInfo?> GetAsync();

    /// <summary>results.csv, results.json or report.md, once the grid has finished.</summary>
    [AlwaysInterleave, Alias("File")] Task<byte[]> GetFileAsync(string name);
}
