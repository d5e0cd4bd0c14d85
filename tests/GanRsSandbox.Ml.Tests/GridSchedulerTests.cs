using System.Collections.Concurrent;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Models;
using Xunit;

namespace GanRsSandbox.Ml.Tests;

public sealed class GridSchedulerTests
{
    private static readonly GridPiece[] Grid =
    [
        GridPiece.Generator,
        new(GridPieceKind.Dataset, "s1"),
        new(GridPieceKind.Cell, "source", BaselineKind.DeepMf),
        new(GridPieceKind.Cell, "source", BaselineKind.Ncf),
        new(GridPieceKind.Cell, "s1", BaselineKind.DeepMf),
        new(GridPieceKind.Cell, "s1", BaselineKind.Ncf),
    ];

    private static int Demand(GridPiece piece) => piece.Kind == GridPieceKind.Dataset ? int.MaxValue : 1;

    [Fact]
    public async Task Pieces_start_after_what_they_need_and_spread_over_workers_without_exceeding_their_cores()
    {
        GridWorker[] workers = [new("a", 2), new("b", 1)];
        var events = new ConcurrentQueue<string>();
        var busy = new ConcurrentDictionary<string, int>();
        var most = new ConcurrentDictionary<string, int>();
        var usedBy = new ConcurrentDictionary<string, string>();
        await GridScheduler.RunAsync(Grid, Demand, () => workers, async (piece, worker, cores, _) =>
        {
            var now = busy.AddOrUpdate(worker.Name, cores, (_, b) => b + cores);
            most.AddOrUpdate(worker.Name, now, (_, m) => Math.Max(m, now));
            usedBy[piece.Id] = worker.Name;
            events.Enqueue("start " + piece.Id);
            await Task.Yield();
            events.Enqueue("end " + piece.Id);
            busy.AddOrUpdate(worker.Name, 0, (_, b) => b - cores);
        }, CancellationToken.None);

        var order = events.ToList();
        Assert.Equal(2 * Grid.Length, order.Count);
        foreach (var piece in Grid.Where(p => p.Needs is not null))
        {
            Assert.True(order.IndexOf("end " + piece.Needs) < order.IndexOf("start " + piece.Id), $"{piece.Id} started before {piece.Needs} ended");
        }
        Assert.All(workers, w => Assert.True(most.GetValueOrDefault(w.Name) <= w.Cores, $"{w.Name} ran more than its cores"));
        Assert.Equal(["a", "b"], usedBy.Values.Distinct().Order());
    }

    [Fact]
    public async Task A_sampling_piece_gets_a_whole_worker_while_cells_fill_the_free_cores()
    {
        GridWorker[] workers = [new("a", 2)];
        var started = new List<(string Id, int Cores)>();
        var gate = new TaskCompletionSource();
        var run = GridScheduler.RunAsync(Grid, Demand, () => workers, async (piece, _, cores, _) =>
        {
            lock (started)
            {
                started.Add((piece.Id, cores));
            }
            if (piece.Kind == GridPieceKind.Generator)
            {
                await gate.Task;
            }
        }, CancellationToken.None);
        // The generator holds one core; the dataset waits for it and would need both, but the source's cells need
        // nothing: they run on the free core meanwhile, and once the generator ends the dataset goes before the rest.
        Assert.Equal([("generator", 1), ("cell.source.deepmf", 1), ("cell.source.ncf", 1)], started);
        gate.SetResult();
        await run;
        Assert.Equal(("dataset.s1", 2), started[3]);
    }

    [Fact]
    public async Task The_first_failure_stops_the_grid_and_what_needs_the_failed_piece_never_starts()
    {
        GridWorker[] workers = [new("a", 1)];
        var started = new ConcurrentBag<string>();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => GridScheduler.RunAsync(Grid, Demand, () => workers, (piece, _, _, _) =>
        {
            started.Add(piece.Id);
            return piece.Kind == GridPieceKind.Dataset ? Task.FromException(new InvalidDataException("sampling failed")) : Task.CompletedTask;
        }, CancellationToken.None));
        Assert.Equal("sampling failed", error.Message);
        Assert.DoesNotContain(started, id => id.StartsWith("cell.s1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_grid_whose_piece_needs_a_missing_one_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => GridScheduler.RunAsync([new GridPiece(GridPieceKind.Cell, "s9", BaselineKind.Ncf)], Demand,
            () => [new GridWorker("a", 1)], (_, _, _, _) => Task.CompletedTask, CancellationToken.None));
        Assert.Contains("dataset.s9", error.Message);
    }
}
