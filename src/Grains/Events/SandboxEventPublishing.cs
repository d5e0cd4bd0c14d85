using GanRsSandbox.Shared;

namespace GanRsSandbox.Grains;

/// <summary>
/// Publishing on the sandbox's event stream from a grain, without waiting: an event is a hint to refresh (a page that
/// missed one catches up on its next load), so a stream queue on a dying silo must never hold up a job or a delete.
/// </summary>
internal static class SandboxEventPublishing
{
    public static void Publish(this Grain grain, SandboxEvent change)
    {
        Task sent;
        try
        {
            sent = grain.GetStreamProvider(SandboxStreams.Provider)
                .GetStream<SandboxEvent>(StreamId.Create(SandboxStreams.Namespace, SandboxStreams.Key)).OnNextAsync(change);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return;
        }
        // Observed, so that a failed send (the queue's silo died) is not an unobserved task exception.
        _ = sent.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
