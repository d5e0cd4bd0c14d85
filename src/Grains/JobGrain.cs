using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Grains;

[GenerateSerializer, Alias("ganrs.JobGrainState")]
public sealed class JobGrainState
{
    [Id(0)] public JobInfo? Info { get; set; }
}

/// <summary>
/// The record of one job. State changes are written; progress, which arrives every half second, is kept in memory
/// only, so a restarted job grain shows the last stage that was written until the next report.
/// </summary>
public sealed class JobGrain([PersistentState("job")] IPersistentState<JobGrainState> state) : Grain, IJobGrain
{
    private (StageProgress Progress, double? EtaSeconds)? _progress;

    private string Id => this.GetPrimaryKeyString();

    public async Task CreateAsync(JobInfo job)
    {
        state.State = new JobGrainState { Info = job };
        await state.WriteStateAsync();
        Publish(progressOnly: false);
        var registry = GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key);
        await registry.AddAsync(RegistryEntryKind.Job, Id);
        await registry.JobStartedAsync(Id, JobOwner.Of(job));
    }

    public Task<JobInfo?> GetAsync() => Task.FromResult(Current());

    /// <summary>The job as stored, with the latest progress while it runs.</summary>
    private JobInfo? Current() =>
        state.State.Info is { } info && _progress is { } latest && !info.State.IsFinished()
            ? info with { Progress = latest.Progress, EtaSeconds = latest.EtaSeconds }
            : state.State.Info;

    public async Task UpdateAsync(JobState next, string? error = null, string? silo = null, string? device = null)
    {
        if (state.State.Info is not { } info || info.State.IsFinished())
        {
            // A late report about a job that has ended changes nothing.
            return;
        }
        var now = DateTimeOffset.UtcNow;
        state.State.Info = info with
        {
            State = next,
            Error = error ?? info.Error,
            Silo = silo ?? info.Silo,
            Device = device ?? info.Device,
            StartedAt = next == JobState.Running ? now : info.StartedAt,
            FinishedAt = next.IsFinished() ? now : null,
            Progress = next == JobState.Succeeded ? new StageProgress("done", 1, 1) : _progress?.Progress ?? info.Progress,
            EtaSeconds = null,
        };
        await state.WriteStateAsync();
        if (next.IsFinished())
        {
            _progress = null;
            await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).JobEndedAsync(Id);
        }
        Publish(progressOnly: false);
    }

    public Task ReportProgressAsync(StageProgress progress, double? etaSeconds)
    {
        if (state.State.Info is not { } info || info.State.IsFinished())
        {
            return Task.CompletedTask;
        }
        _progress = (progress, etaSeconds);
        Publish(progressOnly: true);
        return Task.CompletedTask;
    }

    /// <summary>The job as it is now (with its latest progress), pushed to whoever watches.</summary>
    private void Publish(bool progressOnly)
    {
        if (Current() is { } now)
        {
            this.Publish(new SandboxEvent { Kind = RegistryEntryKind.Job, Id = Id, Job = now, ProgressOnly = progressOnly });
        }
    }

    public async Task MarkInterruptedAsync(int restarts)
    {
        if (state.State.Info is not { } info || info.State.IsFinished())
        {
            return;
        }
        _progress = null;
        state.State.Info = info with { State = JobState.Interrupted, Restarts = restarts, Progress = new StageProgress("restart", restarts, JobLimits.MaxRestarts), EtaSeconds = null };
        await state.WriteStateAsync();
        Publish(progressOnly: false);
    }

    public async Task<JobInfo> CancelAsync()
    {
        var info = state.State.Info ?? throw SandboxException.NotFound("job", Id);
        if (info.State.IsFinished())
        {
            throw SandboxException.Conflict($"job '{Id}' has already {info.State.ToString().ToLowerInvariant()}");
        }
        await JobOwners.Resolve(GrainFactory, JobOwner.Of(info)).CancelJobAsync(Id);
        return (await GetAsync())!;
    }
}

internal static class JobOwners
{
    public static IJobOwnerGrain Resolve(IGrainFactory grains, JobOwner owner) => owner.Kind switch
    {
        JobKind.TrainGenerator => grains.GetGrain<IGeneratorGrain>(owner.OwnerId),
        JobKind.GenerateSynthetic => grains.GetGrain<IDatasetGrain>(owner.OwnerId),
        JobKind.TrainModel => grains.GetGrain<IModelGrain>(owner.OwnerId),
        JobKind.RunExperiment => grains.GetGrain<IExperimentGrain>(owner.OwnerId),
        JobKind.RunGridPiece => grains.GetGrain<IGridPieceGrain>(owner.OwnerId),
        _ => throw new ArgumentOutOfRangeException(nameof(owner), owner.Kind, "unknown job kind"),
    };
}
