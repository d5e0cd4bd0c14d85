namespace GanRsSandbox.Ml;

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread, in order
/// (<see cref="Progress{T}"/> posts to a synchronisation context and may reorder or delay reports).</summary>
public sealed class ProgressRelay<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
