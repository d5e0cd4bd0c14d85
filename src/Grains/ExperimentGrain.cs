using GanRsSandbox.Grains.Hosting;
using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Workflows;
using GanRsSandbox.Shared;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace GanRsSandbox.Grains;

[GenerateSerializer, Alias("ganrs.ExperimentState")]
public sealed class ExperimentState : JobOwnerState
{
    [Id(0)] public ExperimentInfo? Info { get; set; }
    /// <summary>The source's size, for the grid's first row; the engine's own records stay out of grain state.</summary>
    [Id(1)] public ExperimentDatasetRow? Source { get; set; }
}

/// <summary>
/// The paper's grid for one source, as a graph of jobs: the generator, each synthetic dataset and each cell is a
/// <see cref="GridPieceGrain"/> job, started once what it needs exists and placed on the silo with the most free job
/// cores (the same scheduling as <c>ganrs reproduce</c>, with one worker per silo). This grain only orchestrates and
/// aggregates. The work folder on the shared data path is the state of the run: every finished piece is a file, so a
/// grid whose silo died resumes instead of starting over, and the page reads the cells as they appear.
/// </summary>
[ComputePreferredPlacement]
public sealed class ExperimentGrain(
    [PersistentState("experiment")] IPersistentState<ExperimentState> state,
    JobServices services,
    IClusterMembershipService membership,
    ISiloMetadataCache siloMetadata)
    : JobOwnerGrain<ExperimentState>(state, services, JobKind.RunExperiment), IExperimentGrain
{
    /// <summary>How long one wait for a piece lasts: well inside Orleans' response timeout.</summary>
    private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(20);

    /// <summary>Calls to a piece that fail in a row (its silo died and is not yet declared dead) before the grid gives up.</summary>
    private const int MaxCallFailures = 60;

    private static readonly string[] Files = ["results.csv", "results.json", "report.md"];

    private (int Finished, ExperimentReport Results)? _results;

    private readonly Dictionary<string, SiloAddress> _silos = [];

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
        var plan = Plan(info.Request);
        var source = SourceRow(State.State.Source!);
        var sourceName = info.SourceName ?? GridPiece.SourceKey;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var progress = new ProgressRelay<ExperimentProgress>(p => run.Reporter.Report(p.ToStage()));
        if (!Services.Artifacts.WorkFoldersShared)
        {
            // Silos that share no work folder cannot share a grid's pieces: the whole grid runs here, in one job, with
            // the same scheduling over this silo's cores.
            var (_, sourcePath) = await ReadyDatasetAsync(info.Request.SourceDatasetId, "sourceDatasetId");
            await RunOnWorkerAsync(run, AllCores, (cores, token) =>
                ExperimentRunner.Run(DatasetFile.Load(sourcePath), Services.Artifacts.WorkFolder(Id), plan, progress, token, cores));
            State.State.Info = info with { Status = ResourceStatus.Ready };
            return;
        }
        var folder = await Task.Run(() => ExperimentRunner.Prepare(Services.Artifacts.WorkFolder(Id), plan, source, sourceName));
        await MarkRunningAsync(run);
        var running = new Dictionary<string, (IGridPieceGrain Grain, string JobId)>();
        try
        {
            await ExperimentRunner.RunGraphAsync(plan, source, Workers, (piece, worker, _, token) => RunPieceAsync(info.Request, piece, worker, running, token),
                progress, run.Token);
        }
        catch (Exception) when (!IsDeactivating)
        {
            // Failed or cancelled: the pieces still running stop too. A silo going away keeps them running instead, for
            // the restarted experiment to find.
            foreach (var (grain, jobId) in running.Values)
            {
                await grain.CancelJobAsync(jobId);
            }
            throw;
        }
        await Task.Run(() => ExperimentRunner.Finish(folder, plan, source, sourceName, clock.Elapsed.TotalSeconds));
        State.State.Info = info with { Status = ResourceStatus.Ready };
    }

    /// <summary>Every active silo as a worker, named as job records name silos, with the job cores it published.</summary>
    private IReadOnlyList<GridWorker> Workers()
    {
        var active = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToList();
        foreach (var silo in active)
        {
            _silos[silo.ToString()] = silo;
        }
        return active.OrderBy(silo => silo.ToString(), StringComparer.Ordinal)
            .Select(silo => new GridWorker(silo.ToString(),
                int.TryParse(siloMetadata.GetSiloMetadata(silo).Metadata.GetValueOrDefault(JobWorker.CoresMetadataKey), out var cores) ? cores : 1))
            .ToList();
    }

    /// <summary>
    /// Starts one piece's grain on the worker's silo and waits for it to end. A call that fails because the piece's
    /// silo died is repeated: once the cluster has declared the silo dead, the next call activates the piece elsewhere,
    /// and the activation runs its interrupted job again.
    /// </summary>
    private async Task<GridPieceResult> RunPieceAsync(ExperimentRequest experiment, GridPiece piece, GridWorker worker,
        Dictionary<string, (IGridPieceGrain Grain, string JobId)> running, CancellationToken token)
    {
        var grain = GrainFactory.GetGrain<IGridPieceGrain>($"{Id}/{piece.Id}");
        var request = new GridPieceRequest { ExperimentId = Id, Experiment = experiment, Piece = piece };
        for (var failures = 0; ; )
        {
            token.ThrowIfCancellationRequested();
            try
            {
                var status = await StartOnAsync(grain, request, worker);
                if (status.JobId is { } jobId)
                {
                    running[piece.Id] = (grain, jobId);
                }
                while (!status.Ended && status.JobId is not null)
                {
                    status = await grain.WaitAsync(WaitSlice).WaitAsync(token);
                    failures = 0;
                }
                if (!status.Ended)
                {
                    continue;
                }
                running.Remove(piece.Id);
                return status.Status == ResourceStatus.Ready
                    ? status.Result!
                    : throw new SandboxException(SandboxErrorKind.Conflict, $"{piece} {(status.Status == ResourceStatus.Cancelled ? "was cancelled" : $"failed: {status.Error}")}");
            }
            catch (Exception e) when (e is not (OperationCanceledException or SandboxException) && ++failures < MaxCallFailures)
            {
                Services.Logger<ExperimentGrain>().LogInformation("Grid {Experiment}: piece {Piece} did not answer ({Error}); asking again", Id, piece.Id, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(failures, 5)), token);
            }
        }
    }

    private async Task<GridPieceStatus> StartOnAsync(IGridPieceGrain grain, GridPieceRequest request, GridWorker worker)
    {
        // The hint only counts when the piece activates; RequestContext is per async flow, so it ends with this call.
        if (_silos.TryGetValue(worker.Name, out var silo))
        {
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        }
        try
        {
            return await grain.StartAsync(request);
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    private static GridDataset SourceRow(ExperimentDatasetRow source) => ExperimentRunner.SourceOf(source.Users, source.Items, source.Ratings);

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
            var report = ExperimentRunner.ReadPartial(folder, plan, SourceRow(source), info.SourceName ?? GridPiece.SourceKey);
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
        var requested = plan with
        {
            Variant = request.Variant,
            Scenario = request.Scenario,
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
        return ContractMapping.Validated(requested, ExperimentRunner.CheckScenario, "scenario.");
    }
}
