using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Progress;
using System.Diagnostics;
using GanRsSandbox.Shared;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

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

/// <summary>
/// Forwards a job's progress to its job grain, at most every half second (and at every change of stage), so that a
/// training loop reporting every batch never floods the cluster. Safe to call from several threads at once.
/// </summary>
public sealed class JobReporter(IJobGrain job)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastSent = TimeSpan.MinValue;
    private string? _lastStage;
    private string? _stageOfEta;
    private TimeSpan _stageStarted;

    public void Report(StageProgress progress)
    {
        double? eta;
        lock (_lock)
        {
            var now = _clock.Elapsed;
            if (progress.Stage != _stageOfEta)
            {
                (_stageOfEta, _stageStarted) = (progress.Stage, now);
            }
            var fraction = progress.Fraction;
            if (progress.Stage == _lastStage && now - _lastSent < Interval && fraction < 1)
            {
                return;
            }
            (_lastStage, _lastSent) = (progress.Stage, now);
            var elapsed = (now - _stageStarted).TotalSeconds;
            // The ETA of the current stage, from its own pace; a stage's first report has none.
            eta = fraction > 0.01 && elapsed > 0 ? elapsed * (1 - fraction) / fraction : null;
        }
        // One-way: the work thread never waits for the cluster.
        _ = job.ReportProgressAsync(progress, eta);
    }

    /// <summary>Bridges the engine's reports to this reporter.</summary>
    public IProgress<StageProgress> AsProgress() => new ProgressRelay<StageProgress>(Report);
}
