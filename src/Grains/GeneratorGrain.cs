using GanRsSandbox.Grains.Hosting;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.SideInfo;
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
        if (request.Condition is { } condition)
        {
            var attributes = source.Stats?.Groups?.Select(g => g.Attribute).ToList() ?? [];
            if (source.UsersArtifact is null)
            {
                throw SandboxException.Invalid("condition", $"condition: dataset '{source.Id}' has no users file; attach one first (PUT /api/datasets/{source.Id}/users-file)");
            }
            if (!attributes.Contains(condition, StringComparer.Ordinal))
            {
                throw SandboxException.Invalid("condition", $"condition: '{condition}' is not a categorical attribute of {source.UsersFileName} ({(attributes.Count == 0 ? "it has none" : string.Join(", ", attributes))})");
            }
        }
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddAsync(RegistryEntryKind.Generator, Id);
        return await StartJobAsync(jobId => State.State.Info = new GeneratorInfo
        {
            Id = Id,
            SourceDatasetId = source.Id,
            SourceName = source.Name,
            Status = ResourceStatus.Pending,
            Options = request.Options,
            Condition = request.Condition,
            JobId = jobId,
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }

    protected override void UpgradeState() => State.State.Info = State.State.Info?.Upgraded();

    protected override async Task ExecuteJobAsync(JobRun run)
    {
        var info = State.State.Info!;
        var (source, sourcePath) = await ReadyDatasetAsync(info.SourceDatasetId, "sourceDatasetId");
        var usersPath = info.Condition is null ? null
            : Services.Artifacts.Locate(source.UsersArtifact ?? throw SandboxException.Conflict($"dataset '{source.Id}' no longer has the users file this generator is conditioned on"));
        var options = TrainingOptions(info.Options) with { Device = Services.Compute.TorchDevice };
        // The larger of its two batch sizes (pre-training, GAN) decides how many cores the training keeps busy.
        var demand = Math.Max(ThreadBudget.Demand(options.PretrainBatchSize), ThreadBudget.Demand(options.BatchSize));
        var (summary, conditionValues, artifact) = await RunOnWorkerAsync(run, demand, (cores, token) =>
        {
            var data = DatasetFile.Load(sourcePath);
            var condition = usersPath is null ? null : UserAttributesFile.Read(usersPath, data).Grouping(info.Condition!);
            var model = EngineWorkflows.TrainGenerator(new GeneratorTrainingRequest(data) { Options = options, Threads = cores, Condition = condition },
                run.Reporter.AsProgress(), token);
            return (model.Training, model.Condition?.Values, Services.Artifacts.Put(model.Save));
        });
        State.State.Info = info with
        {
            Status = ResourceStatus.Ready,
            Artifact = artifact,
            BestIteration = summary.BestIteration,
            BestHeldRatingTvd = summary.BestHeldRatingTvd,
            Losses = ContractMapping.Losses(summary.Losses),
            ConditionValues = conditionValues,
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
