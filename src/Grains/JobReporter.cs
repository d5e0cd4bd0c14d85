using System.Diagnostics;
using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Grains;

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
            var fraction = progress.Share;
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
