using Microsoft.Extensions.Options;

namespace GanRsSandbox.Grains;

/// <summary>
/// Runs heavy work (training, sampling) on dedicated threads, never on the grain scheduler, as many jobs at once as
/// the silo's cores allow: each job takes the cores it keeps busy (one for a small-batch training, every core for
/// sampling or a grid; <c>ThreadBudget.Demand</c>) and is given that many as its thread budget. At most
/// <see cref="SandboxOptions.MaxConcurrentJobs"/> run at once when that is set.
/// </summary>
public sealed class JobWorker : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CoreSlots _cores;
    private readonly SemaphoreSlim? _jobs;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The silo metadata key under which each silo publishes its job cores, for the grids that spread over silos.</summary>
    public const string CoresMetadataKey = "ganrs-cores";

    public JobWorker(IOptions<SandboxOptions> options)
    {
        _cores = new CoreSlots(CoresOf(options.Value));
        _jobs = options.Value.MaxConcurrentJobs > 0 ? new SemaphoreSlim(options.Value.MaxConcurrentJobs) : null;
    }

    /// <summary>The cores a silo's jobs share: <see cref="SandboxOptions.JobCores"/>, else every core of the machine.</summary>
    public static int CoresOf(SandboxOptions options) =>
        Math.Clamp(options.JobCores > 0 ? options.JobCores : Environment.ProcessorCount, 1, SandboxOptions.MaxJobCores);

    /// <summary>The cores this silo's jobs share.</summary>
    public int Cores => _cores.Capacity;

    /// <summary>True once the silo is stopping: work ends as in a crash, and the job restarts elsewhere or on the next start.</summary>
    public bool IsStopping => _stopping.IsCancellationRequested;

    /// <param name="threads">The cores the work keeps busy; more than the silo has means all of them.</param>
    /// <param name="work">Given the cores it may use (its thread budget) and the job's token.</param>
    /// <param name="started">Called once the job has its cores, before the work begins.</param>
    public async Task<T> RunAsync<T>(int threads, Func<int, CancellationToken, T> work, Func<Task> started, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var token = linked.Token;
        var cores = Math.Clamp(threads, 1, _cores.Capacity);
        if (_jobs is not null)
        {
            await _jobs.WaitAsync(token).ConfigureAwait(false);
        }
        try
        {
            await _cores.AcquireAsync(cores, token).ConfigureAwait(false);
            try
            {
                await started().ConfigureAwait(false);
                // TaskScheduler.Default: the caller is a grain, whose own scheduler would otherwise run the work.
                return await Task.Factory.StartNew(() => work(cores, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            }
            finally
            {
                _cores.Release(cores);
            }
        }
        finally
        {
            _jobs?.Release();
        }
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        // Stops work first thing when the silo stops, so that no thread trains on for a silo that has left the cluster.
        lifecycle.Subscribe(nameof(JobWorker), ServiceLifecycleStage.Last, _ => Task.CompletedTask, _ =>
        {
            _stopping.Cancel();
            return Task.CompletedTask;
        });
}
