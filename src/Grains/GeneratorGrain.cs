using GanRsSandbox.Grains.Hosting;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Torch;
using GanRsSandbox.Ml.Workflows;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Grains;

[GenerateSerializer, Alias("ganrs.GeneratorState")]
public sealed class GeneratorState : JobOwnerState
{
    [Id(0)] public GeneratorInfo? Info { get; set; }
}

/// <summary>A GANRS generator trained on one source; the trained weights are an artifact that synthetic datasets sample from.</summary>
[ComputePreferredPlacement]
public sealed class GeneratorGrain(
    [PersistentState("generator")] IPersistentState<GeneratorState> state,
    JobServices services)
    : JobOwnerGrain<GeneratorState>(state, services, JobKind.TrainGenerator), IGeneratorGrain
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<JobInfo> TrainAsync(GeneratorRequest request)
    {
        if (State.State.Info is not null)
        {
            throw SandboxException.Conflict($"generator '{Id}' already exists");
        }
        TrainingOptions(request.Options);
        var (source, _) = await ReadyDatasetAsync(request.SourceDatasetId, "sourceDatasetId");
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddAsync(RegistryEntryKind.Generator, Id);
        return await StartJobAsync(jobId => State.State.Info = new GeneratorInfo
        {
            Id = Id,
            SourceDatasetId = source.Id,
            SourceName = source.Name,
            Status = ResourceStatus.Pending,
            Options = request.Options,
            JobId = jobId,
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }

    protected override void UpgradeState() => State.State.Info = State.State.Info?.Upgraded();

    protected override async Task ExecuteJobAsync(JobRun run)
    {
        var info = State.State.Info!;
        var (_, sourcePath) = await ReadyDatasetAsync(info.SourceDatasetId, "sourceDatasetId");
        var options = TrainingOptions(info.Options) with { Device = Services.Compute.TorchDevice };
        // The larger of its two batch sizes (pre-training, GAN) decides how many cores the training keeps busy.
        var demand = Math.Max(ThreadBudget.Demand(options.PretrainBatchSize), ThreadBudget.Demand(options.BatchSize));
        var (summary, artifact) = await RunOnWorkerAsync(run, demand, (cores, token) =>
        {
            var model = EngineWorkflows.TrainGenerator(new GeneratorTrainingRequest(DatasetFile.Load(sourcePath)) { Options = options, Threads = cores },
                run.Reporter.AsProgress(), token);
            return (model.Training, Services.Artifacts.Put(model.Save));
        });
        State.State.Info = info with
        {
            Status = ResourceStatus.Ready,
            Artifact = artifact,
            BestIteration = summary.BestIteration,
            BestHeldRatingTvd = summary.BestHeldRatingTvd,
            Losses = ContractMapping.Losses(summary.Losses),
        };
    }

    protected override void RecordJobEnd(JobState end, string reason)
    {
        var (status, error) = Ended(end, reason);
        State.State.Info = State.State.Info! with { Status = status, Error = error };
    }

    public Task<GeneratorInfo?> GetAsync() => Task.FromResult(State.State.Info);

    private static GanrsOptions TrainingOptions(GeneratorSettings settings)
    {
        var options = settings.Resolve();
        return ContractMapping.Validated(options, o => o.Validate(), "options.");
    }
}
