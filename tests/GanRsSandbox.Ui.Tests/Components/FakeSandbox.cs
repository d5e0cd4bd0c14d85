using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.BlazorUi.Features;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Ui.Tests.Components;

/// <summary>
/// The four feature services in memory, for rendering pages without a cluster: tests seed what the pages list,
/// read what the pages asked for, and set <see cref="Failure"/> to make every call fail as a down server would.
/// </summary>
public sealed class FakeSandbox : IDatasetService, IGeneratorService, IModelService, IJobService, IExperimentService, ISandboxEvents
{
    public event Action<SandboxEvent>? Changed;

    /// <summary>A change as the cluster would push it.</summary>
    public void Push(SandboxEvent change) => Changed?.Invoke(change);

    public List<ExperimentInfo> Experiments { get; } = [];

    public List<DatasetInfo> Datasets { get; } = [];
    public List<GeneratorInfo> Generators { get; } = [];
    public List<ModelInfo> Models { get; } = [];
    public List<JobInfo> Jobs { get; } = [];
    public List<object> Requests { get; } = [];
    public List<string> Cancelled { get; } = [];
    public List<string> Retried { get; } = [];
    public Dictionary<string, IReadOnlyList<string>> Users { get; } = [];
    public Dictionary<string, IReadOnlyList<Recommendation>> Recommendations { get; } = [];

    /// <summary>When set, every call throws it.</summary>
    public Exception? Failure { get; set; }

    /// <summary>When set, imports throw it (a bad file) while listing still works.</summary>
    public Exception? ImportFailure { get; set; }

    private T Answer<T>(T value) => Failure is null ? value : throw Failure;

    public Task<DatasetInfo> AttachUsersAsync(string id, string fileName, byte[] content)
    {
        Requests.Add((id, fileName, content.Length));
        return Task.FromResult(Answer(Datasets.Single(d => d.Id == id)));
    }

    public Task<DatasetInfo> AttachItemsAsync(string id, string fileName, byte[] content)
    {
        Requests.Add(("items", id, fileName, content.Length));
        return Task.FromResult(Answer(Datasets.Single(d => d.Id == id)));
    }

    public Task<byte[]> ExportAsync(string id, ExportFormat format) => Task.FromResult(Answer("user,item,rating\n1,1,5\n"u8.ToArray()));

    /// <summary>The bytes each send carried, by the id it returned.</summary>
    public Dictionary<string, byte[]> Sent { get; } = [];

    public async Task<string> SendAsync(Stream content, long? length, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var id = $"ds-sent-{Sent.Count + 1}";
        Sent[id] = buffer.ToArray();
        progress?.Report(new StageProgress(StageNames.Upload, buffer.Length, length ?? 0));
        return Answer(id);
    }

    public Task<DatasetInfo> DownloadAsync(MovieLensRelease release, string? name = null, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Requests.Add(release);
        if (ImportFailure is not null)
        {
            throw ImportFailure;
        }
        var dataset = Fixtures.Dataset("ds-download", name ?? release.Name());
        Datasets.Add(dataset);
        return Task.FromResult(Answer(dataset));
    }

    /// <summary>What the import folder holds; null when it is off.</summary>
    public List<string>? ServerFiles { get; set; }

    public Task<IReadOnlyList<string>> ServerFilesAsync() => ServerFiles is { } files
        ? Task.FromResult(Answer<IReadOnlyList<string>>(files))
        : throw new SandboxException(SandboxErrorKind.Forbidden, "serverPath: importing files from the server is off; an administrator enables it with Sandbox:ImportFolder on the silos", "serverPath");

    public Task DiscardAsync(string sentTo)
    {
        Sent.Remove(sentTo);
        return Task.CompletedTask;
    }

    /// <summary>The sent file each import parsed (null for a server path), in order.</summary>
    public List<string?> ImportedFrom { get; } = [];

    public Task<DatasetInfo> ImportAsync(DatasetUpload upload, string? sentTo = null, IProgress<StageProgress>? progress = null)
    {
        Requests.Add(upload);
        ImportedFrom.Add(sentTo);
        if (ImportFailure is not null)
        {
            throw ImportFailure;
        }
        var dataset = Fixtures.Dataset("ds-upload", upload.Name);
        Datasets.Add(dataset);
        return Task.FromResult(Answer(dataset));
    }

    public Task<DatasetInfo> CreateDemoAsync(string name, int seed)
    {
        Requests.Add(("demo", name, seed));
        var dataset = Fixtures.Dataset("ds-demo", name);
        Datasets.Add(dataset);
        return Task.FromResult(Answer(dataset));
    }

