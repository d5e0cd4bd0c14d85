using GanRsSandbox.Grains;
using Microsoft.Extensions.Options;

namespace GanRsSandbox.Cluster.Tests;

/// <summary>A silo's jobs share its cores: one-core trainings run side by side, an all-core job waits its turn, in order.</summary>
public sealed class JobWorkerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static JobWorker Worker(int cores) => new(Options.Create(new SandboxOptions { JobCores = cores }));

    /// <summary>A job that reports its start and the budget it was given, then holds its cores until released.</summary>
    private sealed class HeldJob
    {
        public TaskCompletionSource<int> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ManualResetEventSlim Release { get; } = new();

        public Task<int> RunOn(JobWorker worker, int threads, CancellationToken cancellationToken = default) =>
            worker.RunAsync(threads, (cores, token) =>
            {
                Started.TrySetResult(cores);
                Release.Wait(token);
                return cores;
            }, () => Task.CompletedTask, cancellationToken);
    }

    [Fact]
    public async Task Two_one_core_jobs_run_at_once_on_two_cores_and_an_all_core_job_waits_for_both()
    {
        var worker = Worker(2);
        var (a, b, all) = (new HeldJob(), new HeldJob(), new HeldJob());
        var runA = a.RunOn(worker, 1);
        var runB = b.RunOn(worker, 1);
        // Both hold their core at the same time: neither is released before both have started.
        var budgets = await Task.WhenAll(a.Started.Task, b.Started.Task).WaitAsync(Deadline);
        Assert.Equal(new[] { 1, 1 }, budgets);

        var runAll = all.RunOn(worker, int.MaxValue);
        Assert.False(all.Started.Task.IsCompleted);
        a.Release.Set();
        await runA.WaitAsync(Deadline);
        Assert.False(all.Started.Task.IsCompleted);
        b.Release.Set();
        Assert.Equal(2, await all.Started.Task.WaitAsync(Deadline));
        all.Release.Set();
        Assert.Equal(2, await runAll.WaitAsync(Deadline));
    }

    [Fact]
    public async Task A_waiting_all_core_job_is_not_overtaken_by_later_one_core_jobs_and_a_cancelled_wait_frees_the_queue()
    {
        var worker = Worker(2);
        var (first, all, later) = (new HeldJob(), new HeldJob(), new HeldJob());
        var runFirst = first.RunOn(worker, 1);
        await first.Started.Task.WaitAsync(Deadline);
        using var cancelAll = new CancellationTokenSource();
        var runAll = all.RunOn(worker, 2, cancelAll.Token);
        var runLater = later.RunOn(worker, 1);
        // One core is free, but the all-core job is ahead of the later one.
        Assert.False(later.Started.Task.IsCompleted);

        cancelAll.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runAll.WaitAsync(Deadline));
        Assert.Equal(1, await later.Started.Task.WaitAsync(Deadline));
        first.Release.Set();
        later.Release.Set();
        await Task.WhenAll(runFirst, runLater).WaitAsync(Deadline);
        Assert.False(all.Started.Task.IsCompleted);
    }
}
