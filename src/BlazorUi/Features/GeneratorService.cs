using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

public sealed class GeneratorService(IClusterClient cluster) : IGeneratorService
{
    public Task<JobInfo> TrainAsync(GeneratorRequest request) =>
        cluster.GetGrain<IGeneratorGrain>(SandboxIds.New("gen")).TrainAsync(request);

    public Task<IReadOnlyList<GeneratorInfo>> ListAsync() =>
        Listing.AllAsync(cluster, RegistryEntryKind.Generator, id => cluster.GetGrain<IGeneratorGrain>(id).GetAsync());

    public async Task<GeneratorInfo> GetAsync(string id) =>
        await Listing.Existing(id, "generator", () => cluster.GetGrain<IGeneratorGrain>(id).GetAsync());
}
