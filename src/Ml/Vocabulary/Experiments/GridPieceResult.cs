namespace GanRsSandbox.Ml.Experiments;

/// <summary>How a piece ended: computed now or found finished in the run's folder, and a line for the progress log.</summary>
public sealed record GridPieceResult(bool Reused, string Summary)
{
    /// <summary>The ratings a dataset piece holds, which sizes the work of its cells.</summary>
    public int? Ratings { get; init; }
}
