using GanRsSandbox.Ml.Experiments;

namespace GanRsSandbox.Shared;

/// <summary>One piece of an experiment's grid, as its orchestrating experiment hands it to the piece's own grain.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.GridPieceRequest")]
public sealed record GridPieceRequest
{
    [Id(0)] public required string ExperimentId { get; init; }
    [Id(1)] public required ExperimentRequest Experiment { get; init; }
    [Id(2)] public required GridPiece Piece { get; init; }
}
