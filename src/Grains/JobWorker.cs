using Microsoft.Extensions.Options;

namespace GanRsSandbox.Grains;

/// <summary>
/// Runs heavy work (training, sampling) on dedicated threads, never on the grain scheduler, with at most
/// <see cref="SandboxOptions.MaxConcurrentJobs"/> at once per silo: libtorch already uses every core for one job.
/// </summary>
public sealed class JobWorker(IOptions<SandboxOptions> options) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentJobs));
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>True once the silo is stopping: work ends as in a crash, and the job restarts elsewhere or on the next start.</summary>
    public bool IsStopping => _stopping.IsCancellationRequested;

    /// <param name="started">Called once the job has a slot, before the work begins.</param>
    public async Task<T> RunAsync<T>(Func<CancellationToken, T> work, Func<Task> started, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var token = linked.Token;
        await _slots.WaitAsync(token).ConfigureAwait(false);
        try
        {
            await started().ConfigureAwait(false);
            // TaskScheduler.Default: the caller is a grain, whose own scheduler would otherwise run the work.
            return await Task.Factory.StartNew(() => work(token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
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
