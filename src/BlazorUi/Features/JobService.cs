using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

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
            case JobKind.RunGridPiece:
                throw SandboxException.Conflict($"job '{id}' is one piece of an experiment's grid; start the experiment again to run it");
            default:
                var dataset = await datasets.GetAsync(job.ResultId);
                var sampling = dataset.Lineage.Sampling ?? throw SandboxException.Conflict($"dataset '{dataset.Id}' has no sampling settings to repeat");
                return await datasets.CreateSyntheticAsync(sampling);
        }
    }
}
