using System.Diagnostics.Metrics;
using Orleans.Runtime;

namespace GanRsSandbox.Grains.Hosting;

/// <summary>
/// Counts the grain calls this silo receives from clients (the web host, the CLI's cluster commands), so that an
/// idle sandbox can be shown to cost nothing: pages are pushed changes and never poll. Also a metric,
/// <c>ganrs.silo.client_calls</c>, for the Aspire dashboard.
/// </summary>
public sealed class ClientCallCounter : IIncomingGrainCallFilter
{
    private static readonly Meter Meter = new("GanRsSandbox.Silo");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("ganrs.silo.client_calls", description: "grain calls received from cluster clients");
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.SourceId is { } source && source.IsClient())
        {
            Interlocked.Increment(ref _count);
            Calls.Add(1);
        }
        return context.Invoke();
    }
}
