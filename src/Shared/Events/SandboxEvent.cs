using GanRsSandbox.Ml.Progress;

namespace GanRsSandbox.Shared;

/// <summary>
/// Something in the sandbox changed: a resource was added or removed (<see cref="Job"/> null), or a job moved on (its
/// state or progress; <see cref="Job"/> is the job as it is now). Grains publish these on <see cref="SandboxStreams"/>;
/// the web host pushes them to open pages, which is how pages learn of changes without asking.
/// </summary>
[GenerateSerializer, Immutable, Alias("ganrs.SandboxEvent")]
public sealed record SandboxEvent
{
    [Id(0)] public required RegistryEntryKind Kind { get; init; }
    [Id(1)] public required string Id { get; init; }
    [Id(2)] public JobInfo? Job { get; init; }

    /// <summary>True when only a running job's progress moved: pages that show no job can ignore it.</summary>
    [Id(3)] public bool ProgressOnly { get; init; }

    /// <summary>When the grain published it, so that a watcher can measure how fast changes reach it.</summary>
    [Id(4)] public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The progress of work that is not a job (a file being imported), for whoever started it; null otherwise.</summary>
    [Id(5)] public StageProgress? Progress { get; init; }
}
