using Spectre.Console;

namespace GanRsSandbox.Cli;

/// <summary>
/// Spectre.Console progress bars on a terminal: one bar per stage, with its share, the time it still needs and a
/// spinner. The live display starts with the first report and stops on dispose.
/// </summary>
internal sealed class ProgressBars : IDisposable
{
    private const double Resolution = 1000;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ProgressContext> _context = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly Task _display;

    public ProgressBars(TextWriter terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(terminal) });
        _display = console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _context.TrySetResult(context);
                await _done.Task;
            });
    }

    /// <summary>Whether the writer is a terminal that can show live bars (not a file, a pipe or a test's writer).</summary>
    public static bool CanShow(TextWriter writer) =>
        ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb");

    public void Report(string stage, double fraction, string detail)
    {
        var context = _context.Task.GetAwaiter().GetResult();
        lock (_tasks)
        {
            if (!_tasks.TryGetValue(stage, out var task))
            {
                // A new stage ends the ones before it, which may have stopped short of their last step.
                foreach (var earlier in _tasks.Values.Where(t => !t.IsFinished))
                {
                    earlier.Value = earlier.MaxValue;
                    earlier.StopTask();
                }
                task = _tasks[stage] = context.AddTask(Markup.Escape(stage), maxValue: Resolution);
            }
            task.Description = Markup.Escape($"{stage} {detail}");
            task.Value = Math.Clamp(fraction, 0, 1) * Resolution;
        }
    }

    public void Dispose()
    {
        lock (_tasks)
        {
            foreach (var task in _tasks.Values.Where(t => !t.IsFinished))
            {
                task.StopTask();
            }
        }
        _done.TrySetResult();
        _display.GetAwaiter().GetResult();
    }
}