    public Task<JobInfo> CreateSyntheticAsync(SyntheticRequest request)
    {
        Requests.Add(request);
        return Task.FromResult(Answer(Fixtures.Job("job-synthetic", JobKind.GenerateSynthetic, "ds-new", JobState.Queued)));
    }

    Task<IReadOnlyList<DatasetInfo>> IDatasetService.ListAsync() => Task.FromResult(Answer<IReadOnlyList<DatasetInfo>>(Datasets.ToList()));

    Task<DatasetInfo> IDatasetService.GetAsync(string id) =>
        Task.FromResult(Answer(Datasets.FirstOrDefault(d => d.Id == id) ?? throw SandboxException.NotFound("dataset", id)));

    Task IDatasetService.DeleteAsync(string id)
    {
        Answer(Datasets.RemoveAll(d => d.Id == id));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> UsersAsync(string id, int offset, int count) => Task.FromResult(Answer(Users.GetValueOrDefault(id) ?? []));

    /// <summary>Known ratings by user; a user not named here has rated one item.</summary>
    public Dictionary<string, IReadOnlyList<KnownRating>> Known { get; } = [];

    public Task<IReadOnlyList<KnownRating>> KnownRatingsAsync(string id, string user) =>
        Task.FromResult(Answer(Known.GetValueOrDefault(user) ?? [new KnownRating { Item = "known-1", Rating = 5 }]));

    Task<JobInfo> IGeneratorService.TrainAsync(GeneratorRequest request)
    {
        Requests.Add(request);
        return Task.FromResult(Answer(Fixtures.Job("job-generator", JobKind.TrainGenerator, "gen-new", JobState.Queued)));
    }

    Task<IReadOnlyList<GeneratorInfo>> IGeneratorService.ListAsync() => Task.FromResult(Answer<IReadOnlyList<GeneratorInfo>>(Generators.ToList()));

    Task<GeneratorInfo> IGeneratorService.GetAsync(string id) =>
        Task.FromResult(Answer(Generators.FirstOrDefault(g => g.Id == id) ?? throw SandboxException.NotFound("generator", id)));

    Task<JobInfo> IModelService.TrainAsync(ModelRequest request)
    {
        Requests.Add(request);
        return Task.FromResult(Answer(Fixtures.Job($"job-{request.Kind}", JobKind.TrainModel, $"model-{request.Kind}", JobState.Queued)));
    }

    Task<IReadOnlyList<ModelInfo>> IModelService.ListAsync() => Task.FromResult(Answer<IReadOnlyList<ModelInfo>>(Models.ToList()));

    Task<ModelInfo> IModelService.GetAsync(string id) =>
        Task.FromResult(Answer(Models.FirstOrDefault(m => m.Id == id) ?? throw SandboxException.NotFound("model", id)));

    Task<byte[]> IModelService.PredictionsAsync(string id) => Task.FromResult(Answer("PK"u8.ToArray()));

    Task IModelService.DeleteAsync(string id)
    {
        Answer(Models.RemoveAll(m => m.Id == id));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Recommendation>> RecommendAsync(string id, string user, int count)
    {
        Requests.Add((id, user, count));
        return Task.FromResult(Answer(Recommendations.GetValueOrDefault(id) ?? throw SandboxException.Conflict($"model '{id}' is pending, not trained")));
    }

    Task<IReadOnlyList<JobInfo>> IJobService.ListAsync() => Task.FromResult(Answer<IReadOnlyList<JobInfo>>(Jobs.ToList()));

    Task<JobInfo> IJobService.GetAsync(string id) =>
        Task.FromResult(Answer(Jobs.FirstOrDefault(j => j.Id == id) ?? throw SandboxException.NotFound("job", id)));

    public async Task<IReadOnlyList<JobInfo>> GetManyAsync(IEnumerable<string> ids) =>
        await Task.WhenAll(ids.Select(id => ((IJobService)this).GetAsync(id)));

    public Task<JobInfo> CancelAsync(string id)
    {
        Cancelled.Add(id);
        return Task.FromResult(Answer(Jobs.First(j => j.Id == id)));
    }

    public Task<JobInfo> StartAsync(ExperimentRequest request)
    {
        Requests.Add(request);
        return Task.FromResult(Answer(Fixtures.Job("job-grid", JobKind.RunExperiment, "exp-new", JobState.Queued)));
    }

    Task<IReadOnlyList<ExperimentInfo>> IExperimentService.ListAsync() => Task.FromResult(Answer<IReadOnlyList<ExperimentInfo>>(Experiments.ToList()));

    Task<ExperimentInfo> IExperimentService.GetAsync(string id) =>
        Task.FromResult(Answer(Experiments.FirstOrDefault(e => e.Id == id) ?? throw SandboxException.NotFound("experiment", id)));

    public Task<byte[]> FileAsync(string id, string name) => Task.FromResult(Answer("dataset,model\n"u8.ToArray()));

    public Task<JobInfo> RetryAsync(string id)
    {
        Retried.Add(id);
        return Task.FromResult(Answer(Jobs.First(j => j.Id == id)));
    }
}

/// <summary>Small, realistic records for the pages to show.</summary>
public static class Fixtures
{
    public static DatasetStats Stats(int users = 600, int items = 400) => new(users, items, 16_408, 0.068, 3.53, new RatingScale(1, 5),
        new Dictionary<double, int> { [1] = 945, [2] = 2128, [3] = 4534, [4] = 4889, [5] = 3912 }, 0.395, 0.423)
    {
        UserDegrees = [133, 90, 40, 20, 10],
        ItemDegrees = [300, 120, 50, 10, 1],
    };

    public static DatasetInfo Dataset(string id, string name, ResourceStatus status = ResourceStatus.Ready) => new()
    {
        Id = id,
        Name = name,
        Kind = DatasetKind.Source,
        Status = status,
        Stats = status == ResourceStatus.Ready ? Stats() : null,
        Lineage = new DatasetLineage { FileName = "u.data", Format = "MovieLensTab" },
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    public static DatasetInfo Synthetic(string id, string sourceId) => Dataset(id, "demo · GANRS stable 80×60") with
    {
        Kind = DatasetKind.Synthetic,
        Lineage = new DatasetLineage { GeneratorId = "gen-1", SourceDatasetId = sourceId, Sampling = new SyntheticRequest { GeneratorId = "gen-1", Users = 80, Items = 60, Samples = 4000 } },
        Stats = Stats(80, 60),
        Fidelity = new FidelityReport(0.001, 0, new(0.068, 0.21), new(0.395, 0.189), new(0.423, 0.264), new(0.345, 0.179),
            new DcrReport("embedding", 0.5, 1.4, 0, 0.1, 80))
        {
            RawRatingTvd = 0.392,
            CollapsedPairs = 2981,
            Difficulty = new DifficultyReport(0.954, 0.961, 0.6, 2, false),
            Scorecard =
            [
                new ScorecardEntry("user Gini gap", 0.206, 0.05, "at most", false),
                new ScorecardEntry("rating TVD, final", 0.001, 0.01, "at most", true),
                new ScorecardEntry("τ", null, 0.6, "at least", null),
            ],
        },
    };

    public static GeneratorInfo Generator(string id, string sourceId, ResourceStatus status = ResourceStatus.Ready, string? jobId = null) => new()
    {
        Id = id,
        SourceDatasetId = sourceId,
        SourceName = "demo",
        Status = status,
        Options = new GeneratorSettings { Iterations = 1000 },
        JobId = jobId,
        BestIteration = status == ResourceStatus.Ready ? 500 : null,
        BestHeldRatingTvd = status == ResourceStatus.Ready ? 0.08 : null,
        Losses = status == ResourceStatus.Ready
            ? [new LossPoint(200, 0.69, 0.7), new LossPoint(400, 0.68, 0.72)]
            : [],
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    public static ModelInfo Model(string id, string datasetId, string kind, ResourceStatus status = ResourceStatus.Ready, string? jobId = null) => new()
    {
        Id = id,
        DatasetId = datasetId,
        Kind = BaselineKinds.TryParse(kind, out var parsed) ? parsed : throw new ArgumentException($"not a model kind: {kind}"),
        Status = status,
        Rmse = status == ResourceStatus.Ready ? 0.94 : null,
        Mae = status == ResourceStatus.Ready ? 0.75 : null,
        Curves = status != ResourceStatus.Ready ? [] :
            (from protocol in new[] { EvaluationProtocol.TestItems, EvaluationProtocol.Thresholded }
             from threshold in new[] { 4, 5 }
             from n in new[] { 2, 4, 6, 8, 10 }
             select new CurvePoint(protocol, threshold, n, 0.8 - n * 0.02, 0.2 + n * 0.05, 0.3 + n * 0.02)).ToList(),
        JobId = jobId,
        Options = new ModelSettings(),
        CreatedAt = DateTimeOffset.UnixEpoch,
        TrainSeconds = 1.5,
    };

    public static JobInfo Job(string id, JobKind kind, string resultId, JobState state, double fraction = 0, string? error = null) => new()
    {
        Id = id,
        Kind = kind,
        State = state,
        ResultId = resultId,
        Progress = new StageProgress("train", (long)Math.Round(fraction * 1000), 1000, new Dictionary<string, double> { [MetricNames.Epoch] = 3, [MetricNames.Epochs] = 10 }),
        EtaSeconds = fraction > 0 ? 42 : null,
        Error = error,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
