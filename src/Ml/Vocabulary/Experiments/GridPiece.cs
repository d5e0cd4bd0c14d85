using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Experiments;

/// <summary>
/// One piece of a grid run, the unit that is scheduled, placed and resumed: the generator, one synthetic dataset, or
/// one dataset × model cell on one split. Each piece needs at most one other finished first, and each is one file in
/// the run's folder once done.
/// </summary>
/// <param name="Dataset">The dataset a dataset piece makes or a cell trains on (<c>source</c> for the source).</param>
/// <param name="SplitSeed">Null for the plan's own split; another seed for a cell that only the ranking verdict reads.</param>
public sealed record GridPiece(GridPieceKind Kind, string? Dataset = null, BaselineKind? Model = null, int? SplitSeed = null)
{
    public const string SourceKey = "source";

    public static GridPiece Generator { get; } = new(GridPieceKind.Generator);

    /// <summary>Unique within a run, and safe in a file or grain name.</summary>
    public string Id => Kind switch
    {
        GridPieceKind.Generator => "generator",
        GridPieceKind.Dataset => $"dataset.{Dataset}",
        _ => SplitSeed is { } seed ? $"cell.{Dataset}.{Model!.Value.Name()}.s{seed}" : $"cell.{Dataset}.{Model!.Value.Name()}",
    };

    /// <summary>The id of the piece that must be finished first, or null.</summary>
    public string? Needs => Kind switch
    {
        GridPieceKind.Generator => null,
        GridPieceKind.Dataset => Generator.Id,
        _ => Dataset == SourceKey ? null : $"dataset.{Dataset}",
    };

    public override string ToString() => Kind switch
    {
        GridPieceKind.Generator => "the GANRS generator",
        GridPieceKind.Dataset => Dataset!,
        _ => $"{Model!.Value.Name()} on {Dataset}" + (SplitSeed is { } seed ? $" (split seed {seed})" : ""),
    };
}
