using GanRsSandbox.Shared;
using Microsoft.Extensions.Logging;

namespace GanRsSandbox.Grains.Hosting;

/// <summary>
/// Makes sure no job is lost with its silo. When this silo becomes active, and whenever the cluster declares a silo
/// dead, it wakes the owner grain of every unfinished job; an owner whose previous activation died with its silo
/// restarts the job as it activates (<see cref="JobOwnerGrain{TState}"/>). Every silo runs one, and waking an owner
/// that is still running its job changes nothing, so sweeps from several silos at once are harmless.
/// </summary>
public sealed class JobSupervisor(IClusterMembershipService membership, IGrainFactory grains, ILogger<JobSupervisor> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    // A dead silo's grains stay in the directory for a moment after the declaration: calls to them fail until then.
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int Attempts = 10;

    private readonly CancellationTokenSource _stop = new();
    private Task? _watch;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(JobSupervisor), ServiceLifecycleStage.Active, _ =>
        {
            _watch = Task.Run(() => WatchAsync(_stop.Token));
            return Task.CompletedTask;
        }, async cancellationToken =>
        {
            _stop.Cancel();
            if (_watch is not null)
            {
                await _watch.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        });

    private async Task WatchAsync(CancellationToken stop)
    {
        try
        {
            await SweepAsync("silo started", stop);
            var previous = membership.CurrentSnapshot;
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stop))
            {
                var dead = snapshot.CreateUpdate(previous).Changes.Where(m => m.Status == SiloStatus.Dead).Select(m => m.Name).ToList();
                previous = snapshot;
                if (dead.Count > 0)
                {
                    await SweepAsync($"silo {string.Join(", ", dead)} died", stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "The job supervisor stopped watching the cluster");
        }
    }

    private async Task SweepAsync(string reason, CancellationToken stop)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var owners = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).ActiveJobOwnersAsync();
                await Task.WhenAll(owners.Select(owner => JobOwners.Resolve(grains, owner).EnsureJobRunningAsync()));
                if (owners.Count > 0)
                {
                    logger.LogInformation("Job sweep ({Reason}): {Count} unfinished job(s) checked", reason, owners.Count);
                }
                return;
            }
            catch (Exception e) when (attempt < Attempts && !stop.IsCancellationRequested)
            {
                logger.LogInformation("Job sweep ({Reason}) attempt {Attempt} failed ({Error}); retrying", reason, attempt, e.Message);
                await Task.Delay(RetryDelay, stop);
            }
        }
    }
}
