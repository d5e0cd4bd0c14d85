using GanRsSandbox.Grains.Hosting;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.SideInfo;
using GanRsSandbox.Ml.Torch;
using GanRsSandbox.Ml.Workflows;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Grains;

[GenerateSerializer, Alias("ganrs.ModelState")]
public sealed class ModelState : JobOwnerState
{
    [Id(0)] public ModelInfo? Info { get; set; }
}

/// <summary>
/// One baseline trained on one dataset. Training evaluates it on a held-out split (RMSE/MAE and the paper's curves
/// under the test-items and thresholded protocols); afterwards the grain keeps the model and the dataset's known
/// ratings in memory and answers top-N queries.
/// </summary>
[ComputePreferredPlacement]
public sealed class ModelGrain(
    [PersistentState("model")] IPersistentState<ModelState> state,
    JobServices services)
    : JobOwnerGrain<ModelState>(state, services, JobKind.TrainModel), IModelGrain
{
    public const int MaxRecommendations = 1000;

    private Task<Serving>? _serving;

    private string Id => this.GetPrimaryKeyString();

    public async Task<JobInfo> TrainAsync(ModelRequest request)
    {
        if (State.State.Info is not null)
        {
            throw SandboxException.Conflict($"model '{Id}' already exists");
        }
        var kind = request.Kind;
        TrainingOptions(request.Options);
        var (dataset, _) = await ReadyDatasetAsync(request.DatasetId, "datasetId");
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddAsync(RegistryEntryKind.Model, Id);
        return await StartJobAsync(jobId => State.State.Info = new ModelInfo
        {
            Id = Id,
            DatasetId = dataset.Id,
            Kind = kind,
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
        var (dataset, datasetPath) = await ReadyDatasetAsync(info.DatasetId, "datasetId");
        var usersPath = dataset.UsersArtifact is { } users ? Services.Artifacts.Locate(users) : null;
        var options = TrainingOptions(info.Options) with { Device = Services.Compute.TorchDevice };
        var (evaluation, artifact, predictions, serving) = await RunOnWorkerAsync(run, ThreadBudget.Demand(options.BatchSize), (cores, token) =>
        {
            var data = DatasetFile.Load(datasetPath);
            var (model, result, split) = EngineWorkflows.TrainBaseline(new BaselineTrainingRequest(data, info.Kind)
            {
                Training = options,
                TestRatio = info.Options.TestRatio ?? BaselineTrainingRequest.DefaultTestRatio,
                Threads = cores,
                Segments = Segmentations(data, usersPath),
            }, run.Reporter.AsProgress(), token);
            try
            {
                var stored = Services.Artifacts.Put(model.Save);
                var written = Services.Artifacts.Put(path =>
                {
                    using var file = File.Create(path);
                    PredictionsFile.WriteArchive(file, result, data, split);
                });
                return (result, stored, written, new Serving(model, data));
            }
            catch
            {
                model.Dispose();
                throw;
            }
        });
        // The freshly trained model serves at once, without a reload.
        _serving = Task.FromResult(serving);
        State.State.Info = info with
        {
            Status = ResourceStatus.Ready,
            Rmse = evaluation.Rmse,
            Mae = evaluation.Mae,
            Curves = evaluation.Curves.SelectMany(c => c.Value).ToList(),
            TrainSeconds = evaluation.Training.Seconds,
            Artifact = artifact,
            Predictions = predictions,
            Segments = AtLargestN(evaluation.Segments),
        };
    }

    /// <summary>The activity buckets, and every categorical attribute of the users file where the dataset has one.</summary>
    private static IReadOnlyList<UserGrouping> Segmentations(RatingsDataset data, string? usersPath)
    {
        var segments = new List<UserGrouping> { ActivityBuckets.Of(data) };
        if (usersPath is not null)
        {
            var attributes = UserAttributesFile.Read(usersPath, data);
            segments.AddRange(attributes.Categorical.Select(attributes.Grouping));
        }
        return segments;
    }

    /// <summary>Only the points at the largest N: what the fairness table shows, and a small state for many segments.</summary>
    private static IReadOnlyList<SegmentCurve> AtLargestN(IReadOnlyList<SegmentCurve> segments) =>
        segments.Select(s =>
        {
            var largest = s.Points.Select(p => p.N).DefaultIfEmpty().Max();
            return s with { Points = s.Points.Where(p => p.N == largest).ToList() };
        }).ToList();

    protected override void RecordJobEnd(JobState end, string reason)
    {
        var (status, error) = Ended(end, reason);
        State.State.Info = State.State.Info! with { Status = status, Error = error };
    }

    public Task<ModelInfo?> GetAsync() => Task.FromResult(State.State.Info);

    /// <summary>The largest predictions archive served through the cluster (one grain response); <c>ganrs evaluate --predictions-out</c> has no bound.</summary>
    public const long MaxPredictionsBytes = 256L * 1024 * 1024;

    public async Task<byte[]> PredictionsAsync()
    {
        var info = State.State.Info ?? throw SandboxException.NotFound("model", Id);
        if (info.Status != ResourceStatus.Ready)
        {
            throw SandboxException.Conflict($"model '{Id}' is {info.Status.ToString().ToLowerInvariant()}, not trained");
        }
        var predictions = info.Predictions
            ?? throw SandboxException.Conflict($"model '{Id}' was trained before predictions were kept; train it again to download them");
        if (predictions.Bytes > MaxPredictionsBytes)
        {
            throw SandboxException.Conflict($"the predictions of model '{Id}' are {predictions.Bytes / (1024.0 * 1024):N0} MiB, more than a web download carries; use ganrs evaluate --predictions-out");
        }
        var path = Services.Artifacts.Locate(predictions);
        return await File.ReadAllBytesAsync(path);
    }

    public async Task<IReadOnlyList<Recommendation>> RecommendAsync(string user, int count)
    {
        var info = State.State.Info ?? throw SandboxException.NotFound("model", Id);
        if (info.Status != ResourceStatus.Ready || info.Artifact is null)
        {
            throw SandboxException.Conflict($"model '{Id}' is {info.Status.ToString().ToLowerInvariant()}, not trained");
        }
        if (count is < 1 or > MaxRecommendations)
        {
            throw SandboxException.Invalid("n", $"n must be between 1 and {MaxRecommendations}");
        }
        // Interleaved queries share one load: the field is set before the first await.
        _serving ??= LoadServingAsync(info);
        Serving serving;
        try
        {
            serving = await _serving;
        }
        catch
        {
            _serving = null;
            throw;
        }
        var index = serving.UserIndex(user) ?? throw new SandboxException(SandboxErrorKind.NotFound, $"user '{user}' is not in dataset '{info.DatasetId}'", "user");
        // Scoring runs on the thread pool, so that concurrent queries use every core.
        return await Task.Run(() => serving.Recommend(index, count));
    }

    public async Task DeleteAsync()
    {
        if (State.State.Info is null)
        {
            throw SandboxException.NotFound("model", Id);
        }
        await AbandonJobAsync();
        (await _serving.OrNull())?.Dispose();
        _serving = null;
        // State first, then the registry (as for datasets); the file is left to the artifact sweep, since an equal
        // model (the same training run twice) shares it.
        await State.ClearStateAsync();
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).RemoveAsync(RegistryEntryKind.Model, Id);
        DeactivateOnIdle();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await base.OnDeactivateAsync(reason, cancellationToken);
        (await _serving.OrNull())?.Dispose();
        _serving = null;
    }

    private async Task<Serving> LoadServingAsync(ModelInfo info)
    {
        var (_, datasetPath) = await ReadyDatasetAsync(info.DatasetId, "datasetId");
        var modelPath = Services.Artifacts.Locate(info.Artifact!);
        var device = Services.Compute.TorchDevice;
        return await Task.Run(() => new Serving(BaselineModel.Load(modelPath, device), DatasetFile.Load(datasetPath)));
    }

    private static BaselineOptions TrainingOptions(ModelSettings settings)
    {
        var options = settings.Resolve();
        if (settings.TestRatio is { } ratio && !(ratio > 0 && ratio < 1))
        {
            throw SandboxException.Invalid("options.testRatio", $"options.testRatio: {ratio} must lie strictly between 0 and 1");
        }
        return ContractMapping.Validated(options, o => o.Validate(), "options.");
    }

    /// <summary>A loaded model with its dataset's ids and known ratings, ready for queries.</summary>
    private sealed class Serving(BaselineModel model, RatingsDataset data) : IDisposable
    {
        private readonly Recommender _recommender = new(model, data);

        public int? UserIndex(string user) => _recommender.Index.UserIndex(user);

        public IReadOnlyList<Recommendation> Recommend(int user, int count) =>
            _recommender.Recommend(user, count).Select(r => new Recommendation
            {
                Item = data.ItemIds[r.Item],
                Score = r.Score,
                PredictedRating = r.Rating,
                Reliability = r.Reliability,
            }).ToList();

        public void Dispose() => model.Dispose();
    }
}
