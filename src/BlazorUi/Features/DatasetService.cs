using GanRsSandbox.Ml.Data;
using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

/// <summary>The only place that knows datasets are grains.</summary>
public sealed class DatasetService(IClusterClient cluster) : IDatasetService
{
    public Task<DatasetInfo> ImportAsync(DatasetUpload upload) =>
        cluster.GetGrain<IDatasetGrain>(SandboxIds.New("ds")).ImportAsync(upload);

    public Task<DatasetInfo> CreateDemoAsync(string name, int seed) =>
        cluster.GetGrain<IDatasetGrain>(SandboxIds.New("ds")).CreateDemoAsync(name, seed);

    public Task<JobInfo> CreateSyntheticAsync(SyntheticRequest request) =>
        cluster.GetGrain<IDatasetGrain>(SandboxIds.New("ds")).CreateSyntheticAsync(request);

    public Task<IReadOnlyList<DatasetInfo>> ListAsync() =>
        Listing.AllAsync(cluster, RegistryEntryKind.Dataset, id => cluster.GetGrain<IDatasetGrain>(id).GetAsync());

    public async Task<DatasetInfo> GetAsync(string id) =>
        await Listing.Existing(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).GetAsync());

    public Task<byte[]> ExportAsync(string id, ExportFormat format) =>
        Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).ExportAsync(format));

    public Task DeleteAsync(string id) => Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).DeleteAsync());

    public Task<IReadOnlyList<string>> UsersAsync(string id, int offset, int count) =>
        Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).GetUsersAsync(offset, count));

    public Task<IReadOnlyList<KnownRating>> KnownRatingsAsync(string id, string user) =>
        Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).GetKnownRatingsAsync(user));
}
