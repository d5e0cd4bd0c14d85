using GanRsSandbox.Grains.Hosting;
using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Workflows;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Grains;

[GenerateSerializer, Alias("ganrs.ExperimentState")]
public sealed class ExperimentState : JobOwnerState
{
    [Id(0)] public ExperimentInfo? Info { get; set; }
    /// <summary>The source's size, for the grid's first row; the engine's own records stay out of grain state.</summary>
    [Id(1)] public ExperimentDatasetRow? Source { get; set; }
}

/// <summary>
/// The paper's grid for one source, run by the same engine as <c>ganrs reproduce</c> into a work folder on the
/// shared data path. The folder is the state of the run: every finished piece is a file, so a job restarted after
/// its silo died resumes the grid instead of starting over, and the page reads the cells as they appear.
/// </summary>
[ComputePreferredPlacement]
public sealed class ExperimentGrain(
    [PersistentState("experiment")] IPersistentState<ExperimentState> state,
    JobServices services)
    : JobOwnerGrain<ExperimentState>(state, services, JobKind.RunExperiment), IExperimentGrain
{
    private static readonly string[] Files = ["results.csv", "results.json", "report.md"];

    private (int Finished, ExperimentReport Results)? _results;

    private string Id => this.GetPrimaryKeyString();

    public async Task<JobInfo> StartAsync(ExperimentRequest request)
    {
        if (State.State.Info is not null)
        {
            throw SandboxException.Conflict($"experiment '{Id}' already exists");
        }
        Plan(request);
        var (source, _) = await ReadyDatasetAsync(request.SourceDatasetId, "sourceDatasetId");
        State.State.Source = new ExperimentDatasetRow { Key = "source", Users = source.Stats!.Users, Items = source.Stats.Items, Ratings = source.Stats.Ratings };
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddAsync(RegistryEntryKind.Experiment, Id);
        return await StartJobAsync(jobId => State.State.Info = new ExperimentInfo
        {
            Id = Id,
            Request = request,
            SourceName = source.Name,
            Status = ResourceStatus.Pending,
            JobId = jobId,
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }

    protected override void UpgradeState() => State.State.Info = State.State.Info?.Upgraded();

    protected override async Task ExecuteJobAsync(JobRun run)
    {
        var info = State.State.Info!;
        var (_, sourcePath) = await ReadyDatasetAsync(info.Request.SourceDatasetId, "sourceDatasetId");
        var plan = Plan(info.Request);
        var folder = Services.Artifacts.WorkFolder(Id);
        await RunOnWorkerAsync(run, AllCores, (cores, token) =>
        {
            var source = DatasetFile.Load(sourcePath);
            return ExperimentRunner.Run(source, folder, plan, new ProgressRelay<ExperimentProgress>(p =>
                run.Reporter.Report(p.ToStage())), token, cores);
        });
        State.State.Info = info with { Status = ResourceStatus.Ready };
    }

    protected override void RecordJobEnd(JobState end, string reason)
    {
        var (status, error) = Ended(end, reason);
        State.State.Info = State.State.Info! with { Status = status, Error = error };
    }

    public async Task<ExperimentInfo?> GetAsync()
    {
        if (State.State.Info is not { } info || State.State.Source is not { } source)
        {
            return null;
        }
        var cached = _results;
        // A page asks again on every pushed change; reading and analysing the folder runs off the grain scheduler, and
        // only when a piece has finished since the last read (finished pieces only ever appear).
        var plan = Plan(info.Request);
        var results = await Task.Run(() =>
        {
            var folder = Services.Artifacts.WorkFolder(Id);
            var finished = FinishedPieces(folder);
            if (cached is { } previous && previous.Finished == finished)
            {
                return previous;
            }
            var report = ExperimentRunner.ReadPartial(folder, plan,
                new GridDataset("source", true, source.Users, source.Items, source.Ratings, null, false, null), info.SourceName ?? "source");
            return (Finished: finished, Results: report);
        });
        _results = results;
        return info with
        {
            Results = results.Results,
            PlannedDatasets = ["source", .. plan.Synthetic.Select(s => s.Key)],
            PlannedModels = Ml.Models.BaselineKinds.All,
        };
    }

    private static int FinishedPieces(string folder) =>
        new[] { "cells", "datasets" }.Select(sub => Path.Combine(folder, sub))
            .Sum(sub => Directory.Exists(sub) ? Directory.EnumerateFiles(sub, "*.json").Count() : 0);

    public async Task<byte[]> GetFileAsync(string name)
    {
        var info = State.State.Info ?? throw SandboxException.NotFound("experiment", Id);
        if (!Files.Contains(name))
        {
            throw SandboxException.NotFound("file", name);
        }
        var path = Path.Combine(Services.Artifacts.WorkFolder(Id), name);
        if (info.Status != ResourceStatus.Ready || !File.Exists(path))
        {
            throw SandboxException.Conflict($"experiment '{Id}' is {info.Status.ToString().ToLowerInvariant()}; {name} is written when the grid finishes");
        }
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>The request as a plan: a preset, then the optional overrides.</summary>
    public static ExperimentPlan Plan(ExperimentRequest request)
    {
        var plan = request.Preset switch
        {
            ExperimentPresets.Paper => ExperimentPlan.Paper(request.Seed),
            ExperimentPresets.Quick => ExperimentPlan.Quick(request.Seed),
            _ => throw SandboxException.Invalid("preset", $"preset: unknown preset '{request.Preset}' ({string.Join(" or ", ExperimentPresets.All)})"),
        };
        if (request.SampleScale is { } scale && !(scale > 0 && scale <= 10))
        {
            throw SandboxException.Invalid("sampleScale", $"sampleScale: {scale} must lie in (0, 10]");
        }
        if (request.Iterations is < 1 or > 1_000_000)
        {
            throw SandboxException.Invalid("iterations", $"iterations: {request.Iterations} must be between 1 and 1,000,000");
        }
        if (request.RankingSeeds is < 1 or > ExperimentPlan.MaxRankingSeeds)
        {
            throw SandboxException.Invalid("rankingSeeds", $"rankingSeeds: {request.RankingSeeds} must be between 1 and {ExperimentPlan.MaxRankingSeeds}");
        }
        if (request.Epochs is < 1 or > 1000)
        {
            throw SandboxException.Invalid("epochs", $"epochs: {request.Epochs} must be between 1 and 1,000");
        }
        return plan with
        {
            Variant = request.Variant,
            RankingSeeds = request.RankingSeeds ?? plan.RankingSeeds,
            Generator = plan.Generator with
            {
                Iterations = request.Iterations ?? plan.Generator.Iterations,
                EvaluateEvery = Math.Min(plan.Generator.EvaluateEvery, Math.Max(1, (request.Iterations ?? plan.Generator.Iterations) / 4)),
            },
            Baselines = plan.Baselines with { Epochs = request.Epochs ?? plan.Baselines.Epochs },
            // Scaled far down, sweep rows can meet at the floor of one sample per user and item; one of each size is enough.
            Synthetic = request.SampleScale is { } sampleScale ? plan.Synthetic.Select(s => s.Scaled(sampleScale)).DistinctBy(s => s.Key).ToList() : plan.Synthetic,
        };
    }
}
