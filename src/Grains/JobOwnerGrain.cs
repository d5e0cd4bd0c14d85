using GanRsSandbox.Ml.Data;
using GanRsSandbox.Shared;
using Microsoft.Extensions.Logging;

namespace GanRsSandbox.Grains;

/// <summary>
/// The life of the one job a dataset, generator or model grain runs to make itself. The job record lives in a job
/// grain; this base keeps the grain's side: it hands the heavy part to the silo's <see cref="JobWorker"/>, keeps the
/// activation alive while it runs, and, when a new activation finds a job in its state (its silo died, or stopped),
/// marks the job interrupted and starts it again, at most <see cref="JobLimits.MaxRestarts"/> times.
/// Jobs restart from the beginning: every one is seeded, so a restart gives the same result.
/// </summary>
public abstract class JobOwnerGrain<TState>(IPersistentState<TState> state, JobServices services, JobKind kind) : Grain, IJobOwnerGrain
    where TState : JobOwnerState, new()
{
    private CancellationTokenSource? _cancel;
    private Task? _running;
    private bool _deactivating;
    private bool _abandoned;

    protected IPersistentState<TState> State => state;

    protected JobServices Services => services;

    protected bool IsJobRunning => _running is { IsCompleted: false };

    /// <summary>True while the activation goes away (its silo stops, or it is moved): its job stays in state and restarts.</summary>
    protected bool IsDeactivating => _deactivating || services.Worker.IsStopping;

    /// <summary>Does the job: reads its inputs, runs the heavy part through <see cref="RunOnWorkerAsync{T}"/>, and records the result in state (written by the caller).</summary>
    protected abstract Task ExecuteJobAsync(JobRun run);

    /// <summary>Records in state that the job failed or was cancelled (written by the caller).</summary>
    protected abstract void RecordJobEnd(JobState end, string reason);

    /// <summary>Moves what an older release stored in its own shapes into the engine's (in memory; the next write keeps it).</summary>
    protected virtual void UpgradeState()
    {
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        UpgradeState();
        if (state.State.ActiveJob is { } interrupted)
        {
            await RestartAsync(interrupted);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_running is { IsCompleted: false } running)
        {
            // The state keeps the job, so the next activation restarts it.
            _deactivating = true;
            _cancel?.Cancel();
            await running.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        }
    }

    public Task EnsureJobRunningAsync() =>
        state.State.ActiveJob is { } active && !IsJobRunning ? RestartAsync(active) : Task.CompletedTask;

    public Task CancelJobAsync(string jobId)
    {
        if (state.State.ActiveJob?.JobId == jobId)
        {
            _cancel?.Cancel();
        }
        return Task.CompletedTask;
    }

    /// <summary>Creates the job record, notes it in state and starts it. The caller has put its pending status into state.</summary>
    protected async Task<JobInfo> StartJobAsync(Action<string> notePending)
    {
        var job = new JobInfo
        {
            Id = SandboxIds.New("job"),
            Kind = kind,
            State = JobState.Queued,
            ResultId = this.GetPrimaryKeyString(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await GrainFactory.GetGrain<IJobGrain>(job.Id).CreateAsync(job);
        notePending(job.Id);
        state.State.ActiveJob = new ActiveJob { JobId = job.Id };
        await state.WriteStateAsync();
        Launch(job.Id);
        return job;
    }

    /// <summary>Runs heavy work on the silo's worker; the job turns from queued to running when a slot is free.</summary>
    /// <param name="threads">The cores the work keeps busy (<c>ThreadBudget.Demand</c>; <see cref="AllCores"/> for sampling and grids).</param>
    /// <param name="work">Given the cores it was granted, its thread budget, and the job's token.</param>
    protected Task<T> RunOnWorkerAsync<T>(JobRun run, int threads, Func<int, CancellationToken, T> work)
    {
        // Resolved here, on the grain's turn: a queued job's start callback runs on a pool thread, where grain services are off limits.
        return services.Worker.RunAsync(threads, work, Running(run), run.Token);
    }

    /// <summary>Marks the job running here without taking cores: for a job that only orchestrates others.</summary>
    protected Task MarkRunningAsync(JobRun run) => Running(run)();

    /// <summary>Records the job running on this silo and device when called; the grain is resolved now.</summary>
    private Func<Task> Running(JobRun run)
    {
        var job = GrainFactory.GetGrain<IJobGrain>(run.JobId);
        return () => job.UpdateAsync(JobState.Running, null, services.SiloName, services.Compute.TorchDevice);
    }

    /// <summary>A job that keeps every core of its silo busy.</summary>
    protected const int AllCores = int.MaxValue;

    /// <summary>Stops the job for good because its owner is being deleted, and records it as cancelled.</summary>
    protected async Task AbandonJobAsync()
    {
        if (state.State.ActiveJob is not { } active)
        {
            return;
        }
        _abandoned = true;
        _cancel?.Cancel();
        state.State.ActiveJob = null;
        await GrainFactory.GetGrain<IJobGrain>(active.JobId).UpdateAsync(JobState.Cancelled, $"{this.GetPrimaryKeyString()} was deleted");
    }

    /// <summary>The status a resource is left in by a job that did not succeed, and the error it shows.</summary>
    protected static (ResourceStatus Status, string? Error) Ended(JobState end, string reason) =>
        end == JobState.Cancelled ? (ResourceStatus.Cancelled, null) : (ResourceStatus.Failed, reason);

    /// <summary>Loads a dataset that another grain made, by its artifact.</summary>
    protected async Task<(DatasetInfo Info, string Path)> ReadyDatasetAsync(string datasetId, string field)
    {
        var info = await GrainFactory.GetGrain<IDatasetGrain>(datasetId).GetAsync() ?? throw SandboxException.NotFound("dataset", datasetId);
        if (info.Status != ResourceStatus.Ready || info.Artifact is null)
        {
            throw new SandboxException(SandboxErrorKind.Conflict, $"dataset '{datasetId}' is {info.Status.ToString().ToLowerInvariant()}, not ready", field);
        }
        return (info, services.Artifacts.Locate(info.Artifact));
    }

    private async Task RestartAsync(ActiveJob interrupted)
    {
        var job = GrainFactory.GetGrain<IJobGrain>(interrupted.JobId);
        if (interrupted.Restarts >= JobLimits.MaxRestarts)
        {
            await EndAsync(job, JobState.Failed, $"interrupted {interrupted.Restarts + 1} times (its silo stopped while it ran); not restarted again");
            return;
        }
        var next = interrupted with { Restarts = interrupted.Restarts + 1 };
        state.State.ActiveJob = next;
        await state.WriteStateAsync();
        await job.MarkInterruptedAsync(next.Restarts);
        services.Logger<JobOwnerGrain<TState>>().LogWarning("Job {Job} of {Owner} was interrupted; restart {Restart} of at most {Max}",
            next.JobId, this.GetPrimaryKeyString(), next.Restarts, JobLimits.MaxRestarts);
        Launch(next.JobId);
    }

    private void Launch(string jobId)
    {
        _cancel = new CancellationTokenSource();
        // A job can outlast the idle-collection age with no calls to this grain; it must not be collected meanwhile.
        DelayDeactivation(TimeSpan.FromDays(365));
        _running = RunAsync(jobId, _cancel.Token);
    }

    private async Task RunAsync(string jobId, CancellationToken token)
    {
        var job = GrainFactory.GetGrain<IJobGrain>(jobId);
        try
        {
            await ExecuteJobAsync(new JobRun(jobId, new JobReporter(job), token));
            state.State.ActiveJob = null;
            await state.WriteStateAsync();
            await job.UpdateAsync(JobState.Succeeded);
        }
        catch (Exception) when (_deactivating || services.Worker.IsStopping)
        {
            // The silo is going away: the state keeps the job, and the next activation restarts it.
        }
        catch (Exception) when (_abandoned)
        {
            // The owner was deleted; AbandonJobAsync has recorded the end.
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            await EndAsync(job, JobState.Cancelled, "cancelled on request");
        }
        catch (Exception e)
        {
            services.Logger<JobOwnerGrain<TState>>().LogWarning(e, "Job {Job} of {Owner} failed", jobId, this.GetPrimaryKeyString());
            await EndAsync(job, JobState.Failed, Describe(e));
        }
        finally
        {
            _cancel?.Dispose();
            _cancel = null;
            if (!_deactivating && !services.Worker.IsStopping)
            {
                DelayDeactivation(TimeSpan.Zero);
            }
        }
    }

    private async Task EndAsync(IJobGrain job, JobState end, string reason)
    {
        try
        {
            RecordJobEnd(end, reason);
            state.State.ActiveJob = null;
            await state.WriteStateAsync();
            await job.UpdateAsync(end, end == JobState.Cancelled ? null : reason);
        }
        catch (Exception e)
        {
            // Nothing awaits this task: a failure here must be logged, not lost.
            services.Logger<JobOwnerGrain<TState>>().LogError(e, "Could not record the end ({End}) of job {Job}", end, job.GetPrimaryKeyString());
        }
    }

    /// <summary>
    /// The reason a user reads: the engine's own messages are written for people; anything else is named by type. No
    /// server path and no stack trace: the log has the whole exception.
    /// </summary>
    private static string Describe(Exception e) => ErrorText.ForClient(e switch
    {
        DataFormatException or ArgumentException or SandboxException => e.Message,
        OutOfMemoryException => "out of memory: ask for fewer samples, users or items",
        IOException io => $"the silo could not read or write its data ({io.Message})",
        UnauthorizedAccessException => "the silo may not write to its data directory",
        _ => $"{e.GetType().Name}: {e.Message}",
    });
}
