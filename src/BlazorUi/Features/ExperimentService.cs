using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

public sealed class ExperimentService(IClusterClient cluster) : IExperimentService
{
    public Task<JobInfo> StartAsync(ExperimentRequest request) =>
        cluster.GetGrain<IExperimentGrain>(SandboxIds.New("exp")).StartAsync(request);

    public Task<IReadOnlyList<ExperimentInfo>> ListAsync() =>
        Listing.AllAsync(cluster, RegistryEntryKind.Experiment, id => cluster.GetGrain<IExperimentGrain>(id).GetAsync());

    public async Task<ExperimentInfo> GetAsync(string id) =>
        await Listing.Existing(id, "experiment", () => cluster.GetGrain<IExperimentGrain>(id).GetAsync());

    public Task<byte[]> FileAsync(string id, string name) =>
        Listing.Checked(id, "experiment", () => cluster.GetGrain<IExperimentGrain>(id).GetFileAsync(name));
}
