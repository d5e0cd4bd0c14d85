using System.Runtime.ExceptionServices;

namespace GanRsSandbox.Ml.Experiments;

/// <summary>
/// Runs a grid's pieces as a graph: each starts as soon as the piece it needs has finished, on the worker with the most
/// free cores that has as many as it keeps busy. The same scheduling serves one process (one worker: its cores) and a
/// cluster (one worker per silo). Pieces are taken in the given order, strictly: a piece that does not fit yet is not
/// overtaken by those behind it, so a piece that needs every core is not starved by a stream of one-core cells.
/// It keeps its caller's context (no ConfigureAwait): a grain that orchestrates a grid stays on its own scheduler.
/// </summary>
public static class GridScheduler
{
    /// <param name="demand">The cores a piece keeps busy; a worker with fewer gives it all of its own.</param>
    /// <param name="workers">The workers now; asked again before every placement, since silos come and go.</param>
    /// <param name="run">Runs one piece on a worker with the cores it was granted.</param>
    public static async Task RunAsync(IReadOnlyList<GridPiece> pieces, Func<GridPiece, int> demand, Func<IReadOnlyList<GridWorker>> workers,
        Func<GridPiece, GridWorker, int, CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        var ids = pieces.Select(p => p.Id).ToHashSet();
        if (ids.Count != pieces.Count)
        {
            throw new ArgumentException("every piece of a grid needs its own id", nameof(pieces));
        }
        if (pieces.FirstOrDefault(p => p.Needs is { } needs && !ids.Contains(needs)) is { } orphan)
        {
            throw new ArgumentException($"{orphan.Id} needs {orphan.Needs}, which is not in the grid", nameof(pieces));
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var done = new HashSet<string>();
        var waiting = pieces.ToList();
        var running = new Dictionary<Task<string>, (GridWorker Worker, int Cores)>();
        var busy = new Dictionary<string, int>();
        ExceptionDispatchInfo? failure = null;
        while (failure is null && (waiting.Count > 0 || running.Count > 0))
        {
            foreach (var piece in waiting.Where(p => p.Needs is null || done.Contains(p.Needs)).ToList())
            {
                var now = workers();
                var free = now.Select(w => (Worker: w, Free: w.Cores - busy.GetValueOrDefault(w.Name)))
                    .Where(w => w.Free >= Math.Min(demand(piece), w.Worker.Cores))
                    .OrderByDescending(w => w.Free).ToList();
                if (free.Count == 0)
                {
                    break;
                }
                var worker = free[0].Worker;
                var cores = Math.Clamp(demand(piece), 1, worker.Cores);
                busy[worker.Name] = busy.GetValueOrDefault(worker.Name) + cores;
                waiting.Remove(piece);
                running[RunOne(piece, worker, cores)] = (worker, cores);
            }
            if (running.Count == 0)
            {
                throw new InvalidOperationException(workers().Count == 0
                    ? "no worker is available to run the grid's pieces"
                    : $"the grid cannot go on: {string.Join(", ", waiting.Select(p => p.Id).Take(3))} wait for pieces that never finish");
            }
            var finished = await Task.WhenAny(running.Keys);
            var (on, granted) = running[finished];
            running.Remove(finished);
            busy[on.Name] -= granted;
            try
            {
                done.Add(await finished);
            }
            catch (Exception e)
            {
                // The first failure (or the cancellation) stops the rest; it is rethrown once they have stopped.
                failure = ExceptionDispatchInfo.Capture(e);
                await stop.CancelAsync();
            }
        }
        if (failure is not null)
        {
            await Task.WhenAll(running.Keys).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Current);
            failure.Throw();
        }

        async Task<string> RunOne(GridPiece piece, GridWorker worker, int cores)
        {
            await run(piece, worker, cores, stop.Token);
            return piece.Id;
        }
    }
}
