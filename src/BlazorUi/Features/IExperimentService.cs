using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

public interface IExperimentService
{
    Task<JobInfo> StartAsync(ExperimentRequest request);

    Task<IReadOnlyList<ExperimentInfo>> ListAsync();

    Task<ExperimentInfo> GetAsync(string id);

    Task<byte[]> FileAsync(string id, string name);
}
