using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

/// <summary>Datasets as the API and the pages see them. Errors are <see cref="SandboxException"/>s with the field at fault.</summary>
public interface IDatasetService
{
    Task<DatasetInfo> ImportAsync(DatasetUpload upload);

    Task<DatasetInfo> CreateDemoAsync(string name, int seed);

    Task<JobInfo> CreateSyntheticAsync(SyntheticRequest request);

    Task<IReadOnlyList<DatasetInfo>> ListAsync();

    Task<DatasetInfo> GetAsync(string id);

    Task DeleteAsync(string id);

    Task<IReadOnlyList<string>> UsersAsync(string id, int offset, int count);

    Task<IReadOnlyList<KnownRating>> KnownRatingsAsync(string id, string user);
}

public interface IGeneratorService
{
    Task<JobInfo> TrainAsync(GeneratorRequest request);

    Task<IReadOnlyList<GeneratorInfo>> ListAsync();

    Task<GeneratorInfo> GetAsync(string id);
}

public interface IModelService
{
    Task<JobInfo> TrainAsync(ModelRequest request);

    Task<IReadOnlyList<ModelInfo>> ListAsync();

    Task<ModelInfo> GetAsync(string id);

    Task DeleteAsync(string id);

    Task<IReadOnlyList<Recommendation>> RecommendAsync(string id, string user, int count);
}

public interface IExperimentService
{
    Task<JobInfo> StartAsync(ExperimentRequest request);

    Task<IReadOnlyList<ExperimentInfo>> ListAsync();

    Task<ExperimentInfo> GetAsync(string id);

    Task<byte[]> FileAsync(string id, string name);
}

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

    public Task DeleteAsync(string id) => Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).DeleteAsync());

    public Task<IReadOnlyList<string>> UsersAsync(string id, int offset, int count) =>
        Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).GetUsersAsync(offset, count));

    public Task<IReadOnlyList<KnownRating>> KnownRatingsAsync(string id, string user) =>
        Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).GetKnownRatingsAsync(user));
}

public sealed class GeneratorService(IClusterClient cluster) : IGeneratorService
{
    public Task<JobInfo> TrainAsync(GeneratorRequest request) =>
        cluster.GetGrain<IGeneratorGrain>(SandboxIds.New("gen")).TrainAsync(request);

    public Task<IReadOnlyList<GeneratorInfo>> ListAsync() =>
        Listing.AllAsync(cluster, RegistryEntryKind.Generator, id => cluster.GetGrain<IGeneratorGrain>(id).GetAsync());

    public async Task<GeneratorInfo> GetAsync(string id) =>
        await Listing.Existing(id, "generator", () => cluster.GetGrain<IGeneratorGrain>(id).GetAsync());
}

public sealed class ModelService(IClusterClient cluster) : IModelService
{
    public Task<JobInfo> TrainAsync(ModelRequest request) =>
        cluster.GetGrain<IModelGrain>(SandboxIds.New("model")).TrainAsync(request);

    public Task<IReadOnlyList<ModelInfo>> ListAsync() =>
        Listing.AllAsync(cluster, RegistryEntryKind.Model, id => cluster.GetGrain<IModelGrain>(id).GetAsync());

    public async Task<ModelInfo> GetAsync(string id) =>
        await Listing.Existing(id, "model", () => cluster.GetGrain<IModelGrain>(id).GetAsync());

    public Task DeleteAsync(string id) => Listing.Checked(id, "model", () => cluster.GetGrain<IModelGrain>(id).DeleteAsync());

    public Task<IReadOnlyList<Recommendation>> RecommendAsync(string id, string user, int count) =>
        Listing.Checked(id, "model", () => cluster.GetGrain<IModelGrain>(id).RecommendAsync(user, count));
}

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

public sealed class JobService(IClusterClient cluster, IDatasetService datasets, IGeneratorService generators, IModelService models, IExperimentService experiments) : IJobService
{
    public Task<IReadOnlyList<JobInfo>> ListAsync() =>
        Listing.AllAsync(cluster, RegistryEntryKind.Job, id => cluster.GetGrain<IJobGrain>(id).GetAsync());

    public async Task<JobInfo> GetAsync(string id) =>
        await Listing.Existing(id, "job", () => cluster.GetGrain<IJobGrain>(id).GetAsync());

    public async Task<IReadOnlyList<JobInfo>> GetManyAsync(IEnumerable<string> ids) => await Task.WhenAll(ids.Select(GetAsync));

    public Task<JobInfo> CancelAsync(string id) => Listing.Checked(id, "job", () => cluster.GetGrain<IJobGrain>(id).CancelAsync());

    public async Task<JobInfo> RetryAsync(string id)
    {
        var job = await GetAsync(id);
        if (job.State is not (JobState.Failed or JobState.Cancelled))
        {
            throw SandboxException.Conflict($"job '{id}' is {job.State.ToString().ToLowerInvariant()}; only failed or cancelled jobs can be retried");
        }
        switch (job.Kind)
        {
            case JobKind.TrainModel:
                var model = await models.GetAsync(job.ResultId);
                return await models.TrainAsync(new ModelRequest { DatasetId = model.DatasetId, Kind = model.Kind, Options = model.Options });
            case JobKind.TrainGenerator:
                var generator = await generators.GetAsync(job.ResultId);
                return await generators.TrainAsync(new GeneratorRequest { SourceDatasetId = generator.SourceDatasetId, Options = generator.Options });
            case JobKind.RunExperiment:
                var experiment = await experiments.GetAsync(job.ResultId);
                return await experiments.StartAsync(experiment.Request);
            default:
                var dataset = await datasets.GetAsync(job.ResultId);
                var sampling = dataset.Lineage.Sampling ?? throw SandboxException.Conflict($"dataset '{dataset.Id}' has no sampling settings to repeat");
                return await datasets.CreateSyntheticAsync(sampling);
        }
    }
}

internal static class Listing
{
    /// <summary>Every entry of one registry list, newest first, fetched from the grains in parallel.</summary>
    public static async Task<IReadOnlyList<T>> AllAsync<T>(IClusterClient cluster, RegistryEntryKind kind, Func<string, Task<T?>> get) where T : class
    {
        var ids = await cluster.GetGrain<IRegistryGrain>(IRegistryGrain.Key).ListAsync(kind);
        var items = await Task.WhenAll(ids.Reverse().Select(get));
        return items.OfType<T>().ToList();
    }

    /// <summary>An id from a URL that is malformed names nothing: 404, without activating a grain for it.</summary>
    public static Task<T> Checked<T>(string id, string what, Func<Task<T>> call) =>
        SandboxIds.IsWellFormed(id) ? call() : throw SandboxException.NotFound(what, id);

    public static Task Checked(string id, string what, Func<Task> call) =>
        SandboxIds.IsWellFormed(id) ? call() : throw SandboxException.NotFound(what, id);

    public static async Task<T> Existing<T>(string id, string what, Func<Task<T?>> get) where T : class =>
        await Checked(id, what, get) ?? throw SandboxException.NotFound(what, id);
}
