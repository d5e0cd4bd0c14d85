using Orleans.Concurrency;

namespace GanRsSandbox.Shared;

/// <summary>
/// One piece of an experiment's grid (the generator, a synthetic dataset, or a cell), run as its own job on the silo
/// it was placed on. Keyed <c>EXPERIMENT/PIECE</c>.
/// </summary>
[Alias("ganrs.IGridPieceGrain")]
public interface IGridPieceGrain : IJobOwnerGrain
{
    /// <summary>
    /// Starts the piece unless it is running or ready; a piece that failed or was cancelled starts again. Safe to
    /// repeat: an experiment that restarts asks every piece again.
    /// </summary>
    [Alias("Start")] Task<GridPieceStatus> StartAsync(GridPieceRequest request);

    /// <summary>The status once the piece has ended, or after <paramref name="atMost"/> (at most 25 s), whichever comes first.</summary>
    [AlwaysInterleave, Alias("Wait")] Task<GridPieceStatus> WaitAsync(TimeSpan atMost);
}
