using GanRsSandbox.Shared;
using Orleans.Streams;

namespace GanRsSandbox.BlazorUi.Features;

/// <summary>
/// The web host's one subscription to the sandbox's event stream, fanned out to every open page. It subscribes once,
/// as soon as the cluster answers, and resumes its existing subscription after a restart of the web host's client,
/// so nothing polls: an idle sandbox costs no grain calls.
/// </summary>
public sealed class ClusterSandboxEvents(IClusterClient cluster, ILogger<ClusterSandboxEvents> logger) : BackgroundService, ISandboxEvents
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private StreamSubscriptionHandle<SandboxEvent>? _subscription;

    public event Action<SandboxEvent>? Changed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var stream = cluster.GetStreamProvider(SandboxStreams.Provider).GetStream<SandboxEvent>(StreamId.Create(SandboxStreams.Namespace, SandboxStreams.Key));
                _subscription = await stream.SubscribeAsync((change, _) =>
                {
                    Changed?.Invoke(change);
                    return Task.CompletedTask;
                });
                logger.LogInformation("Listening for sandbox changes");
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The cluster is not up yet (or not reachable); pages still load on open and show why.
                logger.LogWarning("Cannot listen for sandbox changes yet ({Reason}); retrying", e.GetType().Name);
                await Task.Delay(RetryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_subscription is { } subscription)
        {
            try
            {
                // A web host that stops cleanly leaves no listener behind for the silos to deliver to.
                await subscription.UnsubscribeAsync();
            }
            catch (Exception e)
            {
                logger.LogDebug("Could not unsubscribe from sandbox changes: {Reason}", e.Message);
            }
        }
        await base.StopAsync(cancellationToken);
    }
}
