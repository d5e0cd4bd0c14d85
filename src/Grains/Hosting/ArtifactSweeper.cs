using GanRsSandbox.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GanRsSandbox.Grains.Hosting;

/// <summary>
/// Frees the disk that deleted resources held. Deleting a dataset, model or generator never removes its file, since
/// equal bytes are shared (<see cref="ArtifactStore"/>); instead, when this silo becomes active and then every
/// <see cref="SandboxOptions.ArtifactSweepMinutes"/>, the sweeper reads which artifacts the grain states of every
/// registered resource name and removes the others that are older than the grace period, and unfinished writes
/// left by a crash. Reading the references is the slow part and touches grains only through their public calls.
/// Sweeps from several silos at once are harmless: each removes only what none refers to.
/// </summary>
public sealed class ArtifactSweeper(IGrainFactory grains, ArtifactStore artifacts, IOptions<SandboxOptions> options, ILogger<ArtifactSweeper> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private const int Attempts = 10;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ArtifactSweeper), ServiceLifecycleStage.Active, _ =>
        {
            _loop = Task.Run(() => LoopAsync(_stop.Token));
            return Task.CompletedTask;
        }, async cancellationToken =>
        {
            _stop.Cancel();
            if (_loop is not null)
            {
                await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        });

    /// <summary>One sweep now: the names of the files it removed.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var referenced = await ReferencedAsync(cancellationToken);
        var removed = artifacts.Sweep(referenced, grace);
        if (removed.Count > 0)
        {
            logger.LogInformation("Artifact sweep removed {Count} file(s) that nothing refers to: {Files}", removed.Count, string.Join(", ", removed));
        }
        return removed;
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        var grace = TimeSpan.FromMinutes(options.Value.ArtifactGraceMinutes);
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.ArtifactSweepMinutes));
        while (!stop.IsCancellationRequested)
        {
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                try
                {
                    await SweepAsync(grace, stop);
                    break;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // A cluster still forming, or a silo just lost: the references are unknown, so nothing is removed.
                    logger.LogInformation("Artifact sweep attempt {Attempt} could not read the references ({Error})", attempt, e.Message);
                    await Task.Delay(RetryDelay, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
            await Task.Delay(interval, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<HashSet<string>> ReferencedAsync(CancellationToken cancellationToken)
    {
        var registry = grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key);
        var hashes = new List<string?>();
        foreach (var id in await registry.ListAsync(RegistryEntryKind.Dataset))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dataset = await grains.GetGrain<IDatasetGrain>(id).GetAsync();
            hashes.Add(dataset?.Artifact?.Hash);
            hashes.Add(dataset?.UsersArtifact?.Hash);
            hashes.Add(dataset?.ItemsArtifact?.Hash);
        }
        foreach (var id in await registry.ListAsync(RegistryEntryKind.Model))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = await grains.GetGrain<IModelGrain>(id).GetAsync();
            hashes.Add(model?.Artifact?.Hash);
            hashes.Add(model?.Predictions?.Hash);
        }
        foreach (var id in await registry.ListAsync(RegistryEntryKind.Generator))
        {
            cancellationToken.ThrowIfCancellationRequested();
            hashes.Add((await grains.GetGrain<IGeneratorGrain>(id).GetAsync())?.Artifact?.Hash);
        }
        return hashes.OfType<string>().ToHashSet(StringComparer.Ordinal);
    }
}
