using System.Runtime.ExceptionServices;
using TorchSharp;

namespace GanRsSandbox.Ml.Torch;

/// <summary>
/// How a piece of work spends the cores it may use. At small batches an operation is far below libtorch's parallel
/// grain (<see cref="TorchRuntime.ThreadsForBatch"/>), so small-batch trainings run side by side on one thread each,
/// and large-batch ones run one at a time with every core of the budget. libtorch's CPU thread count is OpenMP's,
/// which each OS thread keeps for itself (a new thread starts from the last count set anywhere), so it is set on
/// every thread that trains. Each training draws only from its own seeded generators, and with one thread each the
/// sums run in one order, so the results do not depend on how many ran at once.
/// </summary>
public static class ThreadBudget
{
    /// <summary>The most cores a budget names.</summary>
    public const int MaxThreads = 1024;

    /// <summary>
    /// Keeps the calling thread's libtorch operations on that thread. A live query is far below libtorch's parallel
    /// grain, and a pool thread that inherited a larger count would wake (and spin) OpenMP workers on every query,
    /// competing with the other queries for the same cores.
    /// </summary>
    public static void OneThreadHere()
    {
        if (torch.get_num_threads() != 1)
        {
            torch.set_num_threads(1);
        }
    }

    /// <summary>The cores a budget gives: every core of the machine when none is given.</summary>
    public static int Cores(int? budget) => Math.Clamp(budget ?? Environment.ProcessorCount, 1, MaxThreads);

    /// <summary>The cores one training at <paramref name="batchSize"/> keeps busy: one at small batches, all of them above.</summary>
    public static int Demand(int batchSize) => TorchRuntime.ThreadsForBatch(batchSize);

    /// <summary>libtorch's thread count for one training at <paramref name="batchSize"/> within the budget.</summary>
    public static int IntraOp(int batchSize, int? budget) => Math.Min(TorchRuntime.ThreadsForBatch(batchSize), Cores(budget));

    /// <summary>How many trainings at <paramref name="batchSize"/> run at once within the budget.</summary>
    public static int SideBySide(int batchSize, int? budget) => TorchRuntime.ThreadsForBatch(batchSize) == 1 ? Cores(budget) : 1;

    /// <summary>
    /// Trains every item, as many at once as the budget allows at this batch size, and returns the results in the
    /// items' order. The first failure (or the cancellation) is rethrown as itself once the running trainings stop.
    /// </summary>
    public static TResult[] Train<T, TResult>(IReadOnlyList<T> items, int batchSize, int? budget, Func<T, TResult> train,
        CancellationToken cancellationToken = default)
    {
        var sideBySide = Math.Min(SideBySide(batchSize, budget), Math.Max(1, items.Count));
        var intraOp = IntraOp(batchSize, budget);
        torch.set_num_threads(intraOp);
        var results = new TResult[items.Count];
        if (sideBySide == 1)
        {
            for (var i = 0; i < items.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = train(items[i]);
            }
            return results;
        }
        try
        {
            Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = sideBySide, CancellationToken = cancellationToken }, i =>
            {
                // A pool thread keeps whatever count it last had: another order of the sums would change the last digits.
                torch.set_num_threads(intraOp);
                results[i] = train(items[i]);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0]).Throw();
        }
        return results;
    }
}
