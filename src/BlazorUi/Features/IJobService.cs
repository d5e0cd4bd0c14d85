using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

public interface IJobService
{
    Task<IReadOnlyList<JobInfo>> ListAsync();

    Task<JobInfo> GetAsync(string id);

    /// <summary>Several jobs at once, asked in parallel: pages show every running job of their list on each refresh.</summary>
    Task<IReadOnlyList<JobInfo>> GetManyAsync(IEnumerable<string> ids);

    Task<JobInfo> CancelAsync(string id);

    /// <summary>Starts the same work again as a new job (and a new dataset, generator or model) after a failure or cancellation.</summary>
    Task<JobInfo> RetryAsync(string id);
}
