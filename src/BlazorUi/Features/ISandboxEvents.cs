using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

/// <summary>Changes in the sandbox as they happen, pushed from the grains: pages refresh on these instead of asking on a timer.</summary>
public interface ISandboxEvents
{
    /// <summary>Raised on a thread-pool thread for every change; handlers must not block.</summary>
    event Action<SandboxEvent>? Changed;
}
