using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Cli;

/// <summary>Training progress on stderr: a line redrawn in place on a terminal, a line per 10% when redirected.</summary>
internal sealed class ConsoleProgress(TextWriter stderr, string label) : IProgress<TrainingProgress>
{
    private readonly bool _interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
    private int _lastDecile = -1;

    public void Report(TrainingProgress value)
    {
        var eta = value.Eta is { } e ? $"ETA {e:mm\\:ss}" : "ETA --:--";
        var text = $"[{label}] epoch {value.Epoch}/{value.Epochs} {value.Fraction,5:P0} loss {value.Loss:F4} {eta}";
        if (_interactive)
        {
            stderr.Write("\r" + text.PadRight(72));
            if (value.Step == value.Steps)
            {
                stderr.WriteLine();
            }
            return;
        }
        var decile = (int)(value.Fraction * 10);
        if (decile != _lastDecile)
        {
            _lastDecile = decile;
            stderr.WriteLine(text);
        }
    }
}
