using Orleans.Runtime;
using GanRsSandbox.Shared;
using Orleans.Streams;

namespace GanRsSandbox.Grains;

/// <summary>Publishing on the sandbox's event stream from a grain. Never fails the caller: an event is a hint to refresh, and a page that missed one catches up on its next load.</summary>
internal static class SandboxEventPublishing
{
    public static async Task PublishAsync(this Grain grain, SandboxEvent change)
    {
        try
        {
            await grain.GetStreamProvider(SandboxStreams.Provider).GetStream<SandboxEvent>(StreamId.Create(SandboxStreams.Namespace, SandboxStreams.Key)).OnNextAsync(change);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The stream's queue can be briefly unreachable while a silo dies; the state change itself is already written.
        }
    }
}
