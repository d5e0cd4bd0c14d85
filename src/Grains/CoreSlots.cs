namespace GanRsSandbox.Grains;

/// <summary>
/// A silo's cores as a first-come, first-served weighted semaphore: a job takes as many as it will keep busy and waits,
/// in order, until they are free. Order is strict, so a job that needs every core is not starved by a stream of
/// one-core jobs behind it.
/// </summary>
internal sealed class CoreSlots(int capacity)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<(int Need, TaskCompletionSource Granted)> _waiting = new();
    private int _free = capacity;

    public int Capacity { get; } = capacity;

    public async Task AcquireAsync(int need, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(need, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(need, Capacity);
        cancellationToken.ThrowIfCancellationRequested();
        LinkedListNode<(int Need, TaskCompletionSource Granted)> node;
        lock (_lock)
        {
            if (_waiting.Count == 0 && _free >= need)
            {
                _free -= need;
                return;
            }
            node = _waiting.AddLast((need, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
        }
        // Registered outside the lock: an already cancelled token runs the callback at once, on this thread.
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                if (node.List is null)
                {
                    return;
                }
                _waiting.Remove(node);
                // The one ahead left the queue: those behind it may fit now.
                GrantLocked();
            }
            node.Value.Granted.TrySetCanceled(cancellationToken);
        });
        await node.Value.Granted.Task.ConfigureAwait(false);
    }

    public void Release(int count)
    {
        lock (_lock)
        {
            _free += count;
            GrantLocked();
        }
    }

    private void GrantLocked()
    {
        while (_waiting.First is { } first && first.Value.Need <= _free)
        {
            _free -= first.Value.Need;
            _waiting.RemoveFirst();
            first.Value.Granted.TrySetResult();
        }
    }
}
