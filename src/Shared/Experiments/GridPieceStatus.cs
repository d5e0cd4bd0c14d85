using GanRsSandbox.Ml.Experiments;

namespace GanRsSandbox.Shared;

/// <summary>Where one piece of a grid is: its job, and once it is ready, how it ended.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.GridPieceStatus")]
public sealed record GridPieceStatus
{
    [Id(0)] public required ResourceStatus Status { get; init; }
    [Id(1)] public string? JobId { get; init; }
    [Id(2)] public string? Error { get; init; }
    [Id(3)] public GridPieceResult? Result { get; init; }

    public bool Ended => Status is ResourceStatus.Ready or ResourceStatus.Failed or ResourceStatus.Cancelled;
}
