using System.Diagnostics;
using GanRsSandbox.Ml.Progress;

namespace GanRsSandbox.Cli;

/// <summary>
/// Progress of long steps on stderr, for every kind of engine progress: Spectre.Console bars with an ETA when stderr
/// is a terminal; otherwise (a file, a pipe, CI) a line when a stage starts and each time it passes another tenth,
/// with the time it still needs, estimated from its own pace so far.
/// </summary>
internal sealed class ConsoleProgress(TextWriter stderr) : IDisposable
{
    private readonly ProgressBars? _bars = ProgressBars.CanShow(stderr) ? new ProgressBars(stderr) : null;
    private readonly Stopwatch _clock = new();
    private readonly Lock _lock = new();
    private string _stage = "";
    private int _decile = -1;

    /// <remarks>Thread-safe: sampling reports from every core at once.</remarks>
    public void Report(string stage, double fraction, string detail)
    {
        if (_bars is not null)
        {
            _bars.Report(stage, fraction, detail);
            return;
        }
        lock (_lock)
        {
            ReportLocked(stage, fraction, detail);
        }
    }

    private void ReportLocked(string stage, double fraction, string detail)
    {
        if (stage != _stage)
        {
            _stage = stage;
            _decile = -1;
            _clock.Restart();
        }
        var decile = (int)(Math.Clamp(fraction, 0, 1) * 10);
        if (decile == _decile)
        {
            return;
        }
        _decile = decile;
        var eta = fraction is > 0 and < 1 ? $" ETA {_clock.Elapsed * ((1 - fraction) / fraction):mm\\:ss}" : "";
        stderr.WriteLine($"[{stage}] {fraction,4:P0} {detail}{eta}");
    }

    /// <summary>The engine's stage progress, as "[train deepmf]  40 % epoch 4/10, loss 0.4120 ETA 00:12": one line (or bar) per stage and subject.</summary>
    public IProgress<StageProgress> Stages() => For<StageProgress>(p =>
        (p.Detail is null ? p.Stage : $"{p.Stage} {p.Detail}", p.Share, StageProgressText.Describe(p with { Detail = null })));

    /// <summary>An <see cref="IProgress{T}"/> that reports each value as (stage, fraction, detail).</summary>
    public IProgress<T> For<T>(Func<T, (string Stage, double Fraction, string Detail)> describe) => new Relay<T>(this, describe);

    private sealed class Relay<T>(ConsoleProgress console, Func<T, (string Stage, double Fraction, string Detail)> describe) : IProgress<T>
    {
        public void Report(T value)
        {
            var (stage, fraction, detail) = describe(value);
            console.Report(stage, fraction, detail);
        }
    }

    public void Dispose() => _bars?.Dispose();
}
