using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

public sealed class ModelService(IClusterClient cluster) : IModelService
{
    public Task<JobInfo> TrainAsync(ModelRequest request) =>
        cluster.GetGrain<IModelGrain>(SandboxIds.New("model")).TrainAsync(request);

    public Task<IReadOnlyList<ModelInfo>> ListAsync() =>
        Listing.AllAsync(cluster, RegistryEntryKind.Model, id => cluster.GetGrain<IModelGrain>(id).GetAsync());

    public async Task<ModelInfo> GetAsync(string id) =>
        await Listing.Existing(id, "model", () => cluster.GetGrain<IModelGrain>(id).GetAsync());

    public Task DeleteAsync(string id) => Listing.Checked(id, "model", () => cluster.GetGrain<IModelGrain>(id).DeleteAsync());

    public Task<byte[]> PredictionsAsync(string id) => Listing.Checked(id, "model", () => cluster.GetGrain<IModelGrain>(id).PredictionsAsync());

    public Task<IReadOnlyList<Recommendation>> RecommendAsync(string id, string user, int count) =>
        Listing.Checked(id, "model", () => cluster.GetGrain<IModelGrain>(id).RecommendAsync(user, count));
}
